import type { QuizItem } from '../knowledge/schema.ts';
import { matchesLevel, shuffle, type QuizLevel, type Random } from './quiz.ts';

/** Leitner boxes: a right answer moves a card up a box, a wrong one back to box 1. */
export const LEITNER_INTERVALS_MS = [0, 60_000, 24 * 3_600_000, 3 * 24 * 3_600_000, 7 * 24 * 3_600_000, 14 * 24 * 3_600_000] as const;
export const MAX_BOX = LEITNER_INTERVALS_MS.length - 1;

export interface PracticeCard {
  readonly itemId: string;
  readonly box: number;
  readonly dueAt: number;
}

/**
 * The next item to practise: a card that is due (lowest box first: the ones missed),
 * then an item never seen, then the card due soonest. Never the item just answered,
 * when there is any other.
 */
export function nextPracticeItem(items: readonly QuizItem[], cards: readonly PracticeCard[], level: QuizLevel, now: number, random: Random, lastItemId?: string): QuizItem | null {
  const pool = items.filter((item) => matchesLevel(item, level));
  const candidates = pool.length > 1 ? pool.filter((item) => item.id !== lastItemId) : pool;
  if (candidates.length === 0) return null;
  const byId = new Map(candidates.map((item) => [item.id, item]));
  const cardOf = new Map(cards.map((card) => [card.itemId, card]));

  const due = cards.filter((card) => byId.has(card.itemId) && card.dueAt <= now).sort((a, b) => a.box - b.box || a.dueAt - b.dueAt);
  if (due[0] !== undefined) return byId.get(due[0].itemId) as QuizItem;
  const unseen = shuffle(candidates.filter((item) => !cardOf.has(item.id)), random);
  if (unseen[0] !== undefined) return unseen[0];
  const soonest = cards.filter((card) => byId.has(card.itemId)).sort((a, b) => a.dueAt - b.dueAt)[0];
  return soonest === undefined ? null : (byId.get(soonest.itemId) as QuizItem);
}

export function reviewCard(card: PracticeCard | undefined, itemId: string, correct: boolean, now: number): PracticeCard {
  const box = correct ? Math.min(MAX_BOX, (card?.box ?? 0) + 1) : 1;
  return { itemId, box, dueAt: now + (LEITNER_INTERVALS_MS[box] ?? 0) };
}
