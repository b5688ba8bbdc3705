import type { Db } from './database.ts';
import type { SqlClient, SqlStatement, SqlValue } from './sql.ts';

/**
 * The SQLite engine: better-sqlite3 is synchronous, so each call has finished (and, with
 * synchronous = FULL, is on disk) before its promise resolves.
 */
export class SqliteClient implements SqlClient {
  readonly engine = 'sqlite';

  constructor(readonly db: Db) {}

  get open(): boolean {
    return this.db.open;
  }

  async all<T>(sql: string, params: readonly SqlValue[] = []): Promise<T[]> {
    return this.db.prepare<SqlValue[], T>(sql).all(...params);
  }

  async get<T>(sql: string, params: readonly SqlValue[] = []): Promise<T | undefined> {
    return this.db.prepare<SqlValue[], T>(sql).get(...params);
  }

  async run(sql: string, params: readonly SqlValue[] = []): Promise<number> {
    return this.db.prepare<SqlValue[]>(sql).run(...params).changes;
  }

  async transaction(statements: readonly SqlStatement[]): Promise<void> {
    this.db.transaction(() => {
      for (const { sql, params = [] } of statements) this.db.prepare<SqlValue[]>(sql).run(...params);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
