import type { GapReport, ReportSummary } from '../domain/feedback.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import { COLORS } from './colors.ts';
import { LIMITS, truncate } from './limits.ts';

/** One line per reported item: "   3 🚩 entry micro-definition: wrong ×2, unclear ×1 (last: “…”)". */
export function reportLine(report: ReportSummary): string {
  const reasons = report.reasons.map((r) => `${r.reason} ×${r.times}`).join(', ');
  const comment = report.lastComment === null ? '' : ` (last comment: “${report.lastComment.replace(/\s+/g, ' ').slice(0, 120)}”)`;
  return `${String(report.reports).padStart(4)} 🚩 ${report.kind} ${report.itemId}: ${reasons}${comment}`;
}

/** The three lists a curator reads, as plain lines (the `kb:gaps` terminal report and `/kb gaps` share them). */
export function gapSections(gaps: GapReport, reports: readonly ReportSummary[]): Array<{ title: string; lines: string[] }> {
  return [
    {
      title: `Unanswered questions (${gaps.unanswered.length}, most frequent first)`,
      lines: gaps.unanswered.map((gap) => `${String(gap.times).padStart(4)} × ${gap.question}  (last ${new Date(gap.lastAskedAt).toISOString().slice(0, 10)})`),
    },
    {
      title: `Answers voted 👎 (${gaps.downvoted.length}, most down-votes first)`,
      lines: gaps.downvoted.map((answer) => `${String(answer.down).padStart(4)} 👎 ${String(answer.up).padStart(4)} 👍  ${answer.answerId}`),
    },
    { title: `Reports (${reports.length}, most reported first)`, lines: reports.map(reportLine) },
  ];
}

const PERIOD_NAMES: ReadonlyMap<string, string> = new Map([
  ['week', 'last 7 days'],
  ['month', 'last 30 days'],
  ['all', 'all time'],
]);

/** `/kb gaps`: this server's lists, privately, each in a code block (students' own words, never rendered as mentions or markdown). */
export function gapsReply(period: string, gaps: GapReport, reports: readonly ReportSummary[]): ReplyPayload {
  return {
    ephemeral: true,
    embeds: [
      {
        title: `Knowledge gaps: ${PERIOD_NAMES.get(period) ?? period}`,
        description: 'For all servers, curators run `npm run kb:gaps`; `npm run kb:suggest` proposes new phrasings.',
        color: COLORS.general,
        fields: gapSections(gaps, reports).map((section) => ({
          name: section.title,
          value:
            section.lines.length === 0
              ? 'None.'
              : truncate(`\`\`\`\n${section.lines.map((l) => l.replace(/`/g, 'ˋ')).join('\n')}`, LIMITS.fieldValue - 4) + '\n```',
        })),
      },
    ],
  };
}
