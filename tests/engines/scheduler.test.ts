import { describe, expect, test } from 'vitest';
import type { PracticeCard } from '../../src/domain/practice.ts';
import { FAST_ANSWER_MS, MATURE_DAYS, rateAnswer, reviewCard } from '../../src/engines/scheduler.ts';

const T0 = Date.UTC(2026, 11, 1, 9); // Tue 1 Dec 2026, 09:00 UTC
const iso = (at: number) => new Date(at).toISOString();

describe('FSRS scheduling (ts-fsrs, no fuzz)', () => {
  test('a new card answered right steps through learning, then graduates to days', () => {
    const first = reviewCard(undefined, 'x', 'good', T0);
    expect(first).toMatchObject({ itemId: 'x', state: 1, reps: 1, lapses: 0, lastReviewAt: T0 });
    expect(iso(first.dueAt)).toBe('2026-12-01T09:10:00.000Z');
    const second = reviewCard(first, 'x', 'good', first.dueAt);
    expect(second).toMatchObject({ state: 2, scheduledDays: 2, reps: 2 });
    expect(iso(second.dueAt)).toBe('2026-12-03T09:10:00.000Z');
    const third = reviewCard(second, 'x', 'good', second.dueAt);
    expect(third.scheduledDays).toBe(11);
    expect(iso(third.dueAt)).toBe('2026-12-14T09:10:00.000Z');
  });

  test('a wrong answer on a review card relearns it in 10 minutes and counts a lapse', () => {
    const learnt = reviewCard(reviewCard(reviewCard(undefined, 'x', 'good', T0), 'x', 'good', T0 + 600_000), 'x', 'good', Date.UTC(2026, 11, 3, 9, 10));
    const missed = reviewCard(learnt, 'x', 'again', learnt.dueAt);
    expect(missed).toMatchObject({ state: 3, lapses: 1, scheduledDays: 0 });
    expect(iso(missed.dueAt)).toBe('2026-12-14T09:20:00.000Z');
    expect(missed.difficulty).toBeGreaterThan(learnt.difficulty);
  });

  test('a new card answered wrong comes back in a minute', () => {
    expect(iso(reviewCard(undefined, 'x', 'again', T0).dueAt)).toBe('2026-12-01T09:01:00.000Z');
  });

  test('Easy pushes a card further than Good', () => {
    const card = reviewCard(reviewCard(undefined, 'x', 'good', T0), 'x', 'good', T0 + 600_000);
    const at = card.dueAt;
    expect(reviewCard(card, 'x', 'easy', at).scheduledDays).toBeGreaterThan(reviewCard(card, 'x', 'good', at).scheduledDays);
  });
});

describe('rateAnswer', () => {
  const mature: PracticeCard = {
    itemId: 'x',
    state: 2,
    stability: 30,
    difficulty: 5,
    dueAt: T0,
    scheduledDays: MATURE_DAYS,
    learningSteps: 0,
    reps: 6,
    lapses: 0,
    lastReviewAt: T0 - 21 * 86_400_000,
  };
  const young: PracticeCard = { ...mature, scheduledDays: MATURE_DAYS - 1 };
  test.each([
    ['wrong, however fast', mature, false, 1_000, 'again'],
    ['right on a new card', undefined, true, 1_000, 'good'],
    ['right and fast on a young card', young, true, 1_000, 'good'],
    ['right and fast on a mature card', mature, true, FAST_ANSWER_MS, 'easy'],
    ['right but slow on a mature card', mature, true, FAST_ANSWER_MS + 1, 'good'],
    ['right on a mature card, time unknown', mature, true, null, 'good'],
  ] as const)('%s: %s', (_, card, correct, ms, rating) => {
    expect(rateAnswer(card, correct, ms)).toBe(rating);
  });
});
