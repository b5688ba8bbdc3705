import type { Db } from './database.ts';
import type { GapScope } from './ask-log-repo.ts';

export const REPORT_REASONS = ['wrong', 'unclear', 'outdated', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];
export type ReportedKind = 'entry' | 'term' | 'quiz';

export interface NewReport {
  readonly kind: ReportedKind;
  readonly itemId: string;
  readonly reason: ReportReason;
  readonly comment: string | null;
  readonly userId: string;
  readonly guildId: string | null;
}

export interface ReportSummary {
  readonly kind: ReportedKind;
  readonly itemId: string;
  readonly reports: number;
  /** Reasons with their counts, most frequent first: "wrong ×2, unclear ×1". */
  readonly reasons: ReadonlyArray<{ reason: ReportReason; times: number }>;
  /** The latest comment given, if any. */
  readonly lastComment: string | null;
  readonly lastReportedAt: number;
}

/** Students' reports of a problem with an answer, a glossary card or a quiz item. */
export class ItemReportRepo {
  constructor(
    private readonly db: Db,
    private readonly now: () => number = Date.now,
  ) {}

  add(report: NewReport): void {
    this.db
      .prepare('INSERT INTO item_reports (item_kind, item_id, reason, comment, user_id, guild_id, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(report.kind, report.itemId, report.reason, report.comment, report.userId, report.guildId, this.now());
  }

  /** How many reports this user sent since `since` (epoch ms): the rate limit reads it, so it survives restarts. */
  countBy(userId: string, since: number): number {
    return this.db.prepare<[string, number], { n: number }>('SELECT COUNT(*) AS n FROM item_reports WHERE user_id = ? AND reported_at >= ?').get(userId, since)?.n ?? 0;
  }

  /** Reported items, most reports first; all servers, or one. */
  summary(limit = 50, scope: GapScope = {}): ReportSummary[] {
    const guild = scope.guildId ?? null;
    const rows = this.db
      .prepare<[string | null, string | null, number], { kind: ReportedKind; itemId: string; reason: ReportReason; comment: string | null; reportedAt: number }>(
        `SELECT item_kind AS kind, item_id AS itemId, reason, comment, reported_at AS reportedAt
         FROM item_reports WHERE (? IS NULL OR guild_id = ?) AND reported_at >= ? ORDER BY reported_at, id`,
      )
      .all(guild, guild, scope.since ?? 0);
    const byItem = new Map<string, { kind: ReportedKind; itemId: string; reports: number; reasons: Map<ReportReason, number>; lastComment: string | null; lastReportedAt: number }>();
    for (const row of rows) {
      const key = `${row.kind}:${row.itemId}`;
      const item = byItem.get(key) ?? { kind: row.kind, itemId: row.itemId, reports: 0, reasons: new Map(), lastComment: null, lastReportedAt: 0 };
      item.reports += 1;
      item.reasons.set(row.reason, (item.reasons.get(row.reason) ?? 0) + 1);
      if (row.comment !== null) item.lastComment = row.comment;
      item.lastReportedAt = row.reportedAt;
      byItem.set(key, item);
    }
    return [...byItem.values()]
      .sort((a, b) => b.reports - a.reports || b.lastReportedAt - a.lastReportedAt)
      .slice(0, limit)
      .map((item) => ({
        ...item,
        reasons: [...item.reasons].map(([reason, times]) => ({ reason, times })).sort((a, b) => b.times - a.times),
      }));
  }
}
