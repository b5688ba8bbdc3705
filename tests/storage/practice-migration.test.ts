import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { reviewCard } from '../../src/engines/scheduler.ts';
import { openDatabase } from '../../src/storage/database.ts';
import { openStorage } from '../../src/storage/index.ts';
import { MIGRATIONS } from '../../src/storage/migrations.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const DAY = 86_400_000;
const T0 = Date.UTC(2026, 11, 1, 9);
const iso = (at: number) => new Date(at).toISOString();

/** A database as the Leitner version left it (schema 4), with one card per box. */
function leitnerDatabase(): string {
  const file = path.join(tempDir(), 'tutor.sqlite');
  const db = openDatabase(file, { migrations: MIGRATIONS.slice(0, 4) });
  const insert = db.prepare('INSERT INTO practice_cards (user_id, item_id, box, due_at, reviews, correct, reviewed_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
  insert.run('u', 'missed', 1, T0 + 60_000, 3, 2, T0);
  insert.run('u', 'right-once', 1, T0 + 60_000, 1, 1, T0);
  insert.run('u', 'box-3', 3, T0 + 3 * DAY, 4, 4, T0);
  insert.run('u', 'box-5', 5, T0 + 14 * DAY, 6, 5, T0);
  db.close();
  return file;
}

describe('the FSRS migration of Leitner cards', () => {
  test('keeps every card and its due date, mapping its box to an FSRS state', async () => {
    const storage = await openStorage(leitnerDatabase());
    const cards = new Map((await storage.practice.cards('u')).map((card) => [card.itemId, card]));
    expect(cards.size).toBe(4);
    expect(cards.get('missed')).toMatchObject({
      state: 3,
      stability: 0.5,
      difficulty: 7,
      dueAt: T0 + 60_000,
      reps: 3,
      lapses: 1,
      reviews: 3,
      correct: 2,
      lastReviewAt: T0,
    });
    expect(cards.get('right-once')).toMatchObject({ state: 1, lapses: 0, dueAt: T0 + 60_000 });
    expect(cards.get('box-3')).toMatchObject({ state: 2, stability: 3, scheduledDays: 3, dueAt: T0 + 3 * DAY, reps: 4 });
    expect(cards.get('box-5')).toMatchObject({ state: 2, stability: 14, scheduledDays: 14, dueAt: T0 + 14 * DAY, lapses: 1 });
    // Migrated cards are not new today: they never count toward the new-card limit.
    expect(await storage.practice.introducedOn('u', '2026-12-01')).toBe(0);
    await storage.close();
  });

  test('a migrated card’s next date after a right and a wrong answer', async () => {
    const storage = await openStorage(leitnerDatabase());
    const box3 = (await storage.practice.card('u', 'box-3'))!;
    const right = reviewCard(box3, 'box-3', 'good', box3.dueAt);
    expect(right).toMatchObject({ state: 2, scheduledDays: 11 });
    expect(iso(right.dueAt)).toBe('2026-12-15T09:00:00.000Z');
    const wrong = reviewCard(box3, 'box-3', 'again', box3.dueAt);
    expect(wrong).toMatchObject({ state: 3, lapses: 1 });
    expect(iso(wrong.dueAt)).toBe('2026-12-04T09:10:00.000Z');
    expect(await storage.practice.save('u', right, true, box3.reviews, '2026-12-04')).toBe(true);
    expect(await storage.practice.card('u', 'box-3')).toMatchObject({ dueAt: right.dueAt, reviews: 5, correct: 5, state: 2 });
    // The same showing answered again saves nothing.
    expect(await storage.practice.save('u', wrong, false, box3.reviews, '2026-12-04')).toBe(false);
    await storage.close();
  });

  test('a new card is saved once per showing and counts toward today’s new cards', async () => {
    const storage = await openStorage(path.join(tempDir(), 'fresh.sqlite'));
    const card = reviewCard(undefined, 'x', 'good', T0);
    expect(await storage.practice.save('u', card, true, 0, '2026-12-01')).toBe(true);
    expect(await storage.practice.save('u', card, true, 0, '2026-12-01')).toBe(false);
    expect(await storage.practice.introducedOn('u', '2026-12-01')).toBe(1);
    expect(await storage.practice.card('u', 'x')).toMatchObject({ ...card, reviews: 1, correct: 1 });
    await storage.close();
  });
});
