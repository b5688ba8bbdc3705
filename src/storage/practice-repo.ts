import type { PracticeCard } from '../domain/practice.ts';
import type { SqlClient } from './sql.ts';

/** A stored card and how many times it has been reviewed: a showing of the card is keyed by that count. */
export interface StoredCard extends PracticeCard {
  readonly reviews: number;
  readonly correct: number;
}

const COLUMNS = `item_id AS "itemId", state, stability, difficulty, due_at AS "dueAt", scheduled_days AS "scheduledDays", learning_steps AS "learningSteps",
  reps, lapses, reviewed_at AS "lastReviewAt", reviews, correct`;

/** Each user's solo-practice cards; kept apart from the server leaderboard on purpose. */
export class PracticeRepo {
  constructor(private readonly db: SqlClient) {}

  cards(userId: string): Promise<StoredCard[]> {
    return this.db.all<StoredCard>(`SELECT ${COLUMNS} FROM practice_cards WHERE user_id = ?`, [userId]);
  }

  card(userId: string, itemId: string): Promise<StoredCard | undefined> {
    return this.db.get<StoredCard>(`SELECT ${COLUMNS} FROM practice_cards WHERE user_id = ? AND item_id = ?`, [userId, itemId]);
  }

  /** Cards first reviewed on this local date: today's share of the new-card limit. */
  async introducedOn(userId: string, localDate: string): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM practice_cards WHERE user_id = ? AND introduced_on = ?', [userId, localDate]))?.n ?? 0;
  }

  /** How many of the student’s cards are due by `at`: what a reminder counts. */
  async dueCount(userId: string, at: number): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM practice_cards WHERE user_id = ? AND due_at <= ?', [userId, at]))?.n ?? 0;
  }

  /**
   * Saves one review of a card shown when it had `shownAt` reviews. Returns false, saving
   * nothing, when that showing was already answered: one showing, one review.
   * `localDate` is the student's date, recorded as the day a new card was introduced.
   */
  async save(userId: string, card: PracticeCard, correct: boolean, shownAt: number, localDate: string): Promise<boolean> {
    const right = correct ? 1 : 0;
    const lastReviewAt = card.lastReviewAt ?? 0;
    const changed =
      shownAt === 0
        ? await this.db.run(
            `INSERT INTO practice_cards (user_id, item_id, state, stability, difficulty, due_at, scheduled_days, learning_steps, reps, lapses, reviews, correct, reviewed_at, introduced_on)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?)
             ON CONFLICT (user_id, item_id) DO NOTHING`,
            [userId, card.itemId, ...scheduleValues(card), right, lastReviewAt, localDate],
          )
        : await this.db.run(
            `UPDATE practice_cards SET state = ?, stability = ?, difficulty = ?, due_at = ?, scheduled_days = ?,
               learning_steps = ?, reps = ?, lapses = ?, reviews = reviews + 1, correct = correct + ?, reviewed_at = ?
             WHERE user_id = ? AND item_id = ? AND reviews = ?`,
            [...scheduleValues(card), right, lastReviewAt, userId, card.itemId, shownAt],
          );
    return changed === 1;
  }
}

/** The FSRS schedule columns, in the order both the INSERT and the UPDATE list them. */
function scheduleValues(card: PracticeCard): number[] {
  return [card.state, card.stability, card.difficulty, card.dueAt, card.scheduledDays, card.learningSteps, card.reps, card.lapses];
}
