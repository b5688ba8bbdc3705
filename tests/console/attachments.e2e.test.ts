import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { REPORT_CHART_SIZE, STATS_CHART_SIZE } from '../../src/format/charts.ts';
import { pngSize } from '../helpers/png.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

const tempDir = useTempDirs();

describe('the offline console shows attachments', () => {
  test('/quiz report and /quiz stats print their text and the path of the saved PNG', async () => {
    const dir = tempDir();
    const child = spawnEntry('src/index.ts', [], { DISCORD_TOKEN: '', DISCORD_APPLICATION_ID: '', DATABASE_PATH: path.join(dir, 'console.sqlite') });
    child.stdin.end('/quiz report period: week\n/quiz stats\n/quit\n');
    expect(await exited(child)).toBe(0);
    const output = child.output();

    expect(output).toContain(
      'you> /quiz report period: week\n(only you see this)\n╭ Class report: last 7 days, all levels\n│ 0 players · 0 quizzes · 0 answers',
    );
    expect(output).toMatch(/^│ Not asked in this period \(\d+ of \d+ items\): `mc-/m);
    expect(output).toContain('╭ Quiz stats');
    expect(output).toContain('│ Questions answered: 0');

    const saved = [...output.matchAll(/^📎 (\S+): saved to (.+)$/gm)].map((match) => [match[1], match[2]] as const);
    expect(saved.map(([name, file]) => [name, path.dirname(file!)])).toEqual([
      ['class-report.png', path.join(dir, 'console-attachments')],
      ['quiz-stats.png', path.join(dir, 'console-attachments')],
    ]);
    expect(pngSize(readFileSync(saved[0]![1]!))).toEqual(REPORT_CHART_SIZE);
    expect(pngSize(readFileSync(saved[1]![1]!))).toEqual(STATS_CHART_SIZE);
  });
});
