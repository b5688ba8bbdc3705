import type { Db } from './database.ts';

export type TermPostStatus = 'pending' | 'posted' | 'failed';

export interface TermPost {
  readonly guildId: string;
  readonly localDate: string;
  readonly termId: string;
  readonly status: TermPostStatus;
  readonly channelId: string;
  readonly messageId: string | null;
  readonly createdAt: number;
  /** Failed attempts so far (transient failures only), and when to try again. */
  readonly attempts: number;
  readonly nextAttemptAt: number | null;
}

const COLUMNS = `guild_id AS guildId, local_date AS localDate, term_id AS termId, status, channel_id AS channelId, message_id AS messageId,
  created_at AS createdAt, attempts, next_attempt_at AS nextAttemptAt`;

/** The term-of-the-day history: one row per server and local date, never two. */
export class TermRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  get(guildId: string, localDate: string): TermPost | undefined {
    return this.db.prepare<[string, string], TermPost>(`SELECT ${COLUMNS} FROM term_posts WHERE guild_id = ? AND local_date = ?`).get(guildId, localDate);
  }

  /** Records the intent to post before posting. Returns false if that day already has a row. */
  recordPending(guildId: string, localDate: string, termId: string, channelId: string): boolean {
    return (
      this.db
        .prepare(`INSERT OR IGNORE INTO term_posts (guild_id, local_date, term_id, status, channel_id, created_at) VALUES (?, ?, ?, 'pending', ?, ?)`)
        .run(guildId, localDate, termId, channelId, this.now()).changes === 1
    );
  }

  markPosted(guildId: string, localDate: string, messageId: string | null): void {
    this.db
      .prepare(`UPDATE term_posts SET status = 'posted', message_id = ?, posted_at = ? WHERE guild_id = ? AND local_date = ?`)
      .run(messageId, this.now(), guildId, localDate);
  }

  markFailed(guildId: string, localDate: string): void {
    this.db.prepare(`UPDATE term_posts SET status = 'failed' WHERE guild_id = ? AND local_date = ?`).run(guildId, localDate);
  }

  /** A transient failure: the post stays pending and is tried again at `at`. */
  retryAt(guildId: string, localDate: string, at: number): void {
    this.db
      .prepare(`UPDATE term_posts SET attempts = attempts + 1, next_attempt_at = ? WHERE guild_id = ? AND local_date = ? AND status = 'pending'`)
      .run(at, guildId, localDate);
  }

  pending(): TermPost[] {
    return this.db.prepare<[], TermPost>(`SELECT ${COLUMNS} FROM term_posts WHERE status = 'pending' ORDER BY local_date`).all();
  }

  /** Term ids this server has posted (or tried to), oldest first: the rotation's memory. */
  history(guildId: string): string[] {
    return this.db
      .prepare<[string], { termId: string }>(`SELECT term_id AS termId FROM term_posts WHERE guild_id = ? AND status != 'failed' ORDER BY local_date`)
      .all(guildId)
      .map((row) => row.termId);
  }
}
