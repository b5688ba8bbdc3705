import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, test } from 'vitest';
import { backupDatabase, BUSY_TIMEOUT_MS, DatabaseVersionError, openDatabase, SCHEMA_VERSION } from '../../src/storage/database.ts';
import { openStorage } from '../../src/storage/index.ts';
import { MIGRATIONS } from '../../src/storage/migrations.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const WRITER = path.resolve('tests/storage/answer-writer.ts');

function tables(file: string): string[] {
  const db = new Database(file, { readonly: true });
  const names = db.prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all().map((r) => r.name);
  db.close();
  return names;
}

/** A session with `rounds` open rounds, ready for answers from other processes. */
function prepareQuiz(file: string, rounds: number): number {
  const storage = openStorage(file);
  const id = storage.quiz.startSession({ guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: rounds, seconds: 20, startedAt: 1 })!;
  const open = storage.db.transaction(() => {
    for (let round = 1; round <= rounds; round++) storage.quiz.openRound(id, round, `item-${round}`, 'micro', 1, 2);
  });
  open();
  storage.close();
  return id;
}

function runWriter(file: string, userId: string, count: number, sessionId: number) {
  return spawn(process.execPath, ['--import', 'tsx', WRITER, file, userId, String(count), String(sessionId)], { stdio: ['ignore', 'pipe', 'inherit'] });
}

describe('openDatabase', () => {
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

  test.each(Array.from({ length: SCHEMA_VERSION }, (_, version) => version))('upgrades a database at schema version %i, keeping its data', (version) => {
    const file = path.join(tempDir(), 'old.sqlite');
    const old = openDatabase(file, { migrations: MIGRATIONS.slice(0, version) });
    expect(old.pragma('user_version', { simple: true })).toBe(version);
    if (version >= 1) old.prepare("INSERT INTO study_channels VALUES ('g', 'c', 1)").run();
    old.close();

    const storage = openStorage(file);
    expect(storage.db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    if (version >= 1) expect(storage.settings.get('g').studyChannelIds).toEqual(['c']);
    storage.close();
  });

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

describe('durability', () => {
  test('two processes writing at once lose no write', async () => {
    const file = path.join(tempDir(), 'shared.sqlite');
    const rounds = 150;
    const sessionId = prepareQuiz(file, rounds);
    const writers = ['alice', 'bob'].map((user) => runWriter(file, user, rounds, sessionId));
    await Promise.all(writers.map((child) => new Promise((resolve) => child.on('exit', resolve))));
    expect(writers.map((w) => w.exitCode)).toEqual([0, 0]);

    const storage = openStorage(file);
    const answers = storage.quiz.answers(sessionId);
    expect(answers.filter((a) => a.userId === 'alice')).toHaveLength(rounds);
    expect(answers.filter((a) => a.userId === 'bob')).toHaveLength(rounds);
    storage.close();
  });

  test('a process killed with SIGKILL mid-batch leaves a consistent database with every acknowledged write', async () => {
    const file = path.join(tempDir(), 'killed.sqlite');
    const rounds = 5000;
    const sessionId = prepareQuiz(file, rounds);
    const writer = runWriter(file, 'carol', rounds, sessionId);
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

    const storage = openStorage(file);
    expect(storage.db.pragma('integrity_check', { simple: true })).toBe('ok');
    const saved = storage.quiz.answers(sessionId).map((a) => a.round);
    expect(saved.length).toBeGreaterThanOrEqual(acknowledged);
    expect(saved.slice(0, acknowledged)).toEqual(Array.from({ length: acknowledged }, (_, i) => i + 1));
    storage.close();
  });

  test('backs up a live database consistently', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'live.sqlite');
    const storage = openStorage(file);
    storage.settings.addStudyChannel('g', 'c1');
    const copy = path.join(dir, 'backups', 'copy.sqlite');
    await backupDatabase(file, copy);
    storage.settings.addStudyChannel('g', 'c2');
    storage.close();

    const restored = openStorage(copy);
    expect(restored.settings.get('g').studyChannelIds).toEqual(['c1']);
    expect(restored.db.pragma('integrity_check', { simple: true })).toBe('ok');
    restored.close();
  });
});
