/** What a student's report is about: a Q&A entry, a glossary term or a quiz item. */
export type ReportedKind = 'entry' | 'term' | 'quiz';

export interface ItemRef {
  readonly kind: ReportedKind;
  readonly id: string;
}

export const REPORT_REASONS = ['wrong', 'unclear', 'outdated', 'other'] as const;
export type ReportReason = (typeof REPORT_REASONS)[number];

/** Reports on one item, for curators. */
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

/** For curators: questions the bot could not answer, and answers voted down. */
export interface GapReport {
  readonly unanswered: ReadonlyArray<{ question: string; times: number; lastAskedAt: number }>;
  readonly downvoted: ReadonlyArray<{ answerId: string; down: number; up: number }>;
}
