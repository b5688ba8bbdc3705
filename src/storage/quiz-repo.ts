import { storedLevel, type Level } from '../domain/levels.ts';
import type { LeaderboardRow, PlayerStats, QuizAnswer } from '../domain/quiz.ts';
import type { SqlClient } from './sql.ts';

export type QuizStatus = 'running' | 'finished' | 'stopped' | 'interrupted';

export interface QuizSessionRow {
  readonly id: number;
  readonly guildId: string;
  readonly channelId: string;
  readonly startedBy: string;
  readonly level: string;
  readonly questionCount: number;
  readonly seconds: number;
  readonly status: QuizStatus;
  readonly startedAt: number;
  /** The drawn quiz items in order; null for quizzes started before quizzes could resume. */
  readonly itemIds: readonly string[] | null;
}

export interface QuizRoundRow {
  readonly round: number;
  readonly itemId: string;
  readonly openedAt: number;
  readonly deadlineAt: number;
  readonly closedAt: number | null;
  readonly messageId: string | null;
}

const SESSION_COLUMNS = `id, guild_id AS "guildId", channel_id AS "channelId", started_by AS "startedBy", level,
  question_count AS "questionCount", seconds, status, started_at AS "startedAt", item_ids AS "itemIds"`;

type SessionRecord = Omit<QuizSessionRow, 'itemIds'> & { itemIds: string | null };
const toSession = (row: SessionRecord): QuizSessionRow => ({ ...row, itemIds: row.itemIds === null ? null : (JSON.parse(row.itemIds) as string[]) });

/**
 * Quiz sessions, rounds and answers. Each write is its own committed transaction; the schema
 * itself keeps one running quiz per channel and one answer per user and round.
 */
export class QuizRepo {
  constructor(private readonly db: SqlClient) {}

  /** Resolves to the new session id, or null when a quiz is already running in that channel. */
  async startSession(input: Omit<QuizSessionRow, 'id' | 'status' | 'itemIds'> & { itemIds?: readonly string[] }): Promise<number | null> {
    const row = await this.db.get<{ id: number }>(
      `INSERT INTO quiz_sessions (guild_id, channel_id, started_by, level, question_count, seconds, status, started_at, item_ids)
       VALUES (?, ?, ?, ?, ?, ?, 'running', ?, ?) ON CONFLICT DO NOTHING RETURNING id`,
      [
        input.guildId,
        input.channelId,
        input.startedBy,
        input.level,
        input.questionCount,
        input.seconds,
        input.startedAt,
        input.itemIds === undefined ? null : JSON.stringify(input.itemIds),
      ],
    );
    return row === undefined ? null : Number(row.id);
  }

