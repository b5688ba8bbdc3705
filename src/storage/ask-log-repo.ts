import { randomInt } from 'node:crypto';
import Database from 'better-sqlite3';
import type { GapReport } from '../domain/feedback.ts';
import { BUSY_TIMEOUT_MS } from './database.ts';
import type { SqlClient, SqlStatement } from './sql.ts';
import { SqliteClient } from './sqlite-client.ts';

export type Vote = 1 | -1;

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
 * While questions keep coming (the last write was less than this long ago), queued rows wait
 * this long before they are written, so that a flood shares one commit per interval instead of
 * paying one per tick; a lone burst is still written by the next tick.
 */
const STREAM_DELAY_MS = 10;

const UP = 'SUM(CASE WHEN vote = 1 THEN 1 ELSE 0 END)';
const DOWN = 'SUM(CASE WHEN vote = -1 THEN 1 ELSE 0 END)';

/**
 * The ask log's own connection to a SQLite file, with `synchronous = NORMAL`: its commits
 * never wait for the disk (WAL still keeps them across a crash of the bot; only an OS crash
 * can lose the last few), while quiz answers on the main connection stay FULL. An in-memory
 * database has no second connection, so it shares the main one.
 */
export function openAskLogConnection(file: string, main: SqliteClient): SqliteClient {
  if (file === ':memory:') return main;
  const db = new Database(file);
  db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
  db.pragma('synchronous = NORMAL');
  return new SqliteClient(db);
}

/**
 * What students asked that the bot could not answer, and their votes on answers.
 * Unanswered questions are queued and written by the next tick in one transaction (during a
 * stream of them, every STREAM_DELAY_MS), so a flood costs few commits, after the replies have gone out.
 */
export class AskLogRepo {
  private readonly pending: UnansweredRow[] = [];
  private flushScheduled = false;
  /** When the last batch was written (performance.now()): a recent one means a stream of questions. */
  private lastWriteAt = -Infinity;
  /** A background write that failed, thrown by the next logUnanswered (its rows stay queued for the next flush). */
  private failure: unknown = null;
  /** Writes started and not yet settled: on PostgreSQL, batches may be in flight together. */
  private readonly writes = new Set<Promise<void>>();

  constructor(
    /** The connection the log writes through (see openAskLogConnection; on PostgreSQL, the shared pool). */
    readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the question's id, which a "did you mean" pick refers back to. */
  logUnanswered(guildId: string | null, question: string, outcome: string): number {
    // Fail now, not a tick later, when the log cannot be written at all.
    if (!this.db.open) throw new TypeError('The database connection is not open');
    // Questions are capped: the log is for curators, not an archive of pasted essays.
    const id = newQuestionId();
    this.pending.push([id, guildId, question.slice(0, 500), outcome, this.now()]);
    if (this.pending.length >= MAX_BATCH) this.flush().catch((error: unknown) => (this.failure = error));
    else if (!this.flushScheduled) {
      this.flushScheduled = true;
      const write = (): void => {
        this.flushScheduled = false;
        this.flush().catch((error: unknown) => (this.failure = error));
      };
      if (performance.now() - this.lastWriteAt < STREAM_DELAY_MS) setTimeout(write, STREAM_DELAY_MS);
      else setImmediate(write);
    }
    const failure = this.failure;
    this.failure = null;
    if (failure !== null) throw failure;
    return id;
  }

  /**
   * Writes every queued question now (on SQLite, before it returns), and resolves once every
   * write started so far has settled; reads and shutdown await it first.
   */
  flush(): Promise<void> {
    if (this.pending.length > 0) {
      const rows = this.pending.splice(0);
      this.lastWriteAt = performance.now();
      const statements: SqlStatement[] = rows.flatMap(([id, guildId, question, outcome, askedAt]) => [
        {
          sql: 'INSERT INTO unanswered_questions (id, guild_id, question, outcome, asked_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO NOTHING',
          params: [id, guildId, question, outcome, askedAt],
        },
        // Two processes picking one id (same ms, same 11 bits) is rare; the question is kept all the same, under a new id.
        {
          sql: `INSERT INTO unanswered_questions (guild_id, question, outcome, asked_at)
                SELECT CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS TEXT), CAST(? AS BIGINT)
                WHERE NOT EXISTS (SELECT 1 FROM unanswered_questions WHERE id = ? AND question = ? AND asked_at = ?)`,
          params: [guildId, question, outcome, askedAt, id, question, askedAt],
        },
      ]);
      // PostgreSQL's equivalent of synchronous = NORMAL, for these rows only.
      if (this.db.engine === 'postgres') statements.unshift({ sql: 'SET LOCAL synchronous_commit TO OFF' });
      const write = this.db.transaction(statements).catch((error: unknown) => {
        this.pending.unshift(...rows);
        throw error;
      });
      const settled: Promise<void> = write.then(
        () => void this.writes.delete(settled),
        () => void this.writes.delete(settled),
      );
      this.writes.add(settled);
      return Promise.all([...this.writes]).then(() => write);
    }
    return Promise.all([...this.writes]).then(() => undefined);
  }

  /** One vote per user per answer; voting again replaces the earlier vote. */
  async vote(answerId: string, userId: string, vote: Vote, guildId: string | null): Promise<void> {
    await this.db.run(
      `INSERT INTO answer_feedback (answer_id, user_id, vote, guild_id, voted_at) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (answer_id, user_id) DO UPDATE SET vote = excluded.vote, voted_at = excluded.voted_at`,
      [answerId, userId, vote, guildId, this.now()],
    );
  }

  /**
   * For curators: unanswered questions (case-insensitively grouped) and down-voted answers, most
   * frequent first; all servers, or one server (`guildId`) since a time (`since`, epoch ms).
   */
  async gaps(limit = 50, scope: GapScope = {}): Promise<GapReport> {
    await this.flush();
    const guild = scope.guildId ?? null;
    const since = scope.since ?? 0;
    const unanswered = await this.db.all<{ question: string; times: number; lastAskedAt: number }>(
      `SELECT MIN(question) AS question, COUNT(*) AS times, MAX(asked_at) AS "lastAskedAt"
       FROM unanswered_questions WHERE (CAST(? AS TEXT) IS NULL OR guild_id = ?) AND asked_at >= ?
       GROUP BY lower(trim(question)) ORDER BY times DESC, "lastAskedAt" DESC LIMIT ?`,
      [guild, guild, since, limit],
    );
    const downvoted = await this.db.all<{ answerId: string; down: number; up: number }>(
      `SELECT answer_id AS "answerId", ${DOWN} AS down, ${UP} AS up
       FROM answer_feedback WHERE (CAST(? AS TEXT) IS NULL OR guild_id = ?) AND voted_at >= ?
       GROUP BY answer_id HAVING ${DOWN} > 0 ORDER BY down DESC, up ASC LIMIT ?`,
      [guild, guild, since, limit],
    );
    return { unanswered, downvoted };
  }
}
