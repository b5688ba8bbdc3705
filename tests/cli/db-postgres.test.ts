import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStorage } from '../../src/storage/index.ts';
import { seedQuizzes, SEED_GUILD } from '../helpers/seed-quizzes.ts';
import { ENGINES, useDatabases } from '../helpers/storage-engines.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

const tempDir = useTempDirs();

async function run(entry: string, args: string[], env: Record<string, string>) {
  const child = spawnEntry(entry, args, env);
  const code = await exited(child);
  return { code, output: child.output() };
}

describe('npm run db:backup with DATABASE_URL', () => {
  test('without pg_dump on the PATH: a clear message, exit 1, nothing written', async () => {
    const target = path.join(tempDir(), 'dump.sql');
    const { code, output } = await run('src/cli/db-backup.ts', [target], { DATABASE_URL: 'postgres://tutor:hunter2@127.0.0.1:1/levels', PATH: tempDir() });
    expect(code).toBe(1);
    expect(output).toMatch(/pg_dump is not installed: install the PostgreSQL client tools/);
    expect(output).not.toContain('hunter2');
    expect(existsSync(target)).toBe(false);
  });
});

// Defined only when a PostgreSQL server is there (the summary says when it is not).
describe.each(ENGINES.filter((engine) => engine === 'postgres'))('moving to PostgreSQL [%s]', (engine) => {
  const databases = useDatabases(engine);

  test('db:migrate-to-postgres copies every table and checks the row counts; a second copy is refused; db:backup dumps it', async () => {
    const file = path.join(tempDir(), 'tutor.sqlite');
    const sqlite = await openStorage(file);
    await seedQuizzes(sqlite);
    await sqlite.settings.addStudyChannel(SEED_GUILD, '410000000000000011');
    await sqlite.terms.recordPending(SEED_GUILD, '2026-11-20', 'empathy', '410000000000000012', 'host/shards 0');
    await sqlite.askLog.vote('micro-definition', 'alice', -1, SEED_GUILD);
    sqlite.askLog.logUnanswered(SEED_GUILD, 'how do I bake bread', 'out-of-scope');
    const before = await sqlite.quiz.leaderboard(SEED_GUILD, null, 10);
    await sqlite.close();

    const url = await databases.location();
    const copy = await run('src/cli/db-migrate-to-postgres.ts', ['--from', file], { DATABASE_URL: url });
    expect(copy.code).toBe(0);
    expect(copy.output).toMatch(/^quiz_answers: 12 rows in SQLite, 12 in PostgreSQL$/m);
    expect(copy.output).toMatch(/Copied \d+ tables, \d+ rows, from .* every row count matches\./);

    const postgres = await databases.open(Date.now, url);
    expect(await postgres.quiz.leaderboard(SEED_GUILD, null, 10)).toEqual(before);
    expect((await postgres.askLog.gaps()).unanswered.map((gap) => gap.question)).toEqual(['how do I bake bread']);
    expect(await postgres.terms.get(SEED_GUILD, '2026-11-20')).toMatchObject({ status: 'pending', claimedBy: 'host/shards 0' });
    // New quizzes get ids after the copied ones.
    const next = await postgres.quiz.startSession({
      guildId: SEED_GUILD,
      channelId: 'new',
      startedBy: 'u',
      level: 'mixed',
      questionCount: 1,
      seconds: 20,
      startedAt: 1,
    });
    expect(next).toBe(4);

    const again = await run('src/cli/db-migrate-to-postgres.ts', ['--from', file], { DATABASE_URL: url });
    expect(again.code).toBe(1);
    expect(again.output).toMatch(/rolled back, nothing was written: The PostgreSQL database already has rows in/);

    const dump = path.join(tempDir(), 'backups', 'dump.sql');
    const backup = await run('src/cli/db-backup.ts', [dump], { DATABASE_URL: url, PATH: process.env.PATH ?? '' });
    expect(backup.output).toMatch(/^Backed up .* to .*dump.sql/);
    expect(backup.code).toBe(0);
    expect(readFileSync(dump, 'utf8')).toMatch(/CREATE TABLE .*quiz_answers/);
  }, 60_000);
});
