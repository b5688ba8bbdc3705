import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPORT_CHART_SIZE } from '../../src/format/charts.ts';
import { openStorage } from '../../src/storage/index.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { pngSize } from '../helpers/png.ts';
import { OTHER_GUILD, SEED_GUILD, seedQuizzes } from '../helpers/seed-quizzes.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

const tempDir = useTempDirs();
const USAGE = 'usage: npm run report -- --out DIR [--guild ID] [--period week|month|all]';

async function report(args: string[], databasePath: string) {
  const child = spawnEntry('src/cli/report.ts', args, { DATABASE_PATH: databasePath, KNOWLEDGE_DIR: MINI_KNOWLEDGE_DIR });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  const code = await exited(child);
  return { code, stdout, output: child.output() };
}

async function seededDatabase(): Promise<string> {
  const file = path.join(tempDir(), 'seeded.sqlite');
  const storage = await openStorage(file);
  // The CLI reads the real clock.
  await seedQuizzes(storage, Date.now());
  await storage.close();
  return file;
}

describe('npm run report', () => {
  test('without --guild: DIR/<guild id>/report.csv and report.png for every guild with quizzes', async () => {
    const out = path.join(tempDir(), 'out');
    const { code, stdout } = await report(['--out', out], await seededDatabase());
    expect(code).toBe(0);
    expect(stdout).toContain(`${SEED_GUILD}: 5 players, 2 quizzes, 11 answers, 3 items`);
    for (const guild of [SEED_GUILD, OTHER_GUILD]) {
      const csv = readFileSync(path.join(out, guild, 'report.csv'), 'utf8')
        .trimEnd()
        .split('\n');
      expect(csv).toHaveLength(1 + 3);
      expect(csv.slice(1).map((line) => line.split(',')[0])).toEqual(['mc-one', 'tf-one', 'sc-one']);
      expect(pngSize(readFileSync(path.join(out, guild, 'report.png')))).toEqual(REPORT_CHART_SIZE);
    }
  });

  test('with --guild and --period: the files straight in DIR, figures for that period', async () => {
    const out = path.join(tempDir(), 'one');
    const { code } = await report(['--out', out, '--guild', SEED_GUILD, '--period', 'week'], await seededDatabase());
    expect(code).toBe(0);
    const csv = readFileSync(path.join(out, 'report.csv'), 'utf8').trimEnd().split('\n');
    expect(csv[1]).toBe('mc-one,macro,multiple-choice,1,1,1,0,0.5,0.5,,,,,,');
    expect(csv[2]).toBe('tf-one,micro,true-false,1,3,0,,,,,1,0,,,');
    expect(existsSync(path.join(out, 'report.png'))).toBe(true);
    expect(existsSync(path.join(out, SEED_GUILD))).toBe(false);
  });

  test.each([
    [['--guild', SEED_GUILD], /--out DIR is required/],
    [['--out', 'x', '--period', 'year'], /--period must be week, month or all/],
    [['--out', 'x', '--guild', 'abc'], /--guild must be a server id/],
    [['--out', 'x', '--loud'], /Unknown option '--loud'/],
  ])('bad flags %j: the usage line and exit code 2', async (args, message) => {
    const { code, output } = await report(args, path.join(tempDir(), 'none.sqlite'));
    expect(code).toBe(2);
    expect(output).toMatch(message);
    expect(output).toContain(USAGE);
    expect(output).not.toMatch(/\n\s+at /);
  });
});
