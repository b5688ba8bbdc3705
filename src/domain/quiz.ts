import type { Level } from './levels.ts';

/** One student's answer to one round of a group quiz. */
export interface QuizAnswer {
  readonly round: number;
  readonly userId: string;
  readonly choice: string;
  readonly correct: boolean;
  readonly points: number;
  readonly answeredAt: number;
}

/** One round of a quiz: an item put to the group once. */
export interface ReportRound {
  readonly sessionId: number;
  readonly itemId: string;
  readonly itemLevel: Level;
}

/** One answer to a round. */
export interface ReportAnswer {
  readonly sessionId: number;
  readonly itemId: string;
  readonly itemLevel: Level;
  readonly userId: string;
  readonly choice: string;
  readonly correct: boolean;
}

export interface LeaderboardRow {
  readonly rank: number;
  readonly userId: string;
  readonly points: number;
  readonly correct: number;
  readonly answered: number;
}

export interface PlayerStats {
  readonly answered: number;
  readonly correct: number;
  readonly quizzes: number;
  readonly bestStreak: number;
  readonly byLevel: ReadonlyArray<{ level: Level; answered: number; correct: number }>;
}
