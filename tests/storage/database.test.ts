import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { backupDatabase, BUSY_TIMEOUT_MS, DatabaseVersionError, openDatabase, SCHEMA_VERSION } from '../../src/storage/database.ts';
import pg from 'pg';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { MIGRATIONS } from '../../src/storage/migrations.ts';
import { openPostgres } from '../../src/storage/postgres-client.ts';
import { POSTGRES_MIGRATIONS } from '../../src/storage/postgres-migrations.ts';
import { ENGINES, useDatabases } from '../helpers/storage-engines.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const WRITER = path.resolve('tests/storage/answer-writer.ts');

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = db
    .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
    .all()
    .map((r) => r.name);
  db.close();
  return names;
}

/** A session with `rounds` open rounds, ready for answers from other processes. */
async function prepareQuiz(storage: Storage, rounds: number): Promise<number> {
  const id = (await storage.quiz.startSession({
    guildId: 'g',
    channelId: 'c',
    startedBy: 'u',
    level: 'mixed',
    questionCount: rounds,
    seconds: 20,
    startedAt: 1,
  }))!;
  await storage.sql.transaction(
    Array.from({ length: rounds }, (_, i) => ({
      sql: 'INSERT INTO quiz_rounds (session_id, round, item_id, item_level, opened_at, deadline_at) VALUES (?, ?, ?, ?, ?, ?)',
      params: [id, i + 1, `item-${i + 1}`, 'micro', 1, 2],
    })),
  );
  return id;
}

function runWriter(file: string, userId: string, count: number, sessionId: number) {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, file, userId, String(count), String(sessionId)], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('openDatabase [sqlite]', () => {
  test('creates the folder and file, and applies every migration', () => {
    const file = path.join(tempDir(), 'nested', 'folder', 'tutor.sqlite');
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('busy_timeout', { simple: true })).toBe(BUSY_TIMEOUT_MS);
    db.close();
    expect(tables(file)).toEqual(expect.arrayContaining(['guild_settings', 'quiz_answers', 'term_posts', 'answer_feedback']));
  });

  test('brings an empty database (schema version 0) up to date', async () => {
    const file = path.join(tempDir(), 'empty.sqlite');
    openDatabase(file, { migrations: [] }).close();
    const storage = await openStorage(file);
    expect(await storage.sql.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
    expect((await storage.settings.get('g')).studyChannelIds).toEqual([]);
    await storage.close();
  });

  test.each(Array.from({ length: SCHEMA_VERSION - 1 }, (_, index) => index + 1))(
    'upgrades a database at schema version %i, keeping its data',
    async (version) => {
      const file = path.join(tempDir(), 'old.sqlite');
      const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, version) });
      expect(old.pragma('user_version', { simple: true })).toBe(version);
      old.prepare("INSERT INTO study_channels VALUES ('g', 'c', 1)").run();
      old.close();

      const storage = await openStorage(file);
      expect(await storage.sql.get('PRAGMA user_version')).toEqual({ user_version: SCHEMA_VERSION });
      expect((await storage.settings.get('g')).studyChannelIds).toEqual(['c']);
      await storage.close();
    },
  );

  test('refuses a database from a newer version without modifying it', () => {
    const file = path.join(tempDir(), 'future.sqlite');
    const future = new Database(file);
    future.exec('CREATE TABLE from_the_future (x)');
    future.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    future.close();
    const before = createHash('sha256').update(readFileSync(file)).digest('hex');

    expect(() => openDatabase(file)).toThrow(DatabaseVersionError);
    expect(() => openDatabase(file)).toThrow(/schema version \d+.*left untouched/);
    expect(createHash('sha256').update(readFileSync(file)).digest('hex')).toBe(before);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });
});

test('both engines have the same schema versions', () => {
  expect(POSTGRES_MIGRATIONS).toHaveLength(MIGRATIONS.length);
});