  async runningInChannel(channelId: string): Promise<QuizSessionRow | undefined> {
    const row = await this.db.get<SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM quiz_sessions WHERE channel_id = ? AND status = 'running'`, [channelId]);
    return row === undefined ? undefined : toSession(row);
  }

  async running(): Promise<QuizSessionRow[]> {
    return (await this.db.all<SessionRecord>(`SELECT ${SESSION_COLUMNS} FROM quiz_sessions WHERE status = 'running' ORDER BY id`)).map(toSession);
  }

  rounds(sessionId: number): Promise<QuizRoundRow[]> {
    return this.db.all<QuizRoundRow>(
      `SELECT round, item_id AS "itemId", opened_at AS "openedAt", deadline_at AS "deadlineAt", closed_at AS "closedAt", message_id AS "messageId"
       FROM quiz_rounds WHERE session_id = ? ORDER BY round`,
      [sessionId],
    );
  }

  /** The round's posted message, so a stop or a restart can close its buttons. */
  async setRoundMessage(sessionId: number, round: number, messageId: string): Promise<void> {
    await this.db.run('UPDATE quiz_rounds SET message_id = ? WHERE session_id = ? AND round = ?', [messageId, sessionId, round]);
  }

  async openRound(sessionId: number, round: number, itemId: string, itemLevel: string, openedAt: number, deadlineAt: number): Promise<void> {
    await this.db.run('INSERT INTO quiz_rounds (session_id, round, item_id, item_level, opened_at, deadline_at) VALUES (?, ?, ?, ?, ?, ?)', [
      sessionId,
      round,
      itemId,
      itemLevel,
      openedAt,
      deadlineAt,
    ]);
  }

  async closeRound(sessionId: number, round: number, closedAt: number): Promise<void> {
    await this.db.run('UPDATE quiz_rounds SET closed_at = ? WHERE session_id = ? AND round = ? AND closed_at IS NULL', [closedAt, sessionId, round]);
  }

  /** Resolves false when this user already answered this round (the first answer stands); true once it is durable. */
  async recordAnswer(sessionId: number, answer: QuizAnswer): Promise<boolean> {
    const changed = await this.db.run(
      `INSERT INTO quiz_answers (session_id, round, user_id, choice, correct, points, answered_at)
       VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (session_id, round, user_id) DO NOTHING`,
      [sessionId, answer.round, answer.userId, answer.choice, answer.correct ? 1 : 0, answer.points, answer.answeredAt],
    );
    return changed === 1;
  }

  async answers(sessionId: number): Promise<QuizAnswer[]> {
    const rows = await this.db.all<Omit<QuizAnswer, 'correct'> & { correct: number }>(
      `SELECT round, user_id AS "userId", choice, correct, points, answered_at AS "answeredAt"
       FROM quiz_answers WHERE session_id = ? ORDER BY round, answered_at, user_id`,
      [sessionId],
    );
    return rows.map((row) => ({ ...row, correct: row.correct === 1 }));
  }

  async endSession(sessionId: number, status: Exclude<QuizStatus, 'running'>, endedAt: number): Promise<void> {
    await this.db.transaction([
      { sql: 'UPDATE quiz_rounds SET closed_at = ? WHERE session_id = ? AND closed_at IS NULL', params: [endedAt, sessionId] },
      { sql: `UPDATE quiz_sessions SET status = ?, ended_at = ? WHERE id = ? AND status = 'running'`, params: [status, endedAt, sessionId] },
    ]);
  }

  /** Server standings by points since a time (null: all time), with the given user's own row if outside the top. */
  async leaderboard(guildId: string, since: number | null, limit: number, userId?: string): Promise<{ top: LeaderboardRow[]; own: LeaderboardRow | null }> {
    const rows = (
      await this.db.all<Omit<LeaderboardRow, 'rank'>>(
        `SELECT a.user_id AS "userId", SUM(a.points) AS points, SUM(a.correct) AS correct, COUNT(*) AS answered
         FROM quiz_answers a JOIN quiz_sessions s ON s.id = a.session_id
         WHERE s.guild_id = ? AND a.answered_at >= ?
         GROUP BY a.user_id ORDER BY points DESC, correct DESC, MIN(a.answered_at) ASC, a.user_id`,
        [guildId, since ?? 0],
      )
    ).map((row, index) => ({ ...row, rank: index + 1 }));
    const own = userId === undefined ? null : (rows.find((row) => row.userId === userId) ?? null);
    return { top: rows.slice(0, limit), own };
  }

  async stats(guildId: string, userId: string): Promise<PlayerStats> {
    const answers = await this.db.all<{ correct: number; level: string; sessionId: number }>(
      `SELECT a.correct, r.item_level AS level, a.session_id AS "sessionId"
       FROM quiz_answers a
       JOIN quiz_rounds r ON r.session_id = a.session_id AND r.round = a.round
       JOIN quiz_sessions s ON s.id = a.session_id
       WHERE s.guild_id = ? AND a.user_id = ? ORDER BY a.answered_at, a.session_id, a.round`,
      [guildId, userId],
    );
    let streak = 0;
    let bestStreak = 0;
    const byLevel = new Map<string, { level: Level; answered: number; correct: number }>();
    for (const answer of answers) {
      streak = answer.correct === 1 ? streak + 1 : 0;
      bestStreak = Math.max(bestStreak, streak);
      const level = byLevel.get(answer.level) ?? { level: storedLevel(answer.level), answered: 0, correct: 0 };
      level.answered++;
      level.correct += answer.correct;
      byLevel.set(answer.level, level);
    }
    return {
      answered: answers.length,
      correct: answers.filter((a) => a.correct === 1).length,
      quizzes: new Set(answers.map((a) => a.sessionId)).size,
      bestStreak,
      byLevel: [...byLevel.values()].sort((a, b) => a.level.localeCompare(b.level)),
    };
  }
}
