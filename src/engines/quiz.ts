import type { QuizAnswer } from '../domain/quiz.ts';
import { CHOICE_LETTERS, type QuizItem } from '../knowledge/schema.ts';
import { shuffle, type Random } from './random.ts';
import { expandWords } from '../text.ts';

export const QUIZ_LEVELS = ['micro', 'mezzo', 'macro', 'mixed'] as const;
export type QuizLevel = (typeof QUIZ_LEVELS)[number];

export const QUIZ_LIMITS = { minQuestions: 3, maxQuestions: 20, defaultQuestions: 5, minSeconds: 10, maxSeconds: 60, defaultSeconds: 20 } as const;

/** Points for a right answer, plus up to SPEED_BONUS for answering early. */
export const BASE_POINTS = 10;
export const SPEED_BONUS = 5;

export interface Choice {
  /** What the button sends back: a letter, "true"/"false", or a level. */
  readonly key: string;
  readonly label: string;
}

const LEVEL_CHOICES: readonly Choice[] = [
  { key: 'micro', label: 'Micro' },
  { key: 'mezzo', label: 'Mezzo' },
  { key: 'macro', label: 'Macro' },
];

export function choicesFor(item: QuizItem): readonly Choice[] {
  switch (item.kind) {
    case 'multiple-choice':
      return item.choices.map((label, index) => ({ key: CHOICE_LETTERS[index] as string, label }));
    case 'true-false':
      return [
        { key: 'true', label: 'True' },
        { key: 'false', label: 'False' },
      ];
    case 'scenario-level':
      return LEVEL_CHOICES;
  }
}

export function correctKey(item: QuizItem): string {
  return String(item.answer);
}

/** A choice as its button shows it: the letter and text of a multiple-choice answer, else the label ("Macro", "True"). */
export function choiceLabel(item: QuizItem, key: string): string {
  const choice = choicesFor(item).find((c) => c.key === key);
  if (choice === undefined) return key;
  return item.kind === 'multiple-choice' ? `${choice.key}: ${choice.label}` : choice.label;
}

export function correctLabel(item: QuizItem): string {
  return choicesFor(item).find((c) => c.key === correctKey(item))?.label ?? correctKey(item);
}

export function questionText(item: QuizItem): string {
  return item.kind === 'scenario-level' ? `Which level is this? ${item.question}` : item.question;
}

/**
 * Whether an item suits a quiz at this level: its own level, `general`, or any "which level
 * is this?" scenario. Scenarios of every level come in, since a micro quiz whose scenarios
 * were all micro would give their answer away.
 */
export function matchesLevel(item: QuizItem, level: QuizLevel): boolean {
  return level === 'mixed' || item.level === level || item.level === 'general' || item.kind === 'scenario-level';
}

/**
 * Draws `count` different items for a quiz at a level (items tagged `general` suit every
 * level). A mixed quiz always includes a "which level is this?" scenario when any exist.
 */
export function drawItems(items: readonly QuizItem[], level: QuizLevel, count: number, random: Random): QuizItem[] {
  const pool = items.filter((item) => matchesLevel(item, level));
  const drawn = shuffle(pool, random).slice(0, count);
  if (level === 'mixed' && drawn.length > 0 && !drawn.some((item) => item.kind === 'scenario-level')) {
    const scenario = shuffle(
      pool.filter((item) => item.kind === 'scenario-level'),
      random,
    )[0];
    if (scenario !== undefined) drawn[drawn.length - 1] = scenario;
  }
  return drawn;
}

/** Right answers earn the base points plus a bonus shrinking linearly to 0 at the deadline. */
export function pointsFor(correct: boolean, openedAt: number, answeredAt: number, deadlineAt: number): number {
  if (!correct) return 0;
  const share = Math.min(1, Math.max(0, (deadlineAt - answeredAt) / Math.max(1, deadlineAt - openedAt)));
  return BASE_POINTS + Math.round(SPEED_BONUS * share);
}

export interface Standing {
  readonly userId: string;
  readonly points: number;
  readonly correct: number;
  readonly answered: number;
}

/** Standings by points, then right answers, then who answered first. */
export function standings(answers: readonly QuizAnswer[]): Standing[] {
  const byUser = new Map<string, Standing & { first: number }>();
  for (const answer of answers) {
    const current = byUser.get(answer.userId) ?? { userId: answer.userId, points: 0, correct: 0, answered: 0, first: answer.answeredAt };
    byUser.set(answer.userId, {
      ...current,
      points: current.points + answer.points,
      correct: current.correct + (answer.correct ? 1 : 0),
      answered: current.answered + 1,
      first: Math.min(current.first, answer.answeredAt),
    });
  }
  return [...byUser.values()]
    .sort((a, b) => b.points - a.points || b.correct - a.correct || a.first - b.first)
    .map(({ userId, points, correct, answered }) => ({ userId, points, correct, answered }));
}

