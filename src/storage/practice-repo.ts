import type { PracticeCard } from '../engines/practice.ts';
import type { Db } from './database.ts';

/** A stored card and how many times it has been reviewed: a showing of the card is keyed by that count. */
export interface StoredCard extends PracticeCard {
  readonly reviews: number;
}

const COLUMNS = 'item_id AS itemId, box, due_at AS dueAt, reviews';

/** Each user's solo-practice cards; kept apart from the server leaderboard on purpose. */
export class PracticeRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  cards(userId: string): StoredCard[] {
    return this.db.prepare<[string], StoredCard>(`SELECT ${COLUMNS} FROM practice_cards WHERE user_id = ?`).all(userId);
  }

  card(userId: string, itemId: string): StoredCard | undefined {
    return this.db.prepare<[string, string], StoredCard>(`SELECT ${COLUMNS} FROM practice_cards WHERE user_id = ? AND item_id = ?`).get(userId, itemId);
  }

  /**
   * Saves one review of a card shown when it had `shownAt` reviews. Returns false, saving
   * nothing, when that showing was already answered: one showing, one review.
   */
  save(userId: string, card: PracticeCard, correct: boolean, shownAt: number): boolean {
    const values = { userId, itemId: card.itemId, box: card.box, dueAt: card.dueAt, correct: correct ? 1 : 0, now: this.now(), shownAt };
    const statement =
      shownAt === 0
        ? `INSERT INTO practice_cards (user_id, item_id, box, due_at, reviews, correct, reviewed_at) VALUES (@userId, @itemId, @box, @dueAt, 1, @correct, @now)
           ON CONFLICT (user_id, item_id) DO UPDATE SET box = excluded.box, due_at = excluded.due_at,
             reviews = reviews + 1, correct = correct + excluded.correct, reviewed_at = excluded.reviewed_at
           WHERE reviews = 0`
        : `UPDATE practice_cards SET box = @box, due_at = @dueAt, reviews = reviews + 1, correct = correct + @correct, reviewed_at = @now
           WHERE user_id = @userId AND item_id = @itemId AND reviews = @shownAt`;
    return this.db.prepare(statement).run(values).changes === 1;
  }
}
