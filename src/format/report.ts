import type { ClassReport, ItemFigures } from '../engines/class-report.ts';
import type { Level } from '../domain/levels.ts';
import type { MessageFile, ReplyPayload } from '../interactions/types.ts';
import { LEVEL_STYLE } from './levels.ts';
import { LIMITS } from './limits.ts';

export const REPORT_CHART_NAME = 'class-report.png';
export const STATS_CHART_NAME = 'quiz-stats.png';

const PERIOD_TITLES: Readonly<Record<ClassReport['period'], string>> = { week: 'last 7 days', month: 'last 30 days', all: 'all time' };
/** Every option key any quiz item uses, in CSV column order. */
const OPTION_KEYS = ['A', 'B', 'C', 'D', 'true', 'false', 'micro', 'mezzo', 'macro'] as const;

const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((100 * part) / whole)}%`);
const badge = (level: Level) => LEVEL_STYLE[level].badge;

/** Joins as many entries as fit in `max` characters, then says how many more there are. */
function listWithin(entries: readonly string[], max: number): string {
  let text = '';
  for (const [index, entry] of entries.entries()) {
    const more = `, and ${entries.length - index} more`;
    const next = text === '' ? entry : `${text}, ${entry}`;
    if (next.length + (index < entries.length - 1 ? more.length : 0) > max) return `${text}${more}`;
    text = next;
  }
  return text;
}

function missedLine(item: ItemFigures, rank: number): string {
  const split = item.options.map((option) => `${option.key} ${option.count}${option.correct ? ' ✓' : ''}`).join(' · ');
  return `${rank + 1}. ${badge(item.level)} \`${item.id}\`: ${item.wrong} wrong of ${item.right + item.wrong} (${split})`;
}

/** The report as an embed: every figure in text (screen readers), the chart as the embed's image. */
export function reportReply(report: ClassReport, chart: Buffer | null): ReplyPayload {
  const level = report.level === 'all' ? 'all levels' : `${badge(report.level)} ${LEVEL_STYLE[report.level].label}`;
  const missed = report.mostMissed.length === 0 ? 'No wrong answers in this period.' : report.mostMissed.map(missedLine).join('\n');
  const unseen =
    report.unseen.length === 0
      ? 'Every item was asked at least once.'
      : listWithin(
          report.unseen.map((item) => `\`${item.id}\``),
          LIMITS.fieldValue,
        );
  return {
    ephemeral: true,
    embeds: [
      {
        title: `Class report: ${PERIOD_TITLES[report.period]}, ${level}`,
        description: `**${report.players}** players · **${report.quizzes}** quizzes · **${report.answers}** answers\n\n**Most-missed items** (answers per option, ✓ the right one)\n${missed}`,
        color: LEVEL_STYLE.general.color,
        fields: [
          {
            name: 'Accuracy per level',
            value: report.byLevel.map((l) => `${badge(l.level)} ${l.level}: ${percent(l.right, l.answers)} (${l.right}/${l.answers})`).join('\n') || '–',
          },
          { name: `Not asked in this period (${report.unseen.length} of ${report.items.length} items)`, value: unseen },
        ],
        footer: { text: 'npm run report writes the same figures as CSV, one row per item.' },
        ...(chart === null ? {} : { image: { url: `attachment://${REPORT_CHART_NAME}` } }),
      },
    ],
    ...(chart === null ? {} : { files: [reportChartFile(report, chart)] }),
  };
}

export function reportChartFile(report: ClassReport, png: Buffer): MessageFile {
  return {
    name: REPORT_CHART_NAME,
    data: png,
    description: `Bar charts: accuracy per level, and the answer split of the ${report.mostMissed.length} most-missed quiz items.`,
  };
}

/** A stats reply with its chart attached and shown as the embed's image. */
export function withStatsChart(reply: ReplyPayload, png: Buffer): ReplyPayload {
  const [first, ...rest] = reply.embeds ?? [];
  const file: MessageFile = {
    name: STATS_CHART_NAME,
    data: png,
    description: 'Bar chart of accuracy per level, and a strip of answers per day over the last 30 days.',
  };
  return {
    ...reply,
    embeds: first === undefined ? [] : [{ ...first, image: { url: `attachment://${STATS_CHART_NAME}` } }, ...rest],
    files: [...(reply.files ?? []), file],
  };
}

function csvCell(value: string | number): string {
  const text = String(value);
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * One row per item: id, level, kind, times asked, right, wrong, then the share of answers per option
 * (blank where the item has no such option or no answers).
 */
export function reportCsv(report: ClassReport): string {
  const header = ['id', 'level', 'kind', 'times_asked', 'right', 'wrong', ...OPTION_KEYS.map((key) => `share_${key}`)];
  const rows = report.items.map((item) => {
    const shares = new Map(item.options.map((option) => [option.key, option.share]));
    return [
      item.id,
      item.level,
      item.kind,
      item.asked,
      item.right,
      item.wrong,
      ...OPTION_KEYS.map((key) => {
        const share = shares.get(key);
        return share === undefined || share === null ? '' : Number(share.toFixed(4));
      }),
    ];
  });
  return [header, ...rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n';
}
