import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readShape } from '../../src/engines/intent.ts';
import type { AnswerDoc } from '../../src/engines/retrieve.ts';
import { LevelAnswers, levelCheckText, scenarioText } from '../../src/engines/scenario-answer.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { ScenarioVerdict } from '../../src/engines/scenario.ts';

const next: AnswerDoc = {
  id: 'term:support-group',
  kind: 'term',
  question: 'Support group',
  answer: 'A group whose members help each other.',
  levels: ['mezzo'],
  intent: 'definition',
  related: [],
  sources: ['test-source'],
  phrasings: ['Support group'],
};
const verdict = (cues: ScenarioVerdict['cues'], contested: string | null = null): ScenarioVerdict => ({
  level: 'mezzo',
  cues,
  sureness: 'high',
  scores: { micro: 1, mezzo: 6, macro: 0 },
  see: next.id,
  contested,
});

describe('scenarioText', () => {
  test('names the level first, then the cues either way, how sure, where sources disagree and what to read', () => {
    const text = scenarioText(
      verdict(
        [
          { cue: 'support group', level: 'mezzo' },
          { cue: 'client', level: 'micro' },
        ],
        'Group work can be either.',
      ),
      next,
    );
    expect(text).toBe(
      'This sounds like mezzo social work practice. What points there: “support group”. Pulling the other way: “client” (micro). ' +
        "I'm fairly sure. The sources disagree here: Group work can be either. Read next: Support group",
    );
  });
});

describe('levelCheckText', () => {
  test.each([
    [['mezzo'], 'Yes: a support group is mezzo social work practice.'],
    [['macro'], 'No: a support group is mezzo social work practice, not macro.'],
    [['micro', 'mezzo'], 'Mezzo: a support group is mezzo social work practice.'],
    [['micro', 'macro'], 'Neither: a support group is mezzo social work practice.'],
  ] as const)('asked %j: %s', (asked, opening) => {
    const text = levelCheckText(verdict([]), asked, 'a support group', next);
    expect(text.startsWith(`${opening} The glossary files it under mezzo.`)).toBe(true);
  });
});

describe('LevelAnswers.levelsDescribed', () => {
  const knowledge = loadKnowledge(path.resolve('tests/fixtures/class-knowledge'));
  const answers = new LevelAnswers(knowledge, new Map(), 2);

  test.each([
    ['what kind of job would a community organizer have', ['macro']],
    ['are there jobs for school counselors', ['micro']],
    ['jobs in social work', []],
  ])('%j describes %j', (question, levels) => {
    expect(answers.levelsDescribed(question, readShape(question))).toEqual(levels);
  });
});
