import type { SrsCard } from '../engines/scheduler.ts';
import type { Db } from './database.ts';

/** A stored card and how many times it has been reviewed: a showing of the card is keyed by that count. */
export interface StoredCard extends SrsCard {
  readonly reviews: number;
  readonly correct: number;
}

const COLUMNS = `item_id AS itemId, state, stability, difficulty, due_at AS dueAt, scheduled_days AS scheduledDays, learning_steps AS learningSteps,
  reps, lapses, reviewed_at AS lastReviewAt, reviews, correct`;

/** Each user's solo-practice cards; kept apart from the server leaderboard on purpose. */
export class PracticeRepo {
  constructor(private readonly db: Db) {}

  cards(userId: string): StoredCard[] {
    return this.db.prepare<[string], StoredCard>(`SELECT ${COLUMNS} FROM practice_cards WHERE user_id = ?`).all(userId);
  }

  card(userId: string, itemId: string): StoredCard | undefined {
    return this.db.prepare<[string, string], StoredCard>(`SELECT ${COLUMNS} FROM practice_cards WHERE user_id = ? AND item_id = ?`).get(userId, itemId);
  }

  /** Cards first reviewed on this local date: today's share of the new-card limit. */
  introducedOn(userId: string, localDate: string): number {
    return this.db.prepare<[string, string], { n: number }>('SELECT COUNT(*) AS n FROM practice_cards WHERE user_id = ? AND introduced_on = ?').get(userId, localDate)?.n ?? 0;
  }

  /** How many of the student’s cards are due by `at`: what a reminder counts. */
  dueCount(userId: string, at: number): number {
    return this.db.prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM practice_cards WHERE user_id = ? AND due_at <= ?').get(userId, at)?.n ?? 0;
  }

  /**
   * Saves one review of a card shown when it had `shownAt` reviews. Returns false, saving
   * nothing, when that showing was already answered: one showing, one review.
   * `localDate` is the student's date, recorded as the day a new card was introduced.
   */
  save(userId: string, card: SrsCard, correct: boolean, shownAt: number, localDate: string): boolean {
    const values = { ...card, userId, correct: correct ? 1 : 0, shownAt, localDate, lastReviewAt: card.lastReviewAt ?? 0 };
    const statement =
      shownAt === 0
        ? `INSERT INTO practice_cards (user_id, item_id, state, stability, difficulty, due_at, scheduled_days, learning_steps, reps, lapses, reviews, correct, reviewed_at, introduced_on)
           VALUES (@userId, @itemId, @state, @stability, @difficulty, @dueAt, @scheduledDays, @learningSteps, @reps, @lapses, 1, @correct, @lastReviewAt, @localDate)
           ON CONFLICT (user_id, item_id) DO NOTHING`
        : `UPDATE practice_cards SET state = @state, stability = @stability, difficulty = @difficulty, due_at = @dueAt, scheduled_days = @scheduledDays,
             learning_steps = @learningSteps, reps = @reps, lapses = @lapses, reviews = reviews + 1, correct = correct + @correct, reviewed_at = @lastReviewAt
           WHERE user_id = @userId AND item_id = @itemId AND reviews = @shownAt`;
    return this.db.prepare(statement).run(values).changes === 1;
  }
}
