import type { SqlClient } from './sql.ts';

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
  /** The process working on a pending post, and since when (null: nobody). */
  readonly claimedBy: string | null;
  readonly claimedAt: number | null;
}

const COLUMNS = `guild_id AS "guildId", local_date AS "localDate", term_id AS "termId", status, channel_id AS "channelId", message_id AS "messageId",
  created_at AS "createdAt", attempts, next_attempt_at AS "nextAttemptAt", claimed_by AS "claimedBy", claimed_at AS "claimedAt"`;

/**
 * The term-of-the-day history: one row per server and local date, never two, whichever
 * process or host asks. The row is also the claim: the process that inserted it posts.
 */
export class TermRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  get(guildId: string, localDate: string): Promise<TermPost | undefined> {
    return this.db.get<TermPost>(`SELECT ${COLUMNS} FROM term_posts WHERE guild_id = ? AND local_date = ?`, [guildId, localDate]);
  }

  /** Records the intent to post, claimed by `owner`, before posting. Resolves false if that day already has a row. */
  async recordPending(guildId: string, localDate: string, termId: string, channelId: string, owner: string): Promise<boolean> {
    const now = this.now();
    const changed = await this.db.run(
      `INSERT INTO term_posts (guild_id, local_date, term_id, status, channel_id, created_at, claimed_by, claimed_at)
       VALUES (?, ?, ?, 'pending', ?, ?, ?, ?) ON CONFLICT (guild_id, local_date) DO NOTHING`,
      [guildId, localDate, termId, channelId, now, owner, now],
    );
    return changed === 1;
  }

  /**
   * Claims a pending post for `owner`: one nobody holds, one `owner` held in an earlier life
   * (it restarted), or one whose holder has not touched it since `staleBefore` (it died).
   * Resolves false when another live process holds it, or it is no longer pending.
   */
  async claim(guildId: string, localDate: string, owner: string, staleBefore: number): Promise<boolean> {
    const changed = await this.db.run(
      `UPDATE term_posts SET claimed_by = ?, claimed_at = ?
       WHERE guild_id = ? AND local_date = ? AND status = 'pending' AND (claimed_by IS NULL OR claimed_by = ? OR claimed_at < ?)`,
      [owner, this.now(), guildId, localDate, owner, staleBefore],
    );
    return changed === 1;
  }

  async markPosted(guildId: string, localDate: string, messageId: string | null): Promise<void> {
    await this.db.run(`UPDATE term_posts SET status = 'posted', message_id = ?, posted_at = ?, claimed_by = NULL WHERE guild_id = ? AND local_date = ?`, [
      messageId,
      this.now(),
      guildId,
      localDate,
    ]);
  }

  async markFailed(guildId: string, localDate: string): Promise<void> {
    await this.db.run(`UPDATE term_posts SET status = 'failed', claimed_by = NULL WHERE guild_id = ? AND local_date = ?`, [guildId, localDate]);
  }

  /** A transient failure: the post stays pending, unclaimed, and is tried again at `at`. */
  async retryAt(guildId: string, localDate: string, at: number): Promise<void> {
    await this.db.run(
      `UPDATE term_posts SET attempts = attempts + 1, next_attempt_at = ?, claimed_by = NULL WHERE guild_id = ? AND local_date = ? AND status = 'pending'`,
      [at, guildId, localDate],
    );
  }

  pending(): Promise<TermPost[]> {
    return this.db.all<TermPost>(`SELECT ${COLUMNS} FROM term_posts WHERE status = 'pending' ORDER BY local_date, guild_id`);
  }

  /** Term ids this server has posted (or tried to), oldest first: the rotation's memory. */
  async history(guildId: string): Promise<string[]> {
    const rows = await this.db.all<{ termId: string }>(
      `SELECT term_id AS "termId" FROM term_posts WHERE guild_id = ? AND status != 'failed' ORDER BY local_date`,
      [guildId],
    );
    return rows.map((row) => row.termId);
  }
}
