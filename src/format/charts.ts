import { createRequire } from 'node:module';
import type { TopLevelSpec } from 'vega-lite';
import type { ActivityDay, ClassReport, LevelAccuracy } from '../engines/class-report.ts';
import type { Level } from '../domain/levels.ts';
import { LEVEL_STYLE } from './levels.ts';

/** Every chart is exactly this size, whatever its labels: the drawing is scaled to fit. */
export const REPORT_CHART_SIZE = { width: 1000, height: 620 } as const;
export const STATS_CHART_SIZE = { width: 800, height: 420 } as const;

const FONT_FAMILY = 'DejaVu Sans';
const resolve = createRequire(import.meta.url).resolve;
// Shipped in an npm package, and system fonts stay off: the same picture on every machine.
const FONT_FILES = [resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf'), resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf')];

const RIGHT_COLOUR = '#2e9d5b';
const RIGHT_PART = 'right answer';
/** One color per option a wrong answer can pick, the same in every chart; none is the right answer's green. */
const WRONG_COLOURS: ReadonlyMap<string, string> = new Map([
  ['A', '#e15759'],
  ['B', '#f28e2b'],
  ['C', '#b07aa1'],
  ['D', '#4e79a7'],
  ['true', '#edc948'],
  ['false', '#9c755f'],
  ['micro', '#76b7b2'],
  ['mezzo', '#ff9da7'],
  ['macro', '#bab0ac'],
]);
const CONFIG = {
  font: FONT_FAMILY,
  background: 'white',
  view: { stroke: null },
  title: { fontSize: 16, anchor: 'start' as const },
  axis: { labelFontSize: 12, titleFontSize: 12 },
};

const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`;
const levelColor = (level: Level) => hex(LEVEL_STYLE[level].color);
const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`;

function accuracyPanel(title: string, byLevel: readonly LevelAccuracy[], width: number) {
  const values = byLevel.map((l) => ({
    level: LEVEL_STYLE[l.level].label,
    accuracy: l.answers === 0 ? 0 : l.right / l.answers,
    label: l.answers === 0 ? 'no answers yet' : `${percent(l.right, l.answers)} (${l.right}/${l.answers})`,
    color: levelColor(l.level),
  }));
  const x = { field: 'level', type: 'nominal' as const, sort: null, title: null, axis: { labelAngle: 0, labelFontSize: 13 } };
  return {
    title,
    width,
    height: 160,
    data: { values },
    layer: [
      {
        mark: { type: 'bar' as const, cornerRadiusEnd: 3 },
        encoding: {
          x,
          y: { field: 'accuracy', type: 'quantitative' as const, scale: { domain: [0, 1] }, axis: { format: '.0%', tickCount: 5 }, title: 'right answers' },
          color: { field: 'color', type: 'nominal' as const, scale: null },
        },
      },
      {
        mark: { type: 'text' as const, dy: -8, fontSize: 12 },
        encoding: { x, y: { field: 'accuracy', type: 'quantitative' as const }, text: { field: 'label' } },
      },
    ],
  };
}

function mostMissedPanel(report: ClassReport, width: number) {
  const title = 'Most-missed items: how the answers split';
  if (report.mostMissed.length === 0) {
    return {
      title,
      width,
      height: 60,
      data: { values: [{ text: 'No wrong answers in this period.' }] },
      mark: { type: 'text' as const, fontSize: 14, align: 'left' as const, x: 0 },
      encoding: { text: { field: 'text' } },
    };
  }
  // Bars in most-missed order; each segment is one option, the right one in green.
  const values = report.mostMissed.flatMap((item, rank) =>
    item.options
      .filter((option) => option.count > 0)
      .map((option) => ({ item: item.id, rank, part: option.correct ? RIGHT_PART : option.key, last: option.correct ? 1 : 0, count: option.count })),
  );
  const present = new Set(values.map((v) => v.part));
  const wrongParts = [...WRONG_COLOURS.keys()].filter((key) => present.has(key));
  const domain = [RIGHT_PART, ...wrongParts];
  const range = [RIGHT_COLOUR, ...wrongParts.map((key) => WRONG_COLOURS.get(key) ?? '#888888')];
  const y = { field: 'item', type: 'nominal' as const, sort: { field: 'rank', order: 'ascending' as const }, title: null, axis: { labelLimit: 400 } };
  const order = { field: 'last', type: 'quantitative' as const };
  return {
    title,
    width,
    height: 28 * Math.max(4, report.mostMissed.length),
    data: { values },
    layer: [
      {
        mark: 'bar' as const,
        encoding: {
          y,
          x: { field: 'count', type: 'quantitative' as const, stack: 'zero' as const, title: 'answers', axis: { tickMinStep: 1, format: 'd' } },
          color: { field: 'part', type: 'nominal' as const, scale: { domain, range }, title: 'answer chosen' },
          order,
        },
      },
      {
        mark: { type: 'text' as const, color: '#1b1f24', fontSize: 11 },
        encoding: {
          y,
          x: { field: 'count', type: 'quantitative' as const, stack: 'zero' as const, bandPosition: 0.5 },
          detail: { field: 'part' },
          order,
          text: { field: 'count' },
        },
      },
    ],
  };
}

