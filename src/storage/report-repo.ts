import type { ReportAnswer, ReportRound } from '../engines/class-report.ts';
import type { Db } from './database.ts';

/** Read-only queries behind the class report and the stats chart; it never writes. */
export class ReportRepo {
  constructor(private readonly db: Db) {}

  /** Guilds with at least one quiz, for a report per guild. */
  guildsWithQuizzes(): string[] {
    return this.db
      .prepare<[], { guildId: string }>('SELECT DISTINCT guild_id AS guildId FROM quiz_sessions ORDER BY guild_id')
      .all()
      .map((row) => row.guildId);
  }

  /** A guild's rounds opened since a time (0: all time), and the answers to them. */
  rows(guildId: string, since: number): { rounds: ReportRound[]; answers: ReportAnswer[] } {
    return { rounds: this.asked(guildId, since), answers: this.answered(guildId, since) };
  }

  private asked(guildId: string, since: number): ReportRound[] {
    return this.db
      .prepare<[string, number], ReportRound>(
        `SELECT r.session_id AS sessionId, r.item_id AS itemId, r.item_level AS itemLevel
         FROM quiz_rounds r JOIN quiz_sessions s ON s.id = r.session_id
         WHERE s.guild_id = ? AND r.opened_at >= ? ORDER BY r.session_id, r.round`,
      )
      .all(guildId, since);
  }

  private answered(guildId: string, since: number): ReportAnswer[] {
    return this.db
      .prepare<[string, number], Omit<ReportAnswer, 'correct'> & { correct: number }>(
        `SELECT a.session_id AS sessionId, r.item_id AS itemId, r.item_level AS itemLevel, a.user_id AS userId, a.choice, a.correct
         FROM quiz_answers a
         JOIN quiz_rounds r ON r.session_id = a.session_id AND r.round = a.round
         JOIN quiz_sessions s ON s.id = a.session_id
         WHERE s.guild_id = ? AND r.opened_at >= ? ORDER BY a.session_id, a.round, a.answered_at, a.user_id`,
      )
      .all(guildId, since)
      .map((row) => ({ ...row, correct: row.correct === 1 }));
  }

  /** When one student answered in a guild since a time: for the activity strip. */
  answerTimes(guildId: string, userId: string, since: number): number[] {
    return this.db
      .prepare<[string, string, number], { answeredAt: number }>(
        `SELECT a.answered_at AS answeredAt FROM quiz_answers a JOIN quiz_sessions s ON s.id = a.session_id
         WHERE s.guild_id = ? AND a.user_id = ? AND a.answered_at >= ? ORDER BY a.answered_at`,
      )
      .all(guildId, userId, since)
      .map((row) => row.answeredAt);
  }
}
