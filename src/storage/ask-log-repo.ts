import { randomInt } from 'node:crypto';
import Database from 'better-sqlite3';
import { BUSY_TIMEOUT_MS, type Db } from './database.ts';

export type Vote = 1 | -1;

export interface GapReport {
  readonly unanswered: ReadonlyArray<{ question: string; times: number; lastAskedAt: number }>;
  readonly downvoted: ReadonlyArray<{ answerId: string; down: number; up: number }>;
}

type UnansweredRow = [id: number, guildId: string | null, question: string, outcome: string, askedAt: number];

/** Which rows a curator report covers: one server or all, from a time on. */
export interface GapScope {
  readonly guildId?: string | null;
  readonly since?: number;
}

/**
 * A question's id is chosen when it is queued, so that a "did you mean" button can name it
 * before the batch is written: the time in ms, then 11 random bits, because several processes
 * (shards) write the same table; increasing within a process, so the log keeps its order.
 */
let lastQuestionId = 0;
function newQuestionId(): number {
  lastQuestionId = Math.max(lastQuestionId + 1, Date.now() * 2048 + randomInt(0, 2048));
  return lastQuestionId;
}

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
    this.insertUnanswered = db.prepare('INSERT OR IGNORE INTO unanswered_questions (id, guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?, ?)');
    const insertWithNewId = db.prepare<[string | null, string, string, number]>('INSERT INTO unanswered_questions (guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?)');
    this.writeBatch = db.transaction((rows: readonly UnansweredRow[]) => {
      // Two processes picking one id (same ms, same 11 bits) is rare; the question is kept all the same.
      for (const [id, ...row] of rows) if (this.insertUnanswered.run(id, ...row).changes === 0) insertWithNewId.run(...row);
    });
  }

  /** Returns the question's id, which a "did you mean" pick refers back to. */
  logUnanswered(guildId: string | null, question: string, outcome: string): number {
    // Fail now, not a tick later, when the log cannot be written at all.
    if (!this.db.open) throw new TypeError('The database connection is not open');
    // Questions are capped: the log is for curators, not an archive of pasted essays.
    const id = newQuestionId();
    this.pending.push([id, guildId, question.slice(0, 500), outcome, this.now()]);
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
    return id;
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

  /**
   * For curators: unanswered questions (case-insensitively grouped) and down-voted answers, most
   * frequent first; all servers, or one server (`guildId`) since a time (`since`, epoch ms).
   */
  gaps(limit = 50, scope: GapScope = {}): GapReport {
    this.flush();
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
