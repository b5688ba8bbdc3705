import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { StartupError } from '../config.ts';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * How long a write waits for another process's write lock. better-sqlite3 waits synchronously,
 * so this stays short: a busy database must not hold up every interaction for seconds.
 */
export const BUSY_TIMEOUT_MS = 500;
const OPEN_BUSY_TIMEOUT_MS = 5_000;

export class DatabaseVersionError extends StartupError {
  /** `where` names the database; `setting` is what points the bot at another one. */
  constructor(where: string, found: number, setting = 'DATABASE_PATH at another file') {
    super(
      `The database ${where} has schema version ${found}, but this version of Levels Tutor knows only up to ${SCHEMA_VERSION}. ` +
        `It was left untouched: upgrade Levels Tutor, or point ${setting}.`,
    );
    this.name = 'DatabaseVersionError';
  }
}

/** Whether the file's permissions forbid writing (checked by mode too: root ignores access()). */
function readOnly(file: string): boolean {
  try {
    accessSync(file, constants.W_OK);
    return (statSync(file).mode & 0o222) === 0;
  } catch {
    return true;
  }
}

function cannotOpen(file: string, error: unknown): StartupError {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_READONLY_DIRECTORY') return readOnlyError(file);
  if (code === 'SQLITE_BUSY')
    return new StartupError(`The database ${file} is locked by another process: stop that process (or wait for it), then start again.`);
  return new StartupError(`Cannot open the database ${file} (${code ?? message}): check DATABASE_PATH points to a file in a folder you can write to.`);
}

function readOnlyError(file: string): StartupError {
  return new StartupError(`The database ${file} is read-only: make it writable (chmod u+w "${file}") or point DATABASE_PATH at another file.`);
}

/**
 * Opens (creating if needed) the database file and brings its schema up to date.
 * A file from a newer version is refused before anything is written to it.
 */
export function openDatabase(file: string, { migrations = MIGRATIONS } = {}): Db {
  if (file !== ':memory:') {
    try {
      mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    } catch (error) {
      throw cannotOpen(file, error);
    }
    // Refused before anything else: a read-only file would fail at the first student's answer.
    if (existsSync(file) && readOnly(file)) throw readOnlyError(file);
  }
  let db: Db;
  try {
    db = new Database(file);
  } catch (error) {
    throw cannotOpen(file, error);
  }
  try {
    // Opening may wait for another process's lock (two starting together): nothing is served yet.
    db.pragma(`busy_timeout = ${OPEN_BUSY_TIMEOUT_MS}`);
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > migrations.length) throw new DatabaseVersionError(file, found);
    db.pragma('journal_mode = WAL');
    // FULL: a write acknowledged to a student survives an OS crash too, not only a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    migrate(db, migrations);
    db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    return db;
  } catch (error) {
    db.close();
    if (error instanceof StartupError || file === ':memory:') throw error;
    throw cannotOpen(file, error);
  }
}

function migrate(db: Db, migrations: readonly string[]): void {
  // IMMEDIATE takes the write lock first, so two processes starting together migrate once.
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (let version = current; version < migrations.length; version++) {
      db.exec(migrations[version] as string);
      db.pragma(`user_version = ${version + 1}`);
    }
  }).immediate();
}

/** A consistent copy of a live database, through SQLite's online backup. */
export async function backupDatabase(source: string, target: string): Promise<void> {
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const db = new Database(source, { readonly: true, fileMustExist: true });
  try {
    await db.backup(target);
  } finally {
    db.close();
  }
}
