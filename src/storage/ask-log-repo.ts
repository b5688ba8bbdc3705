import type { SqlClient } from './sql.ts';

export type Vote = 1 | -1;

export interface GapReport {
  readonly unanswered: ReadonlyArray<{ question: string; times: number; lastAskedAt: number }>;
  readonly downvoted: ReadonlyArray<{ answerId: string; down: number; up: number }>;
}

const UP = 'SUM(CASE WHEN vote = 1 THEN 1 ELSE 0 END)';
const DOWN = 'SUM(CASE WHEN vote = -1 THEN 1 ELSE 0 END)';

/** What students asked that the bot could not answer, and their votes on answers. */
export class AskLogRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  async logUnanswered(guildId: string | null, question: string, outcome: string): Promise<void> {
    // Questions are capped: the log is for curators, not an archive of pasted essays.
    await this.db.run('INSERT INTO unanswered_questions (guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?)', [guildId, question.slice(0, 500), outcome, this.now()]);
  }

  /** One vote per user per answer; voting again replaces the earlier vote. */
  async vote(answerId: string, userId: string, vote: Vote, guildId: string | null): Promise<void> {
    await this.db.run(
      `INSERT INTO answer_feedback (answer_id, user_id, vote, guild_id, voted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      [answerId, userId, vote, guildId, this.now()],
    );
  }

  async votes(answerId: string): Promise<{ up: number; down: number }> {
    const row = await this.db.get<{ up: number | null; down: number | null }>(`SELECT ${UP} AS up, ${DOWN} AS down FROM answer_feedback WHERE answer_id = ?`, [answerId]);
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }

  /** For curators: unanswered questions (case-insensitively grouped) and down-voted answers, most frequent first. */
  async gaps(limit = 50): Promise<GapReport> {
    const unanswered = await this.db.all<{ question: string; times: number; lastAskedAt: number }>(
      `SELECT MIN(question) AS question, COUNT(*) AS times, MAX(asked_at) AS "lastAskedAt"
       FROM unanswered_questions GROUP BY lower(trim(question)) ORDER BY times DESC, "lastAskedAt" DESC LIMIT ?`,
      [limit],
    );
    const downvoted = await this.db.all<{ answerId: string; down: number; up: number }>(
      `SELECT answer_id AS "answerId", ${DOWN} AS down, ${UP} AS up
       FROM answer_feedback GROUP BY answer_id HAVING ${DOWN} > 0 ORDER BY down DESC, up ASC LIMIT ?`,
      [limit],
    );
    return { unanswered, downvoted };
  }
}
