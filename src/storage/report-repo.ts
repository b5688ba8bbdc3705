import { storedLevel } from '../domain/levels.ts';
import type { ReportAnswer, ReportRound } from '../domain/quiz.ts';
import type { SqlClient } from './sql.ts';

/** Read-only queries behind the class report and the stats chart; it never writes. */
export class ReportRepo {
  constructor(private readonly db: SqlClient) {}

  /** Guilds with at least one quiz, for a report per guild. */
  async guildsWithQuizzes(): Promise<string[]> {
    const rows = await this.db.all<{ guildId: string }>('SELECT DISTINCT guild_id AS "guildId" FROM quiz_sessions ORDER BY guild_id');
    return rows.map((row) => row.guildId);
  }

  /** A guild's rounds opened since a time (0: all time), and the answers to them. */
  async rows(guildId: string, since: number): Promise<{ rounds: ReportRound[]; answers: ReportAnswer[] }> {
    return { rounds: await this.asked(guildId, since), answers: await this.answered(guildId, since) };
  }

  private async asked(guildId: string, since: number): Promise<ReportRound[]> {
    const rows = await this.db.all<Omit<ReportRound, 'itemLevel'> & { itemLevel: string }>(
      `SELECT r.session_id AS "sessionId", r.item_id AS "itemId", r.item_level AS "itemLevel"
       FROM quiz_rounds r JOIN quiz_sessions s ON s.id = r.session_id
       WHERE s.guild_id = ? AND r.opened_at >= ? ORDER BY r.session_id, r.round`,
      [guildId, since],
    );
    return rows.map((row) => ({ ...row, itemLevel: storedLevel(row.itemLevel) }));
  }

  private async answered(guildId: string, since: number): Promise<ReportAnswer[]> {
    const rows = await this.db.all<Omit<ReportAnswer, 'correct' | 'itemLevel'> & { correct: number; itemLevel: string }>(
      `SELECT a.session_id AS "sessionId", r.item_id AS "itemId", r.item_level AS "itemLevel", a.user_id AS "userId", a.choice, a.correct
       FROM quiz_answers a
       JOIN quiz_rounds r ON r.session_id = a.session_id AND r.round = a.round
       JOIN quiz_sessions s ON s.id = a.session_id
       WHERE s.guild_id = ? AND r.opened_at >= ? ORDER BY a.session_id, a.round, a.answered_at, a.user_id`,
      [guildId, since],
    );
    return rows.map((row) => ({ ...row, itemLevel: storedLevel(row.itemLevel), correct: row.correct === 1 }));
  }

  /** When one student answered in a guild since a time: for the activity strip. */
  async answerTimes(guildId: string, userId: string, since: number): Promise<number[]> {
    const rows = await this.db.all<{ answeredAt: number }>(
      `SELECT a.answered_at AS "answeredAt" FROM quiz_answers a JOIN quiz_sessions s ON s.id = a.session_id
       WHERE s.guild_id = ? AND a.user_id = ? AND a.answered_at >= ? ORDER BY a.answered_at`,
      [guildId, userId, since],
    );
    return rows.map((row) => row.answeredAt);
  }
}
