import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { activityStrip, classReport, type ClassReport } from '../../src/engines/class-report.ts';
import { renderReportChart, renderStatsChart, REPORT_CHART_SIZE, STATS_CHART_SIZE } from '../../src/format/charts.ts';
import { REPORT_CHART_NAME, reportCsv, reportReply } from '../../src/format/report.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openStorage } from '../../src/storage/index.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { pngSize } from '../helpers/png.ts';
import { SEED_GUILD, SEED_NOW, seedQuizzes } from '../helpers/seed-quizzes.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const items = loadKnowledge(MINI_KNOWLEDGE_DIR).quiz;

async function seededReport(): Promise<ClassReport> {
  const storage = await openStorage(path.join(tempDir(), 'report.sqlite'));
  await seedQuizzes(storage);
  const rows = await storage.report.rows(SEED_GUILD, 0);
  await storage.close();
  return classReport(items, rows, { period: 'all', level: 'all' });
}

describe('report.csv', () => {
  test('one row per quiz item after the header, with the issue’s columns and shares per option', async () => {
    const lines = reportCsv(await seededReport())
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(1 + items.length);
    expect(lines[0]).toBe('id,level,kind,times_asked,right,wrong,share_A,share_B,share_C,share_D,share_true,share_false,share_micro,share_mezzo,share_macro');
    expect(lines.slice(1)).toEqual([
      'mc-one,macro,multiple-choice,2,2,3,0.4,0.2,0.4,,,,,,',
      'tf-one,micro,true-false,2,4,1,,,,,0.8,0.2,,,',
      'sc-one,mezzo,scenario-level,0,0,0,,,,,,,,,',
    ]);
  });
});

describe('charts', () => {
  test('the report chart is a PNG of exactly the documented size', async () => {
    const png = await renderReportChart(await seededReport());
    expect(pngSize(png)).toEqual(REPORT_CHART_SIZE);
    expect(png.length).toBeGreaterThan(5_000);
  });

  test('a report with no answers at all still draws', async () => {
    const empty = classReport(items, { rounds: [], answers: [] }, { period: 'week', level: 'macro' });
    expect(pngSize(await renderReportChart(empty))).toEqual(REPORT_CHART_SIZE);
  });

  test('the stats chart is a PNG of exactly the documented size', async () => {
    const png = await renderStatsChart(
      [
        { level: 'micro', answers: 4, right: 3 },
        { level: 'mezzo', answers: 0, right: 0 },
        { level: 'macro', answers: 2, right: 1 },
      ],
      activityStrip([SEED_NOW], SEED_NOW),
    );
    expect(pngSize(png)).toEqual(STATS_CHART_SIZE);
  });
});

describe('the /quiz report reply', () => {
  test('keeps every figure in text and shows the attached chart as the embed image', async () => {
    const png = Buffer.from('png');
    const reply = reportReply(await seededReport(), png);
    expect(reply.ephemeral).toBe(true);
    const embed = reply.embeds![0]!;
    expect(embed.title).toBe('Class report: all time, all levels');
    expect(embed.description).toContain('**5** players · **2** quizzes · **11** answers');
    expect(embed.description).toContain('1. 🔵 `mc-one`: 3 wrong of 5 (A 2 · B 1 · C 2 ✓)');
    expect(embed.description).toContain('2. 🟢 `tf-one`: 1 wrong of 5 (true 4 ✓ · false 1)');
    expect(embed.fields).toEqual([
      { name: 'Accuracy per level', value: '🟢 micro: 80% (4/5)\n🟠 mezzo: – (0/0)\n🔵 macro: 50% (3/6)' },
      { name: 'Not asked in this period (1 of 3 items)', value: '`sc-one`' },
    ]);
    expect(embed.image).toEqual({ url: `attachment://${REPORT_CHART_NAME}` });
    expect(reply.files).toEqual([expect.objectContaining({ name: REPORT_CHART_NAME, data: png, description: expect.stringMatching(/accuracy per level/) })]);
  });

  test('without a chart (rendering failed) the text stands alone', async () => {
    const reply = reportReply(await seededReport(), null);
    expect(reply.files).toBeUndefined();
    expect(reply.embeds![0]!.image).toBeUndefined();
  });
});
