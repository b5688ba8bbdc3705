import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import type { SqlClient } from '../../src/storage/sql.ts';
import { SqliteClient } from '../../src/storage/sqlite-client.ts';
import { ENGINES, useDatabases } from '../helpers/storage-engines.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const SYNCHRONOUS = { NORMAL: 1, FULL: 2 };

/** What another process would read from the file right now. */
function loggedQuestions(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const rows = db.prepare<[], { question: string }>('SELECT question FROM unanswered_questions ORDER BY id').all();
  db.close();
  return rows.map((row) => row.question);
}

/** The better-sqlite3 connection behind a SQLite client. */
function sqlite(client: SqlClient) {
  expect(client).toBeInstanceOf(SqliteClient);
  return (client as SqliteClient).db;
}

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('the ask log, off the hot path [sqlite]', () => {
  test('writes through its own connection with synchronous = NORMAL, while quiz answers keep FULL', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = await openStorage(file);
    expect(sqlite(storage.sql).pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.FULL);
    expect(storage.askLog.db).not.toBe(storage.sql);
    expect(sqlite(storage.askLog.db).pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.NORMAL);
    storage.askLog.logUnanswered('g', 'how do I bake bread', 'out-of-scope');
    await storage.close();
    expect(loggedQuestions(file)).toEqual(['how do I bake bread']);
  });

  test('queues a burst of unanswered questions and writes them all by the next tick, in order', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = await openStorage(file);
    const questions = Array.from({ length: 40 }, (_, i) => `question ${i}`);
    for (const question of questions) storage.askLog.logUnanswered('g', question, 'out-of-scope');
    expect(loggedQuestions(file)).toEqual([]);
    await nextTick();
    expect(loggedQuestions(file)).toEqual(questions);
    await storage.close();
  });

  test('a stream of questions, one per tick, is written in shared batches on its own, in order', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = await openStorage(file);
    const questions = Array.from({ length: 20 }, (_, i) => `stream ${i}`);
    for (const question of questions) {
      storage.askLog.logUnanswered('g', question, 'out-of-scope');
      await nextTick();
    }
    // No read, no close: the delayed batch is written by its own timer (polled, as the machine may be slow).
    for (let wait = 0; wait < 100 && loggedQuestions(file).length < questions.length; wait++) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(loggedQuestions(file)).toEqual(questions);
    await storage.close();
  });

  test('a flood larger than one batch is written as it comes; reads and close see everything queued', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = await openStorage(file);
    for (let i = 0; i < 300; i++) storage.askLog.logUnanswered(null, `flood ${i % 3}`, 'out-of-scope');
    expect(loggedQuestions(file).length).toBeGreaterThanOrEqual(256);
    expect((await storage.askLog.gaps()).unanswered.map((gap) => gap.times)).toEqual([100, 100, 100]);
    storage.askLog.logUnanswered('g', 'the last one', 'unsure');
    await storage.close();
    expect(loggedQuestions(file)).toHaveLength(301);
  });

  test('a background write that fails is reported by the next question logged, and nothing queued is lost', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = await openStorage(file);
    storage.askLog.logUnanswered('g', 'first', 'out-of-scope');
    sqlite(storage.sql).exec('ALTER TABLE unanswered_questions RENAME TO unanswered_elsewhere');
    await nextTick();
    expect(() => storage.askLog.logUnanswered('g', 'second', 'out-of-scope')).toThrow(/no such table/);
    sqlite(storage.sql).exec('ALTER TABLE unanswered_elsewhere RENAME TO unanswered_questions');
    await storage.close();
    expect(loggedQuestions(file)).toEqual(['first', 'second']);
  });
});

describe.each(ENGINES)('the ask log [%s]', (engine) => {
  const databases = useDatabases(engine);
  const logged = async (storage: Storage) =>
    (await storage.sql.all<{ question: string }>('SELECT question FROM unanswered_questions ORDER BY id')).map((row) => row.question);

  test('a burst is written by the next tick, a flood as it comes, and reads and close see everything queued', async () => {
    const where = await databases.location();
    const storage = await databases.open(Date.now, where);
    for (let i = 0; i < 300; i++) storage.askLog.logUnanswered(null, `flood ${i % 3}`, 'out-of-scope');
    expect((await storage.askLog.gaps()).unanswered.map((gap) => gap.times)).toEqual([100, 100, 100]);
    storage.askLog.logUnanswered('g', 'the last one', 'unsure');
    await storage.close();
    const reopened = await databases.open(Date.now, where);
    expect(await logged(reopened)).toHaveLength(301);
  });
});
