import type { Level } from '../domain/levels.ts';
import type { ReportAnswer, ReportRound } from '../domain/quiz.ts';
import type { QuizItem } from '../knowledge/schema.ts';
import { choicesFor, correctKey } from './quiz.ts';

const DAY_MS = 24 * 3_600_000;

export const REPORT_PERIODS = ['week', 'month', 'all'] as const;
export type ReportPeriod = (typeof REPORT_PERIODS)[number];
/** The levels a report can be narrowed to (quiz items tagged `general` show only in the whole report). */
export const REPORT_LEVELS = ['micro', 'mezzo', 'macro'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number] | 'all';

export const MOST_MISSED_COUNT = 10;
export const ACTIVITY_DAYS = 30;

export interface OptionFigures {
  readonly key: string;
  readonly label: string;
  readonly correct: boolean;
  /** Answers that chose this option. */
  readonly count: number;
  /** `count` over all answers to the item; null when nobody answered it. */
  readonly share: number | null;
}

export interface ItemFigures {
  readonly id: string;
  readonly level: Level;
  readonly kind: QuizItem['kind'];
  readonly question: string;
  /** Rounds that put this item to the group. */
  readonly asked: number;
  readonly right: number;
  readonly wrong: number;
  readonly options: readonly OptionFigures[];
}

export interface LevelAccuracy {
  readonly level: Level;
  readonly answers: number;
  readonly right: number;
}

export interface ClassReport {
  readonly period: ReportPeriod;
  readonly level: ReportLevel;
  readonly players: number;
  readonly quizzes: number;
  readonly answers: number;
  /** micro, mezzo, macro (and general when asked), in that order. */
  readonly byLevel: readonly LevelAccuracy[];
  /** Every quiz item in the knowledge base at this level, in knowledge order. */
  readonly items: readonly ItemFigures[];
  /** Up to ten items with wrong answers: most wrong first, then the larger wrong share, then by id. */
  readonly mostMissed: readonly ItemFigures[];
  /** Items no round asked in the period. */
  readonly unseen: readonly ItemFigures[];
}

/** Parses a period option, defaulting to all time. */
export function reportPeriod(value: string | null | undefined): ReportPeriod {
  return REPORT_PERIODS.find((period) => period === value) ?? 'all';
}

/** Parses a level option, defaulting to every level. */
export function reportLevel(value: string | null | undefined): ReportLevel {
  return REPORT_LEVELS.find((level) => level === value) ?? 'all';
}

/** The start of a period ending now; 0 for all time. */
export function periodStart(period: ReportPeriod, now: number): number {
  return period === 'week' ? now - 7 * DAY_MS : period === 'month' ? now - 30 * DAY_MS : 0;
}

function count<K>(map: Map<K, number>, key: K): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

/**
 * A guild's quiz figures for instructors: participation, accuracy per level, and per item
 * how often it was asked, how it was answered and how the answers split across options.
 * Rounds of items no longer in the knowledge base count in the totals but have no item row.
 */
export function classReport(
  items: readonly QuizItem[],
  { rounds, answers }: { rounds: readonly ReportRound[]; answers: readonly ReportAnswer[] },
  scope: { period: ReportPeriod; level: ReportLevel },
): ClassReport {
  const inScope = (level: Level) => scope.level === 'all' || level === scope.level;
  const keptRounds = rounds.filter((round) => inScope(round.itemLevel));
  const keptAnswers = answers.filter((answer) => inScope(answer.itemLevel));

  const askedById = new Map<string, number>();
  for (const round of keptRounds) count(askedById, round.itemId);
  const answersById = new Map<string, ReportAnswer[]>();
  for (const answer of keptAnswers) answersById.set(answer.itemId, [...(answersById.get(answer.itemId) ?? []), answer]);

  const figures = items
    .filter((item) => inScope(item.level))
    .map((item): ItemFigures => {
      const given = answersById.get(item.id) ?? [];
      const chosen = new Map<string, number>();
      for (const answer of given) count(chosen, answer.choice);
      const right = given.filter((answer) => answer.correct).length;
      return {
        id: item.id,
        level: item.level,
        kind: item.kind,
        question: item.question,
        asked: askedById.get(item.id) ?? 0,
        right,
        wrong: given.length - right,
        options: choicesFor(item).map((choice) => {
          const picked = chosen.get(choice.key) ?? 0;
          return {
            key: choice.key,
            label: choice.label,
            correct: choice.key === correctKey(item),
            count: picked,
            share: given.length === 0 ? null : picked / given.length,
          };
        }),
      };
    });

  const levels: Level[] =
    scope.level === 'all' ? [...REPORT_LEVELS, ...(keptRounds.some((r) => r.itemLevel === 'general') ? (['general'] as const) : [])] : [scope.level];
  const wrongShare = (item: ItemFigures) => item.wrong / (item.right + item.wrong);
  return {
    period: scope.period,
    level: scope.level,
    players: new Set(keptAnswers.map((answer) => answer.userId)).size,
    quizzes: new Set(keptRounds.map((round) => round.sessionId)).size,
    answers: keptAnswers.length,
    byLevel: levels.map((level) => {
      const atLevel = keptAnswers.filter((answer) => answer.itemLevel === level);
      return { level, answers: atLevel.length, right: atLevel.filter((answer) => answer.correct).length };
    }),
    items: figures,
    mostMissed: figures
      .filter((item) => item.wrong > 0)
      .sort((a, b) => b.wrong - a.wrong || wrongShare(b) - wrongShare(a) || (a.id < b.id ? -1 : 1))
      .slice(0, MOST_MISSED_COUNT),
    unseen: figures.filter((item) => item.asked === 0),
  };
}

export interface ActivityDay {
  /** YYYY-MM-DD, in UTC. */
  readonly date: string;
  readonly answers: number;
}

/** Answers per UTC day for the `days` days ending today, oldest first; days without answers count 0. */
export function activityStrip(answerTimes: readonly number[], now: number, days = ACTIVITY_DAYS): ActivityDay[] {
  const today = Math.floor(now / DAY_MS);
  const perDay = new Map<number, number>();
  for (const at of answerTimes) count(perDay, Math.floor(at / DAY_MS));
  return Array.from({ length: days }, (_, index) => {
    const day = today - (days - 1) + index;
    return { date: new Date(day * DAY_MS).toISOString().slice(0, 10), answers: perDay.get(day) ?? 0 };
  });
}

/** The first UTC midnight of an activity strip ending now. */
export function activityStart(now: number, days = ACTIVITY_DAYS): number {
  return (Math.floor(now / DAY_MS) - (days - 1)) * DAY_MS;
}