const PERIOD_NAMES: Readonly<Record<ClassReport['period'], string>> = { week: 'last 7 days', month: 'last 30 days', all: 'all time' };

export function reportChartSpec(report: ClassReport): TopLevelSpec {
  const level = report.level === 'all' ? 'all levels' : LEVEL_STYLE[report.level].label;
  return {
    title: {
      text: `Class report: ${PERIOD_NAMES[report.period]}, ${level}`,
      subtitle: `${report.players} players · ${report.quizzes} quizzes · ${report.answers} answers`,
      fontSize: 18,
    },
    config: CONFIG,
    padding: 16,
    spacing: 28,
    vconcat: [accuracyPanel('Accuracy per level', report.byLevel, 640), mostMissedPanel(report, 640)],
  } as TopLevelSpec;
}

export function statsChartSpec(byLevel: readonly LevelAccuracy[], activity: readonly ActivityDay[]): TopLevelSpec {
  const values = activity.map((day, index) => ({
    offset: index - (activity.length - 1),
    date: day.date,
    answers: day.answers,
    text: day.answers === 0 ? '' : String(day.answers),
  }));
  const today = Date.parse(activity.at(-1)?.date ?? '1970-01-01');
  // Every 7th day is labelled, counting back from today.
  const x = {
    field: 'offset',
    type: 'ordinal' as const,
    title: null,
    axis: { labelAngle: 0, labelExpr: `datum.value % 7 == 0 ? utcFormat(${today} + datum.value * 86400000, '%d %b') : ''`, ticks: false, domain: false },
  };
  return {
    title: { text: 'Your quiz stats', fontSize: 18 },
    config: CONFIG,
    padding: 16,
    spacing: 28,
    vconcat: [
      accuracyPanel('Accuracy per level', byLevel, 600),
      {
        title: 'Answers per day, last 30 days (UTC)',
        width: 600,
        height: 34,
        data: { values },
        layer: [
          {
            mark: { type: 'rect' as const, cornerRadius: 3, stroke: 'white', strokeWidth: 2 },
            encoding: {
              x,
              color: {
                field: 'answers',
                type: 'quantitative' as const,
                scale: { domain: [0, Math.max(5, ...activity.map((d) => d.answers))], range: ['#eef1f4', '#5b9bf0'] },
                legend: null,
              },
            },
          },
          { mark: { type: 'text' as const, fontSize: 10, color: '#1b1f24' }, encoding: { x, text: { field: 'text' } } },
        ],
      },
    ],
  } as TopLevelSpec;
}

/** Sets the outer size of an SVG and keeps its viewBox, so the drawing scales to fit, centred. */
function fitSvg(svg: string, size: { width: number; height: number }): string {
  return svg.replace(
    /^<svg([^>]*)>/,
    (_, attributes: string) => `<svg${attributes.replace(/\s(width|height)="[^"]*"/g, '')} width="${size.width}" height="${size.height}">`,
  );
}

/** Vega-Lite → Vega → SVG → PNG, all in-process. The libraries load on first use, not at start-up. */
export async function renderChart(spec: TopLevelSpec, size: { width: number; height: number }): Promise<Buffer> {
  const [{ compile }, vega, { Resvg }] = await Promise.all([import('vega-lite'), import('vega'), import('@resvg/resvg-js')]);
  const quiet = vega.logger(vega.None);
  const view = new vega.View(vega.parse(compile(spec, { logger: quiet }).spec), { renderer: 'none', logger: quiet });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(fitSvg(svg, size), { background: 'white', font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: FONT_FAMILY } })
      .render()
      .asPng();
    return Buffer.from(png);
  } finally {
    view.finalize();
  }
}

export const renderReportChart = (report: ClassReport) => renderChart(reportChartSpec(report), REPORT_CHART_SIZE);
export const renderStatsChart = (byLevel: readonly LevelAccuracy[], activity: readonly ActivityDay[]) =>
  renderChart(statsChartSpec(byLevel, activity), STATS_CHART_SIZE);
