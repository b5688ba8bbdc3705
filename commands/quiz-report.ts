import { ApplicationCommandOptionType, type APIApplicationCommandSubcommandOption } from 'discord-api-types/v10';
import type { Services } from '../src/bot/command.ts';
import { requireServer } from '../src/bot/reach.ts';
import {
  activityStart,
  activityStrip,
  classReport,
  periodStart,
  REPORT_LEVELS,
  REPORT_PERIODS,
  reportLevel,
  reportPeriod,
} from '../src/engines/class-report.ts';
import { renderReportChart, renderStatsChart } from '../src/format/charts.ts';
import { reportChartFile, reportReply, withStatsChart } from '../src/format/report.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { OptionNamesOf } from '../src/interactions/options.ts';
import type { ChatInputInteraction, ReplyPayload } from '../src/interactions/types.ts';
import type { Logger } from '../src/logger.ts';
import type { Level } from '../src/domain/levels.ts';
import type { PlayerStats } from '../src/domain/quiz.ts';

/**
 * How long a reply waits for its chart. Discord wants an answer within 3 s; a chart that
 * takes longer (the first one loads the chart libraries) follows in a second message.
 */
export const CHART_BUDGET_MS = 2_000;

export const reportSubcommand = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'report',
  description: 'Class report for instructors: accuracy, most-missed items, a chart (Manage Server)',
  options: [
    {
      type: ApplicationCommandOptionType.String,
      name: 'period',
      description: 'week, month or all (default all)',
      choices: REPORT_PERIODS.map((p) => ({ name: p, value: p })),
    },
    {
      type: ApplicationCommandOptionType.String,
      name: 'level',
      description: 'micro, mezzo or macro (default every level)',
      choices: REPORT_LEVELS.map((l) => ({ name: l, value: l })),
    },
  ],
} as const satisfies APIApplicationCommandSubcommandOption;

/** The option names `/quiz report` reads. */
type ReportOptions = OptionNamesOf<{ name: 'quiz'; description: ''; options: [typeof reportSubcommand] }>;

export interface ChartReply {
  /** The reply, with the chart when it was ready in time (null: without). */
  readonly payload: (png: Buffer | null) => ReplyPayload;
  /** The follow-up that carries a chart that came too late for the reply. */
  readonly late: (png: Buffer) => ReplyPayload;
}

/** Replies with the chart attached when it is ready within the budget, else sends it right after; a failed chart leaves the text alone. */
export async function replyWithChart(
  interaction: ChatInputInteraction,
  logger: Logger,
  chart: Promise<Buffer>,
  reply: ChartReply,
  budgetMs = CHART_BUDGET_MS,
): Promise<void> {
  const failed = (error: unknown) => {
    logger.warn({ err: error }, 'chart rendering failed; the text reply stands alone');
    return null;
  };
  const settled = chart.then((png) => png, failed);
  let timer: NodeJS.Timeout | undefined;
  const inTime = await Promise.race([settled, new Promise<'late'>((resolve) => (timer = setTimeout(resolve, budgetMs, 'late')))]);
  clearTimeout(timer);
  if (inTime !== 'late') {
    await interaction.reply(reply.payload(inTime));
    return;
  }
  await interaction.reply(reply.payload(null));
  const png = await settled;
  if (png !== null) await interaction.followUp(reply.late(png));
}

/** `/quiz report`: instructors only, privately. */
export async function quizReport(
  interaction: ChatInputInteraction<ReportOptions>,
  { knowledge, records, logger, now }: Pick<Services, 'knowledge' | 'records' | 'logger' | 'now'>,
): Promise<void> {
  const guildId = requireServer(interaction, 'The class report');
  if (!interaction.can('ManageGuild')) {
    throw new UserError(
      'The class report is for instructors: it needs the **Manage Server** permission. If you teach here, ask a server admin to give it to you. Your own figures are in `/quiz stats`.',
    );
  }
  const period = reportPeriod(interaction.string('period'));
  const rows = await records.classRows(guildId, periodStart(period, now()));
  const report = classReport(knowledge.knowledge.quiz, rows, { period, level: reportLevel(interaction.string('level')) });
  await replyWithChart(interaction, logger, renderReportChart(report), {
    payload: (png) => reportReply(report, png),
    late: (png) => ({ ephemeral: true, content: 'The report as a chart:', files: [reportChartFile(report, png)] }),
  });
}

/** `/quiz stats`: the text reply with a chart of accuracy per level and the last 30 days. */
export async function replyWithStats(
  interaction: ChatInputInteraction,
  { records, logger, now: clock }: Pick<Services, 'records' | 'logger' | 'now'>,
  userId: string,
  reply: ReplyPayload,
  stats: PlayerStats,
): Promise<void> {
  const guildId = interaction.guildId ?? '';
  const now = clock();
  const activity = activityStrip(await records.answerTimes(guildId, userId, activityStart(now)), now);
  // micro, mezzo, macro always (an empty bar says "not yet"), general when answered.
  const answered = new Map(stats.byLevel.map((l) => [l.level, l]));
  const levels: Level[] = [...REPORT_LEVELS, ...(answered.has('general') ? (['general'] as const) : [])];
  const byLevel = levels.map((level) => ({ level, answers: answered.get(level)?.answered ?? 0, right: answered.get(level)?.correct ?? 0 }));
  await replyWithChart(interaction, logger, renderStatsChart(byLevel, activity), {
    payload: (png) => (png === null ? reply : withStatsChart(reply, png)),
    late: (png) => withStatsChart({ ephemeral: reply.ephemeral, content: 'Your stats as a chart:' }, png),
  });
}
