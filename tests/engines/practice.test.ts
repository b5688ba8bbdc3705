import { describe, expect, test } from 'vitest';
import { dueCounts, LEARN_AHEAD_MS, NEW_CARDS_PER_DAY, nextPracticeItem } from '../../src/engines/practice.ts';
import { seededRandom } from '../../src/engines/random.ts';
import type { PracticeCard } from '../../src/domain/practice.ts';
import { fixtureQuizItems } from '../helpers/quiz-items.ts';

const items = fixtureQuizItems();
const now = Date.UTC(2026, 11, 1, 9);
const card = (itemId: string, dueAt: number, state = 2): PracticeCard => ({
  itemId,
  state,
  stability: 3,
  difficulty: 5,
  dueAt,
  scheduledDays: 3,
  learningSteps: 0,
  reps: 2,
  lapses: 0,
  lastReviewAt: now - 3 * 86_400_000,
});
const pick = (cards: PracticeCard[], newToday = 0, lastItemId?: string) =>
  nextPracticeItem(items, cards, { level: 'mixed', now, newToday, random: seededRandom(1), lastItemId });

describe('nextPracticeItem', () => {
  const [a, b, c] = items;
  test('the most overdue card first, never the item just answered', () => {
    const cards = [card(a!.id, now - 1), card(b!.id, now - 5_000), card(c!.id, now + 86_400_000)];
    expect(pick(cards)).toEqual({ kind: 'item', item: b });
    expect(pick(cards, 0, b!.id)).toEqual({ kind: 'item', item: a });
  });

  test('then a new item, while today’s new-card limit lasts', () => {
    const cards = [card(a!.id, now + 86_400_000)];
    // The seed picks a new item; never the card already scheduled for tomorrow.
    expect(pick(cards)).toEqual({ kind: 'item', item: items.find((item) => item.id === 'scenario-micro-1') });
    expect(pick(cards, NEW_CARDS_PER_DAY)).toEqual({ kind: 'done', nextDueAt: now + 86_400_000 });
  });

  test('then a learning card within the learn-ahead limit, else done with the next due date', () => {
    const soon = card(a!.id, now + LEARN_AHEAD_MS, 1);
    expect(pick([soon], NEW_CARDS_PER_DAY)).toEqual({ kind: 'item', item: a });
    const later = card(a!.id, now + LEARN_AHEAD_MS + 1, 1);
    expect(pick([later], NEW_CARDS_PER_DAY)).toEqual({ kind: 'done', nextDueAt: later.dueAt });
  });
});

describe('dueCounts', () => {
  test('counts overdue and today’s cards as today, and tomorrow’s apart', () => {
    const dateOf = (at: number) => new Date(at).toISOString().slice(0, 10);
    const cards = [card('a', now - 86_400_000), card('b', now + 3_600_000), card('c', now + 86_400_000), card('d', now + 2 * 86_400_000)];
    expect(dueCounts(cards, '2026-12-01', '2026-12-02', dateOf)).toEqual({ today: 2, tomorrow: 1 });
  });
});
