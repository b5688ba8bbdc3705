import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { openStorage } from '../../src/storage/index.ts';
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

const nextTick = () => new Promise((resolve) => setImmediate(resolve));

describe('the ask log, off the hot path', () => {
  test('writes through its own connection with synchronous = NORMAL, while quiz answers keep FULL', () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = openStorage(file);
    expect(storage.db.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.FULL);
    expect(storage.askLog.db).not.toBe(storage.db);
    expect(storage.askLog.db.pragma('synchronous', { simple: true })).toBe(SYNCHRONOUS.NORMAL);
    storage.askLog.logUnanswered('g', 'how do I bake bread', 'out-of-scope');
    storage.close();
    expect(loggedQuestions(file)).toEqual(['how do I bake bread']);
  });

  test('queues a burst of unanswered questions and writes them all by the next tick, in order', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = openStorage(file);
    const questions = Array.from({ length: 40 }, (_, i) => `question ${i}`);
    for (const question of questions) storage.askLog.logUnanswered('g', question, 'out-of-scope');
    expect(loggedQuestions(file)).toEqual([]);
    await nextTick();
    expect(loggedQuestions(file)).toEqual(questions);
    storage.close();
  });

  test('a flood larger than one batch is written as it comes; reads and close see everything queued', () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = openStorage(file);
    for (let i = 0; i < 300; i++) storage.askLog.logUnanswered(null, `flood ${i % 3}`, 'out-of-scope');
    expect(loggedQuestions(file).length).toBeGreaterThanOrEqual(256);
    expect(storage.askLog.gaps().unanswered.map((gap) => gap.times)).toEqual([100, 100, 100]);
    storage.askLog.logUnanswered('g', 'the last one', 'unsure');
    storage.close();
    expect(loggedQuestions(file)).toHaveLength(301);
  });

  test('a background write that fails is reported by the next question logged, and nothing queued is lost', async () => {
    const file = path.join(tempDir(), 'log.sqlite');
    const storage = openStorage(file);
    storage.askLog.logUnanswered('g', 'first', 'out-of-scope');
    storage.db.exec('ALTER TABLE unanswered_questions RENAME TO unanswered_elsewhere');
    await nextTick();
    expect(() => storage.askLog.logUnanswered('g', 'second', 'out-of-scope')).toThrow(/no such table/);
    storage.db.exec('ALTER TABLE unanswered_elsewhere RENAME TO unanswered_questions');
    storage.close();
    expect(loggedQuestions(file)).toEqual(['first', 'second']);
  });
});
