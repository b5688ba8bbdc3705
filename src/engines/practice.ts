import type { QuizItem } from '../knowledge/schema.ts';
import { matchesLevel, type QuizLevel } from './quiz.ts';
import { shuffle, type Random } from './random.ts';
import type { PracticeCard } from '../domain/practice.ts';
import { isLearning } from './scheduler.ts';

/** New cards a student meets per local day, as Anki's default deck options. */
export const NEW_CARDS_PER_DAY = 20;
/** Anki's learn-ahead limit: a learning card due this soon may come early when nothing else is due. */
export const LEARN_AHEAD_MS = 20 * 60_000;

export type PracticePick =
  | { readonly kind: 'item'; readonly item: QuizItem }
  /** Nothing due and no new card left today: when the next card is due, if any. */
  | { readonly kind: 'done'; readonly nextDueAt: number | null };

/**
 * The next item to practise: the card most overdue, then a new item (while today's new-card
 * limit lasts), then a learning card due within the learn-ahead limit. Never the item just
 * answered, when there is any other.
 */
export function nextPracticeItem(
  items: readonly QuizItem[],
  cards: readonly PracticeCard[],
  options: { level: QuizLevel; now: number; newToday: number; random: Random; lastItemId?: string | undefined },
): PracticePick {
  const pool = items.filter((item) => matchesLevel(item, options.level));
  const candidates = pool.length > 1 ? pool.filter((item) => item.id !== options.lastItemId) : pool;
  const byId = new Map(candidates.map((item) => [item.id, item]));
  const seen = new Set(cards.map((card) => card.itemId));
  const ours = cards.filter((card) => byId.has(card.itemId)).sort((a, b) => a.dueAt - b.dueAt);

  const due = ours.find((card) => card.dueAt <= options.now);
  if (due !== undefined) return { kind: 'item', item: byId.get(due.itemId) as QuizItem };
  if (options.newToday < NEW_CARDS_PER_DAY) {
    const fresh = shuffle(
      candidates.filter((item) => !seen.has(item.id)),
      options.random,
    )[0];
    if (fresh !== undefined) return { kind: 'item', item: fresh };
  }
  const soon = ours.find((card) => isLearning(card) && card.dueAt <= options.now + LEARN_AHEAD_MS);
  if (soon !== undefined) return { kind: 'item', item: byId.get(soon.itemId) as QuizItem };
  const inPool = cards.filter((card) => pool.some((item) => item.id === card.itemId)).sort((a, b) => a.dueAt - b.dueAt);
  return { kind: 'done', nextDueAt: inPool[0]?.dueAt ?? null };
}

/** Cards due by the end of today (overdue included) and during tomorrow, in local dates. */
export function dueCounts(
  cards: readonly PracticeCard[],
  today: string,
  tomorrow: string,
  localDateOf: (at: number) => string,
): { today: number; tomorrow: number } {
  let dueToday = 0;
  let dueTomorrow = 0;
  for (const card of cards) {
    const date = localDateOf(card.dueAt);
    if (date <= today) dueToday++;
    else if (date === tomorrow) dueTomorrow++;
  }
  return { today: dueToday, tomorrow: dueTomorrow };
}
