import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, type Db } from './database.ts';

export type Vote = 1 | -1;

export interface GapReport {
  readonly unanswered: ReadonlyArray<{ question: string; times: number; lastAskedAt: number }>;
  readonly downvoted: ReadonlyArray<{ answerId: string; down: number; up: number }>;
}

type UnansweredRow = [guildId: string | null, question: string, outcome: string, askedAt: number];

/** Rows written at once when a burst queues this many before the end of the tick. */
const MAX_BATCH = 256;

/**
 * The ask log's own connection to the database file, with `synchronous = NORMAL`: its
 * commits never wait for the disk (WAL still keeps them across a crash of the bot; only
 * an OS crash can lose the last few), while quiz answers on the main connection stay FULL.
 * An in-memory database has no second connection, so it shares the main one.
 */
export function openAskLogConnection(file: string, main: Db): Db {
  if (file === ':memory:') return main;
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
  return db;
}

/**
 * What students asked that the bot could not answer, and their votes on answers.
 * Unanswered questions are queued and written once per tick in one transaction, so a
 * flood of them costs one commit, after the replies have gone out.
 */
export class AskLogRepo {
  private readonly pending: UnansweredRow[] = [];
  private flushScheduled = false;
  /** A background write that failed, thrown by the next logUnanswered (its rows stay queued for the next flush). */
  private failure: unknown = null;
  private readonly insertUnanswered: Database.Statement<UnansweredRow>;
  private readonly writeBatch: (rows: readonly UnansweredRow[]) => void;

  constructor(
    /** The connection the log writes through (see openAskLogConnection). */
    readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {
    this.insertUnanswered = db.prepare('INSERT INTO unanswered_questions (guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?)');
    this.writeBatch = db.transaction((rows: readonly UnansweredRow[]) => {
      for (const row of rows) this.insertUnanswered.run(...row);
    });
  }

  logUnanswered(guildId: string | null, question: string, outcome: string): void {
    // Fail now, not a tick later, when the log cannot be written at all.
    if (!this.db.open) throw new TypeError('The database connection is not open');
    // Questions are capped: the log is for curators, not an archive of pasted essays.
    this.pending.push([guildId, question.slice(0, 500), outcome, this.now()]);
    if (this.pending.length >= MAX_BATCH) this.flush();
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      setImmediate(() => {
        this.flushScheduled = false;
        try {
          this.flush();
        } catch (error) {
          this.failure = error;
        }
      });
    }
    const failure = this.failure;
    this.failure = null;
    if (failure !== null) throw failure;
  }

  /** Writes every queued question now; reads and shutdown call it first. */
  flush(): void {
    if (this.pending.length === 0) return;
    this.writeBatch(this.pending);
    this.pending.length = 0;
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

  /** For curators: unanswered questions (case-insensitively grouped) and down-voted answers, most frequent first. */
  gaps(limit = 50): GapReport {
    this.flush();
    const unanswered = this.db
      .prepare<[number], { question: string; times: number; lastAskedAt: number }>(
        `SELECT MIN(question) AS question, COUNT(*) AS times, MAX(asked_at) AS lastAskedAt
         FROM unanswered_questions GROUP BY lower(trim(question)) ORDER BY times DESC, lastAskedAt DESC LIMIT ?`,
      )
      .all(limit);
    const downvoted = this.db
      .prepare<[number], { answerId: string; down: number; up: number }>(
        `SELECT answer_id AS answerId, SUM(vote = -1) AS down, SUM(vote = 1) AS up
         FROM answer_feedback GROUP BY answer_id HAVING down > 0 ORDER BY down DESC, up ASC LIMIT ?`,
      )
      .all(limit);
    return { unanswered, downvoted };
  }
}
