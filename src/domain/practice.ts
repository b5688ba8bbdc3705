/** A student's spaced-repetition card for one quiz item, in the fields FSRS (ts-fsrs) schedules by. */
export interface PracticeCard {
  readonly itemId: string;
  /** ts-fsrs State: 0 new, 1 learning, 2 review, 3 relearning. */
  readonly state: number;
  readonly stability: number;
  readonly difficulty: number;
  readonly dueAt: number;
  readonly scheduledDays: number;
  readonly learningSteps: number;
  readonly reps: number;
  readonly lapses: number;
  readonly lastReviewAt: number | null;
}
