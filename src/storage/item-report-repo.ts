import type { ReportedKind, ReportReason, ReportSummary } from '../domain/feedback.ts';
import type { GapScope } from './ask-log-repo.ts';
import type { SqlClient } from './sql.ts';

export interface NewReport {
  readonly kind: ReportedKind;
  readonly itemId: string;
  readonly reason: ReportReason;
  readonly comment: string | null;
  readonly userId: string;
  readonly guildId: string | null;
}

/** Students' reports of a problem with an answer, a glossary card or a quiz item. */
export class ItemReportRepo {
  constructor(
    private readonly db: SqlClient,
    private readonly now: () => number = Date.now,
  ) {}

  async add(report: NewReport): Promise<void> {
    await this.db.run('INSERT INTO item_reports (item_kind, item_id, reason, comment, user_id, guild_id, reported_at) VALUES (?, ?, ?, ?, ?, ?, ?)', [
      report.kind,
      report.itemId,
      report.reason,
      report.comment,
      report.userId,
      report.guildId,
      this.now(),
    ]);
  }

  /** How many reports this user sent since `since` (epoch ms): the rate limit reads it, so it survives restarts. */
  async countBy(userId: string, since: number): Promise<number> {
    return (await this.db.get<{ n: number }>('SELECT COUNT(*) AS n FROM item_reports WHERE user_id = ? AND reported_at >= ?', [userId, since]))?.n ?? 0;
  }

  /** Reported items, most reports first; all servers, or one. */
  async summary(limit = 50, scope: GapScope = {}): Promise<ReportSummary[]> {
    const guild = scope.guildId ?? null;
    const rows = await this.db.all<{ kind: ReportedKind; itemId: string; reason: ReportReason; comment: string | null; reportedAt: number }>(
      `SELECT item_kind AS kind, item_id AS "itemId", reason, comment, reported_at AS "reportedAt"
       FROM item_reports WHERE (CAST(? AS TEXT) IS NULL OR guild_id = ?) AND reported_at >= ? ORDER BY reported_at, id`,
      [guild, guild, scope.since ?? 0],
    );
    const byItem = new Map<
      string,
      { kind: ReportedKind; itemId: string; reports: number; reasons: Map<ReportReason, number>; lastComment: string | null; lastReportedAt: number }
    >();
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