// Defined only when a PostgreSQL server is there (the summary says when it is not).
describe.each(ENGINES.filter((engine) => engine === 'postgres'))('migrations [%s]', (engine) => {
  const databases = useDatabases(engine);
  test.each(Array.from({ length: POSTGRES_MIGRATIONS.length + 1 }, (_, version) => version))(
    'upgrades a database at schema version %i to the same version as SQLite, keeping its data',
    async (version) => {
      const where = await databases.location();
      const old = await openPostgres(where, { migrations: POSTGRES_MIGRATIONS.slice(0, version) });
      if (version >= 1) await old.run("INSERT INTO study_channels VALUES ('g', 'c', 1)");
      await old.close();
      const storage = await databases.open(Date.now, where);
      expect(await storage.sql.get('SELECT version FROM schema_version')).toEqual({ version: SCHEMA_VERSION });
      expect((await storage.settings.get('g')).studyChannelIds).toEqual(version >= 1 ? ['c'] : []);
    },
  );

  test('refuses a database from a newer version without modifying it', async () => {
    const where = await databases.location();
    const client = new pg.Client({ connectionString: where });
    await client.connect();
    await client.query(
      `CREATE TABLE schema_version (version INTEGER NOT NULL); INSERT INTO schema_version VALUES (${SCHEMA_VERSION + 1}); CREATE TABLE from_the_future (x INTEGER)`,
    );
    const tablesNow = () =>
      client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() ORDER BY 1`);
    const before = (await tablesNow()).rows;
    await expect(openPostgres(where)).rejects.toThrow(DatabaseVersionError);
    await expect(openPostgres(where)).rejects.toThrow(/schema version \d+.*left untouched.*DATABASE_URL/);
    expect((await tablesNow()).rows).toEqual(before);
    expect((await client.query('SELECT version FROM schema_version')).rows).toEqual([{ version: SCHEMA_VERSION + 1 }]);
    await client.end();
  });
});

describe.each(ENGINES)('durability [%s]', (engine) => {
  const databases = useDatabases(engine);

  test('two processes writing at once lose no write', async () => {
    const where = await databases.location();
    const storage = await databases.open(Date.now, where);
    const rounds = 150;
    const sessionId = await prepareQuiz(storage, rounds);
    const writers = ['alice', 'bob'].map((user) => runWriter(where, user, rounds, sessionId));
    await Promise.all(writers.map((child) => new Promise((resolve) => child.on('exit', resolve))));
    expect(writers.map((w) => w.exitCode)).toEqual([0, 0]);

    const answers = await storage.quiz.answers(sessionId);
    expect(answers.filter((a) => a.userId === 'alice')).toHaveLength(rounds);
    expect(answers.filter((a) => a.userId === 'bob')).toHaveLength(rounds);
  });

  test('a process killed with SIGKILL mid-batch leaves every acknowledged write', async () => {
    const where = await databases.location();
    const storage = await databases.open(Date.now, where);
    const rounds = 5000;
    const sessionId = await prepareQuiz(storage, rounds);
    const writer = runWriter(where, 'carol', rounds, sessionId);
    let acknowledged = 0;
    let buffer = '';
    await new Promise<void>((resolve) => {
      writer.stdout.on('data', (chunk: Buffer) => {
        buffer += chunk.toString();
        const lines = buffer.split('\n');
        buffer = lines.pop() ?? '';
        for (const line of lines) acknowledged = Number(line.split(' ')[1]);
        if (acknowledged >= 200 && !writer.killed) writer.kill('SIGKILL');
      });
      writer.on('exit', () => resolve());
    });
    expect(writer.signalCode).toBe('SIGKILL');
    expect(acknowledged).toBeGreaterThanOrEqual(200);
    expect(acknowledged).toBeLessThan(rounds);

    const saved = (await storage.quiz.answers(sessionId)).map((a) => a.round);
    expect(saved.length).toBeGreaterThanOrEqual(acknowledged);
    expect(saved.slice(0, acknowledged)).toEqual(Array.from({ length: acknowledged }, (_, i) => i + 1));
  });
});

describe('SQLite files [sqlite]', () => {
  test('a process killed mid-batch leaves a file that passes the integrity check', async () => {
    const file = path.join(tempDir(), 'killed.sqlite');
    const storage = await openStorage(file);
    const sessionId = await prepareQuiz(storage, 2000);
    await storage.close();
    const writer = runWriter(file, 'carol', 2000, sessionId);
    await new Promise<void>((resolve) => {
      writer.stdout.once('data', () => writer.kill('SIGKILL'));
      writer.on('exit', () => resolve());
    });
    expect(writer.signalCode).toBe('SIGKILL');
    const db = openDatabase(file);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    db.close();
  });

  test('backs up a live database consistently', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.sqlite');
    const storage = await openStorage(file);
    await storage.settings.addStudyChannel('g', 'c1');
    const copy = path.join(dir, 'backups', 'copy.sqlite');
    await backupDatabase(file, copy);
    await storage.settings.addStudyChannel('g', 'c2');
    await storage.close();

    const restored = await openStorage(copy);
    expect((await restored.settings.get('g')).studyChannelIds).toEqual(['c1']);
    expect(await restored.sql.get('PRAGMA integrity_check')).toEqual({ integrity_check: 'ok' });
    await restored.close();
  });
});