export type PressOutcome =
  | { readonly kind: 'locked'; readonly answer: QuizAnswer; readonly label: string; readonly everyoneAnswered: boolean }
  | { readonly kind: 'already-answered'; readonly choice: string; readonly label: string }
  | { readonly kind: 'round-closed' }
  | { readonly kind: 'invalid-choice' };

export interface RoundState {
  readonly round: number;
  readonly item: QuizItem;
  readonly openedAt: number;
  readonly deadlineAt: number;
  readonly open: boolean;
}

/**
 * Who a round waits for before closing early: everyone who answered an earlier round; in the
 * first round (or when nobody has answered yet) the person who started the quiz.
 */
export function roundParticipants(answers: readonly QuizAnswer[], round: number, starterId: string): Set<string> {
  const earlier = new Set(answers.filter((a) => a.round < round).map((a) => a.userId));
  return earlier.size > 0 ? earlier : new Set([starterId]);
}

/** Whether everyone taking part has answered `round`, so it can close before its deadline. */
export function everyoneAnswered(answers: readonly QuizAnswer[], round: number, starterId: string): boolean {
  const answered = new Set(answers.filter((a) => a.round === round).map((a) => a.userId));
  return [...roundParticipants(answers, round, starterId)].every((player) => answered.has(player));
}

/**
 * One group quiz as a pure state machine: rounds open and close, presses become answers.
 * Time comes in as arguments; the caller owns timers, storage and messages.
 */
export class QuizGame {
  private readonly answers: QuizAnswer[] = [];
  private roundIndex = -1;
  private roundOpen = false;
  private openedAt = 0;
  private deadlineAt = 0;

  constructor(
    readonly items: readonly QuizItem[],
    readonly secondsPerRound: number,
    recovered: readonly QuizAnswer[] = [],
    /** Who started the quiz: the first round closes early once they have answered. */
    readonly starterId = '',
  ) {
    this.answers.push(...recovered);
  }

  get current(): RoundState | null {
    const item = this.items[this.roundIndex];
    return item === undefined ? null : { round: this.roundIndex + 1, item, openedAt: this.openedAt, deadlineAt: this.deadlineAt, open: this.roundOpen };
  }

  get hasNextRound(): boolean {
    return this.roundIndex + 1 < this.items.length;
  }

  get allAnswers(): readonly QuizAnswer[] {
    return this.answers;
  }

  openNextRound(now: number): RoundState {
    if (this.roundOpen) throw new Error('the current round is still open');
    if (!this.hasNextRound) throw new Error('no rounds left');
    this.roundIndex++;
    this.roundOpen = true;
    this.openedAt = now;
    this.deadlineAt = now + this.secondsPerRound * 1000;
    return this.current as RoundState;
  }

  /** Judges a press; a "locked" answer is kept only once record() is called with it. */
  press(userId: string, round: number, choice: string, now: number): PressOutcome {
    const current = this.current;
    if (current === null || round !== current.round || !this.roundOpen || now > this.deadlineAt) return { kind: 'round-closed' };
    const earlier = this.answers.find((a) => a.round === round && a.userId === userId);
    if (earlier !== undefined) return { kind: 'already-answered', choice: earlier.choice, label: choiceLabel(current.item, earlier.choice) };
    if (!choicesFor(current.item).some((c) => c.key === choice)) return { kind: 'invalid-choice' };
    const correct = choice === correctKey(current.item);
    const answer: QuizAnswer = { round, userId, choice, correct, points: pointsFor(correct, this.openedAt, now, this.deadlineAt), answeredAt: now };
    return {
      kind: 'locked',
      answer,
      label: choiceLabel(current.item, choice),
      everyoneAnswered: everyoneAnswered([...this.answers, answer], round, this.starterId),
    };
  }

  /** Keeps an answer press() accepted, once the caller has saved it. */
  record(answer: QuizAnswer): void {
    this.answers.push(answer);
  }

  /** Closes the open round and tells who got it right. */
  closeRound(): { round: RoundState; right: string[]; wrong: string[] } {
    const current = this.current;
    if (current === null || !this.roundOpen) throw new Error('no open round');
    this.roundOpen = false;
    const answers = this.answers.filter((a) => a.round === current.round);
    return {
      round: { ...current, open: false },
      right: answers.filter((a) => a.correct).map((a) => a.userId),
      wrong: answers.filter((a) => !a.correct).map((a) => a.userId),
    };
  }

  standings(): Standing[] {
    return standings(this.answers);
  }
}

/**
 * Reads a typed level the way the answer engine reads level words ("meso", "Mezzo", "mezo",
 * "micro level"): mixed when empty, null when it names no level or more than one.
 */
export function quizLevel(value: string | null): QuizLevel | null {
  if (value === null || value.trim() === '') return 'mixed';
  const named = new Set(expandWords(value).filter((word): word is QuizLevel => (QUIZ_LEVELS as readonly string[]).includes(word)));
  const [only] = named;
  return named.size === 1 && only !== undefined ? only : null;
}
