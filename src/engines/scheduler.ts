import { createEmptyCard, fsrs, Rating, State, type Card, type Grade } from 'ts-fsrs';
import type { PracticeCard } from '../domain/practice.ts';

/**
 * Spaced repetition with FSRS (ts-fsrs), the scheduler Anki uses. Pure: the time of each
 * review is passed in, and fuzz is off, so a card's next date follows from its history alone.
 */

/** Anki calls a card mature once its interval reaches three weeks. */
export const MATURE_DAYS = 21;
/** A right answer this fast on a mature card is rated Easy. */
export const FAST_ANSWER_MS = 8_000;

const SCHEDULER = fsrs({ enable_fuzz: false, enable_short_term: true });

export type PracticeRating = 'again' | 'good' | 'easy';

/** Wrong: Again. Right: Good, or Easy when fast and the card is mature. */
export function rateAnswer(card: PracticeCard | undefined, correct: boolean, answeredInMs: number | null): PracticeRating {
  if (!correct) return 'again';
  const mature = card !== undefined && card.state === State.Review && card.scheduledDays >= MATURE_DAYS;
  return mature && answeredInMs !== null && answeredInMs >= 0 && answeredInMs <= FAST_ANSWER_MS ? 'easy' : 'good';
}

const GRADES: Record<PracticeRating, Grade> = { again: Rating.Again, good: Rating.Good, easy: Rating.Easy };

function toFsrs(card: PracticeCard): Card {
  return {
    due: new Date(card.dueAt),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsed_days: 0,
    scheduled_days: card.scheduledDays,
    learning_steps: card.learningSteps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state as State,
    ...(card.lastReviewAt === null ? {} : { last_review: new Date(card.lastReviewAt) }),
  };
}

/** The card after one review at `now`; a card never seen starts empty (new). */
export function reviewCard(card: PracticeCard | undefined, itemId: string, rating: PracticeRating, now: number): PracticeCard {
  const before: Card = card === undefined ? createEmptyCard(new Date(now)) : toFsrs(card);
  const after = SCHEDULER.next(before, new Date(now), GRADES[rating]).card;
  return {
    itemId,
    state: after.state,
    stability: after.stability,
    difficulty: after.difficulty,
    dueAt: after.due.getTime(),
    scheduledDays: after.scheduled_days,
    learningSteps: after.learning_steps,
    reps: after.reps,
    lapses: after.lapses,
    lastReviewAt: now,
  };
}

export function isLearning(card: PracticeCard): boolean {
  return card.state === State.Learning || card.state === State.Relearning;
}
