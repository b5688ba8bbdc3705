import pg from 'pg';
import { StartupError } from '../config.ts';
import { DatabaseVersionError } from './database.ts';
import { POSTGRES_MIGRATIONS } from './migrations.ts';
import type { SqlClient, SqlStatement, SqlValue } from './sql.ts';

const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** Any number, so that two processes migrating at once take turns (pg_advisory_xact_lock). */
const MIGRATION_LOCK = 20_260_001;

/**
 * Counts and millisecond times come back as numbers, as from SQLite: COUNT and SUM are BIGINT
 * or NUMERIC in PostgreSQL, and every value stored here stays well inside 2^53.
 */
const TYPES = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
    oid === INT8_OID || oid === NUMERIC_OID ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
};

/** A failure of the PostgreSQL server or of the connection to it: a storage fault, as SQLite's are. */
export class PostgresError extends Error {
  readonly code: string | undefined;
  constructor(error: unknown) {
    const { message, code } = error as { message?: string; code?: string };
    super(message ?? String(error), { cause: error });
    this.name = 'PostgresError';
    this.code = code;
  }
}

/** `?` placeholders, as the repositories write them, become PostgreSQL's `$1, $2, …`. */
export function toPostgresPlaceholders(sql: string): string {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
}

/** The URL without its password, for messages. */
export function describeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.host || new URLSearchParams(parsed.search).get('host') || 'localhost';
    return `${parsed.username ? `${decodeURIComponent(parsed.username)}@` : ''}${host}${parsed.pathname}`;
  } catch {
    return 'at DATABASE_URL';
  }
}

export class PostgresClient implements SqlClient {
  readonly engine = 'postgres';

  constructor(readonly pool: pg.Pool) {}

  get open(): boolean {
    return !this.pool.ended;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    try {
      return (await this.pool.query(toPostgresPlaceholders(sql), params as SqlValue[])).rows as T[];
    } catch (error) {
      throw new PostgresError(error);
    }
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return (await this.all<T>(sql, params))[0];
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    try {
      return (await this.pool.query(toPostgresPlaceholders(sql), params as SqlValue[])).rowCount ?? 0;
    } catch (error) {
      throw new PostgresError(error);
    }
  }

  async transaction(statements: readonly SqlStatement[]): Promise<void> {
    let client: pg.PoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      throw new PostgresError(error);
    }
    try {
      await client.query('BEGIN');
      for (const { sql, params = [] } of statements) await client.query(toPostgresPlaceholders(sql), params as SqlValue[]);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw new PostgresError(error);
    } finally {
      client.release();
    }
  }

  async close(): Promise<void> {
    if (!this.pool.ended) await this.pool.end();
  }
}

/** The schema version recorded in the database; 0 for an empty one. */
async function schemaVersion(client: pg.ClientBase): Promise<number> {
  const table = await client.query<{ exists: boolean }>(`SELECT to_regclass('schema_version') IS NOT NULL AS exists`);
  if (!table.rows[0]?.exists) return 0;
  return (await client.query<{ version: number }>('SELECT version FROM schema_version')).rows[0]?.version ?? 0;
}

async function migrate(client: pg.ClientBase, where: string, migrations: readonly string[]): Promise<void> {
  // Refused before anything is written, as for SQLite.
  const found = await schemaVersion(client);
  if (found > migrations.length) throw new DatabaseVersionError(where, found, 'DATABASE_URL at another database');
  if (found === migrations.length) return;
  await client.query('BEGIN');
  try {
    await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    // Another process may have migrated while this one waited for the lock.
    const current = await schemaVersion(client);
    if (current > migrations.length) throw new DatabaseVersionError(where, current, 'DATABASE_URL at another database');
    if (current === 0)
      await client.query(
        'CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL); INSERT INTO schema_version (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM schema_version)',
      );
    for (let version = current; version < migrations.length; version++) {
      await client.query(migrations[version] as string);
      await client.query('UPDATE schema_version SET version = $1', [version + 1]);
    }
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  }
}

/** Connects to the database at `url` and brings its schema up to date; a newer schema is refused untouched. */
export async function openPostgres(url: string, { migrations = POSTGRES_MIGRATIONS } = {}): Promise<PostgresClient> {
  const where = describeUrl(url);
  const pool = new pg.Pool({ connectionString: url, types: TYPES, max: 5, connectionTimeoutMillis: 10_000 });
  // An idle connection the server dropped must not crash the bot: the next query reconnects.
  pool.on('error', () => undefined);
  let client: pg.PoolClient | undefined;
  try {
    client = await pool.connect();
    await migrate(client, where, migrations);
    client.release();
    return new PostgresClient(pool);
  } catch (error) {
    client?.release();
    await pool.end().catch(() => undefined);
    if (error instanceof StartupError) throw error;
    const { code, message } = error as { code?: string; message?: string };
    throw new StartupError(`Cannot open the PostgreSQL database ${where} (${code ?? message}): check DATABASE_URL and that the server is running.`);
  }
}
