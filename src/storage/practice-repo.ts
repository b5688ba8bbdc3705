import type { PracticeCard } from '../engines/practice.ts';
import type { SqlClient } from './sql.ts';

/** A stored card and how many times it has been reviewed: a showing of the card is keyed by that count. */
export interface StoredCard extends PracticeCard {
  readonly reviews: number;
}

const CARD = 'SELECT item_id AS "itemId", box, due_at AS "dueAt", reviews FROM practice_cards';

/** Each user's solo-practice cards; kept apart from the server leaderboard on purpose. */
export class PracticeRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  cards(userId: string): Promise<StoredCard[]> {
    return this.db.all<StoredCard>(`${CARD} WHERE user_id = ?`, [userId]);
  }

  card(userId: string, itemId: string): Promise<StoredCard | undefined> {
    return this.db.get<StoredCard>(`${CARD} WHERE user_id = ? AND item_id = ?`, [userId, itemId]);
  }

  /**
   * Saves one review of a card shown when it had `shownAt` reviews. Resolves false, saving
   * nothing, when that showing was already answered: one showing, one review.
   */
  async save(userId: string, card: PracticeCard, correct: boolean, shownAt: number): Promise<boolean> {
    const right = correct ? 1 : 0;
    const changed =
      shownAt === 0
        ? await this.db.run(
            `INSERT INTO practice_cards (user_id, item_id, box, due_at, reviews, correct, reviewed_at) VALUES (?, ?, ?, ?, 1, ?, ?)
             ON CONFLICT (user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
               reviews = practice_cards.reviews + 1, correct = practice_cards.correct + excluded.correct, reviewed_at = excluded.reviewed_at
             WHERE practice_cards.reviews = 0`,
            [userId, card.itemId, card.box, card.dueAt, right, this.now()],
          )
        : await this.db.run(
            `UPDATE practice_cards SET box = ?, due_at = ?, reviews = reviews + 1, correct = correct + ?, reviewed_at = ?
             WHERE user_id = ? AND item_id = ? AND reviews = ?`,
            [card.box, card.dueAt, right, this.now(), userId, card.itemId, shownAt],
          );
    return changed === 1;
  }
}
