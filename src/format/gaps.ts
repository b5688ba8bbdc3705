import type { GapReport } from '../storage/ask-log-repo.ts';
import type { ReportSummary } from '../storage/item-report-repo.ts';

/** One line per reported item: "   3 🚩 entry micro-definition: wrong ×2, unclear ×1 (last: “…”)". */
export function reportLine(report: ReportSummary): string {
  const reasons = report.reasons.map((r) => `${r.reason} ×${r.times}`).join(', ');
  const comment = report.lastComment === null ? '' : ` (last comment: “${report.lastComment.replace(/\s+/g, ' ').slice(0, 120)}”)`;
  return `${String(report.reports).padStart(4)} 🚩 ${report.kind} ${report.itemId}: ${reasons}${comment}`;
}

/** The three lists a curator reads, as plain lines (the `kb:gaps` terminal report and `/kb gaps` share them). */
export function gapSections(gaps: GapReport, reports: readonly ReportSummary[]): Array<{ title: string; lines: string[] }> {
  return [
    { title: `Unanswered questions (${gaps.unanswered.length}, most frequent first)`, lines: gaps.unanswered.map((gap) => `${String(gap.times).padStart(4)} × ${gap.question}  (last ${new Date(gap.lastAskedAt).toISOString().slice(0, 10)})`) },
    { title: `Answers voted 👎 (${gaps.downvoted.length}, most down-votes first)`, lines: gaps.downvoted.map((answer) => `${String(answer.down).padStart(4)} 👎 ${String(answer.up).padStart(4)} 👍  ${answer.answerId}`) },
    { title: `Reports (${reports.length}, most reported first)`, lines: reports.map(reportLine) },
  ];
}
