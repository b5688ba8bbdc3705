/** A value a statement binds: the repositories store text, integers and nulls only. */
export type SqlValue = string | number | null;

export interface SqlStatement {
  readonly sql: string;
  readonly params?: readonly SqlValue[];
}

export type Engine = 'sqlite' | 'postgres';

/**
 * What the repositories need from a database, the same on both engines. Statements use `?`
 * placeholders and the SQL both engines share (`ON CONFLICT`, `RETURNING`, quoted aliases);
 * every call is its own committed transaction, and is durable when its promise resolves.
 */
export interface SqlClient {
  readonly engine: Engine;
  /** False once closed. */
  readonly open: boolean;
  /** Every row of a query (or of an `INSERT … RETURNING`). */
  all<T>(sql: string, params?: readonly SqlValue[]): Promise<T[]>;
  /** The first row, if any. */
  get<T>(sql: string, params?: readonly SqlValue[]): Promise<T | undefined>;
  /** Runs a write; resolves to the number of rows it changed. */
  run(sql: string, params?: readonly SqlValue[]): Promise<number>;
  /** Runs the statements in one transaction: all of them or none. */
  transaction(statements: readonly SqlStatement[]): Promise<void>;
  close(): Promise<void>;
}
