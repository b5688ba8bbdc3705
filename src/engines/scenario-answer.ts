import type { PracticeLevel } from '../domain/levels.ts';
import type { AnswerDoc } from './retrieve.ts';
import type { ScenarioVerdict, Sureness } from './scenario.ts';

/** The confidence an answer from the classifier shows, by how sure the verdict is. */
export const SURENESS_SCORE: Readonly<Record<Sureness, number>> = { high: 0.9, medium: 0.7, low: 0.5 };

const SURENESS_WORDS: Readonly<Record<Sureness, string>> = {
  high: "I'm fairly sure",
  medium: "I'm reasonably sure, but it could be read another way",
  low: "I'm not very sure: the description fits more than one level",
};

/** "Which level is this?": the level in the first sentence, then the cues, how sure, where sources disagree, what to read. */
export function scenarioText(verdict: ScenarioVerdict, next: AnswerDoc): string {
  const noCue = `The closest entry I have is about ${verdict.level} practice.`;
  return [`This sounds like ${verdict.level} social work practice.`, ...reasons(verdict, next, noCue)].join(' ');
}

/**
 * "is case management micro?": yes or no, and the level, in the first sentence, from what the
 * knowledge base files the thing under; then the same reasons as a scenario.
 */
export function levelCheckText(verdict: ScenarioVerdict, asked: readonly PracticeLevel[], subject: string, next: AnswerDoc): string {
  const { level } = verdict;
  const is = `${subject} is ${level} social work practice`;
  const opening =
    asked.length === 1
      ? asked[0] === level
        ? `Yes: ${is}.`
        : `No: ${is}, not ${asked[0] as string}.`
      : asked.includes(level)
        ? `${capitalised(level)}: ${is}.`
        : `Neither: ${is}.`;
  return [opening, ...reasons(verdict, next, `The glossary files it under ${level}.`)].join(' ');
}

function reasons(verdict: ScenarioVerdict, next: AnswerDoc, noCue: string): string[] {
  const pointing = verdict.cues
    .filter((c) => c.level === verdict.level)
    .slice(0, 4)
    .map((c) => `“${c.cue}”`);
  const against = verdict.cues
    .filter((c) => c.level !== verdict.level)
    .slice(0, 2)
    .map((c) => `“${c.cue}” (${c.level})`);
  const lines = [pointing.length > 0 ? `What points there: ${pointing.join(', ')}.` : noCue];
  if (against.length > 0) lines.push(`Pulling the other way: ${against.join(', ')}.`);
  lines.push(`${SURENESS_WORDS[verdict.sureness]}.`);
  if (verdict.contested !== null) lines.push(`The sources disagree here: ${verdict.contested}`);
  lines.push(`Read next: ${next.question}`);
  return lines;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
