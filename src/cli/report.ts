import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { classReport, periodStart, REPORT_PERIODS, type ClassReport } from '../engines/class-report.ts';
import { renderReportChart } from '../format/charts.ts';
import { reportCsv } from '../format/report.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { openStorage } from '../storage/index.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run report -- --out DIR [--guild ID] [--period week|month|all]';

/**
 * `npm run report`: the class report as files for a spreadsheet. With --guild, report.csv
 * and report.png go straight into DIR; without, one folder per guild that has quizzes,
 * DIR/<guild id>/report.csv and DIR/<guild id>/report.png.
 */
runCli(async () => {
  let values;
  try {
    values = parseArgs({
      options: { out: { type: 'string' }, guild: { type: 'string' }, period: { type: 'string', default: 'all' }, help: { type: 'boolean', short: 'h' } },
      strict: true,
    }).values;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  const period = REPORT_PERIODS.find((p) => p === values.period);
  const problem =
    values.out === undefined || values.out === ''
      ? '--out DIR is required.'
      : period === undefined
        ? `--period must be week, month or all, not "${values.period}".`
        : values.guild !== undefined && !/^\d{1,20}$/.test(values.guild)
          ? `--guild must be a server id (digits), not "${values.guild}".`
          : null;
  if (problem !== null || period === undefined || values.out === undefined) {
    console.error(`${problem}\n${USAGE}`);
    return 2;
  }

  const config = loadConfig();
  if (config.databaseUrl === null && !existsSync(config.databasePath)) {
    console.log(`No database at ${config.databasePath} yet: no quiz has been played.`);
    return 0;
  }
  const items = loadKnowledge(config.knowledgeDir).quiz;
  const storage = await openStorage(config.databaseUrl ?? config.databasePath);
  try {
    const repo = storage.report;
    const guilds = values.guild === undefined ? await repo.guildsWithQuizzes() : [values.guild];
    if (guilds.length === 0) console.log('No server has played a quiz yet: nothing to report.');
    for (const guildId of guilds) {
      const dir = values.guild === undefined ? path.join(values.out, guildId) : values.out;
      await writeReport(dir, classReport(items, await repo.rows(guildId, periodStart(period, Date.now())), { period, level: 'all' }), guildId);
    }
    return 0;
  } finally {
    await storage.close();
  }
});

async function writeReport(dir: string, report: ClassReport, guildId: string): Promise<void> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'report.csv'), reportCsv(report));
  writeFileSync(path.join(dir, 'report.png'), await renderReportChart(report));
  console.log(
    `${guildId}: ${report.players} players, ${report.quizzes} quizzes, ${report.answers} answers, ${report.items.length} items → ${path.join(dir, 'report.csv')}, ${path.join(dir, 'report.png')}`,
  );
}
