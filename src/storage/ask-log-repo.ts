import type { Db } from './database.ts';

export type Vote = 1 | -1;

export interface GapReport {
  readonly unanswered: ReadonlyArray<{ question: string; times: number; lastAskedAt: number }>;
  readonly downvoted: ReadonlyArray<{ answerId: string; down: number; up: number }>;
}

/** Which rows a curator report covers: one server or all, from a time on. */
export interface GapScope {
  readonly guildId?: string | null;
  readonly since?: number;
}

/** What students asked that the bot could not answer, and their votes on answers. */
export class AskLogRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the row's id, which a "did you mean" pick refers back to. */
  logUnanswered(guildId: string | null, question: string, outcome: string): number {
    // Questions are capped: the log is for curators, not an archive of pasted essays.
    const { lastInsertRowid } = this.db
      .prepare('INSERT INTO unanswered_questions (guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?)')
      .run(guildId, question.slice(0, 500), outcome, this.now());
    return Number(lastInsertRowid);
  }

  /** One vote per user per answer; voting again replaces the earlier vote. */
  vote(answerId: string, userId: string, vote: Vote, guildId: string | null): void {
    this.db
      .prepare(
        `INSERT INTO answer_feedback (answer_id, user_id, vote, guild_id, voted_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      )
      .run(answerId, userId, vote, guildId, this.now());
  }

  votes(answerId: string): { up: number; down: number } {
    const row = this.db
      .prepare<[string], { up: number | null; down: number | null }>(
        'SELECT SUM(vote = 1) AS up, SUM(vote = -1) AS down FROM answer_feedback WHERE answer_id = ?',
      )
      .get(answerId);
    return { up: row?.up ?? 0, down: row?.down ?? 0 };
  }

  /**
   * For curators: unanswered questions (case-insensitively grouped) and down-voted answers, most
   * frequent first; all servers, or one server (`guildId`) since a time (`since`, epoch ms).
   */
  gaps(limit = 50, scope: GapScope = {}): GapReport {
    const guild = scope.guildId ?? null;
    const since = scope.since ?? 0;
    const unanswered = this.db
      .prepare<[string | null, string | null, number, number], { question: string; times: number; lastAskedAt: number }>(
        `SELECT MIN(question) AS question, COUNT(*) AS times, MAX(asked_at) AS lastAskedAt
         FROM unanswered_questions WHERE (? IS NULL OR guild_id = ?) AND asked_at >= ?
         GROUP BY lower(trim(question)) ORDER BY times DESC, lastAskedAt DESC LIMIT ?`,
      )
      .all(guild, guild, since, limit);
    const downvoted = this.db
      .prepare<[string | null, string | null, number, number], { answerId: string; down: number; up: number }>(
        `SELECT answer_id AS answerId, SUM(vote = -1) AS down, SUM(vote = 1) AS up
         FROM answer_feedback WHERE (? IS NULL OR guild_id = ?) AND voted_at >= ?
         GROUP BY answer_id HAVING down > 0 ORDER BY down DESC, up ASC LIMIT ?`,
      )
      .all(guild, guild, since, limit);
    return { unanswered, downvoted };
  }
}
