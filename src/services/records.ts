import type { LeaderboardRow, PlayerStats, ReportAnswer, ReportRound } from '../domain/quiz.ts';
import type { QuizRepo } from '../storage/quiz-repo.ts';
import type { ReportRepo } from '../storage/report-repo.ts';

/** A server's quiz records, read-only: the leaderboard, a player's stats, the class report's rows. */
export class QuizRecords {
  constructor(
    private readonly deps: {
      quizzes: QuizRepo;
      reports: ReportRepo;
    },
  ) {}

  leaderboard(guildId: string, since: number | null, limit: number, userId: string): Promise<{ top: LeaderboardRow[]; own: LeaderboardRow | null }> {
    return this.deps.quizzes.leaderboard(guildId, since, limit, userId);
  }

  stats(guildId: string, userId: string): Promise<PlayerStats> {
    return this.deps.quizzes.stats(guildId, userId);
  }

  /** The rounds and answers of a server's quizzes since `since` (epoch ms), for the class report. */
  classRows(guildId: string, since: number): Promise<{ rounds: ReportRound[]; answers: ReportAnswer[] }> {
    return this.deps.reports.rows(guildId, since);
  }

  /** When a player answered since `since`, for the stats chart's activity strip. */
  answerTimes(guildId: string, userId: string, since: number): Promise<number[]> {
    return this.deps.reports.answerTimes(guildId, userId, since);
  }
}
