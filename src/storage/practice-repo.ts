import type { PracticeCard } from '../engines/practice.ts';
import type { Db } from './database.ts';

/** Each user's solo-practice cards; kept apart from the server leaderboard on purpose. */
export class PracticeRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  cards(userId: string): PracticeCard[] {
    return this.db.prepare<[string], PracticeCard>('SELECT item_id AS itemId, box, due_at AS dueAt FROM practice_cards WHERE user_id = ?').all(userId);
  }

  card(userId: string, itemId: string): PracticeCard | undefined {
    return this.db.prepare<[string, string], PracticeCard>('SELECT item_id AS itemId, box, due_at AS dueAt FROM practice_cards WHERE user_id = ? AND item_id = ?').get(userId, itemId);
  }

  save(userId: string, card: PracticeCard, correct: boolean): void {
    this.db
      .prepare(
        `INSERT INTO practice_cards (user_id, item_id, box, due_at, reviews, correct, reviewed_at) VALUES (?, ?, ?, ?, 1, ?, ?)
         ON CONFLICT (user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
           reviews = reviews + 1, correct = correct + excluded.correct, reviewed_at = excluded.reviewed_at`,
      )
      .run(userId, card.itemId, card.box, card.dueAt, correct ? 1 : 0, this.now());
  }
}
