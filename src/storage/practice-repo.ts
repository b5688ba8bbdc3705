import type { PracticeCard } from '../engines/practice.ts';
import type { SqlClient } from './sql.ts';

const CARD = 'SELECT item_id AS "itemId", box, due_at AS "dueAt" FROM practice_cards';

/** Each user's solo-practice cards; kept apart from the server leaderboard on purpose. */
export class PracticeRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  cards(userId: string): Promise<PracticeCard[]> {
    return this.db.all<PracticeCard>(`${CARD} WHERE user_id = ?`, [userId]);
  }

  card(userId: string, itemId: string): Promise<PracticeCard | undefined> {
    return this.db.get<PracticeCard>(`${CARD} WHERE user_id = ? AND item_id = ?`, [userId, itemId]);
  }

  async save(userId: string, card: PracticeCard, correct: boolean): Promise<void> {
    await this.db.run(
      `INSERT INTO practice_cards (user_id, item_id, box, due_at, reviews, correct, reviewed_at) VALUES (?, ?, ?, ?, 1, ?, ?)
       ON CONFLICT (user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
         reviews = practice_cards.reviews + 1, correct = practice_cards.correct + excluded.correct, reviewed_at = excluded.reviewed_at`,
      [userId, card.itemId, card.box, card.dueAt, correct ? 1 : 0, this.now()],
    );
  }
}
