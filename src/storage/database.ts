import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS } from './migrations.ts';

export type Db = Database.Database;

export const SCHEMA_VERSION = MIGRATIONS.length;

export class DatabaseVersionError extends Error {
  constructor(file: string, found: number) {
    super(
      `The database ${file} has schema version ${found}, but this version of Levels Tutor knows only up to ${SCHEMA_VERSION}. ` +
        'It was left untouched: upgrade Levels Tutor, or point DATABASE_PATH at another file.',
    );
    this.name = 'DatabaseVersionError';
  }
}

/**
 * Opens (creating if needed) the database file and brings its schema up to date.
 * A file from a newer version is refused before anything is written to it.
 */
export function openDatabase(file: string, { migrations = MIGRATIONS } = {}): Db {
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const db = new Database(file);
  try {
    const found = db.pragma('user_version', { simple: true }) as number;
    if (found > migrations.length) throw new DatabaseVersionError(file, found);
    db.pragma('journal_mode = WAL');
    // FULL: a write acknowledged to a student survives an OS crash too, not only a process crash.
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
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
