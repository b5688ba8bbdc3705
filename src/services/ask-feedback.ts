import { UserError } from '../interactions/errors.ts';
import type { GapReport, ReportSummary } from '../domain/feedback.ts';
import type { AskLogRepo, GapScope, Vote } from '../storage/ask-log-repo.ts';
import type { ItemReportRepo, NewReport } from '../storage/item-report-repo.ts';
import type { PickRepo } from '../storage/pick-repo.ts';

/** At most this many reports per student per window: enough for honest use, too few to flood curators. */
export const REPORT_LIMIT = { reports: 5, windowMs: 10 * 60_000 } as const;

const TOO_MANY_REPORTS = 'Thanks, you’ve sent several reports just now. Please wait a few minutes before sending more.';

/** What students tell the curators: questions the bot could not answer, "did you mean" picks, votes and reports. */
export class AskFeedbackService {
  constructor(
    private readonly deps: {
      askLog: AskLogRepo;
      picks: PickRepo;
      itemReports: ItemReportRepo;
      now: () => number;
    },
  ) {}

  /** Queues an unanswered question for curators; its id lets a later "did you mean" pick name it. */
  logUnanswered(guildId: string | null, question: string, outcome: string): number {
    return this.deps.askLog.logUnanswered(guildId, question, outcome);
  }

  /** Pairs a question the bot could not answer with the entry the student chose, for `npm run kb:suggest`. */
  async recordPick(unansweredId: number, docId: string, userId: string): Promise<void> {
    // The question may still be queued (the log batches a stream of them): written first, so the pick finds it.
    await this.deps.askLog.flush();
    await this.deps.picks.record(unansweredId, docId, userId);
  }

  vote(answerId: string, userId: string, vote: Vote, guildId: string | null): Promise<void> {
    return this.deps.askLog.vote(answerId, userId, vote, guildId);
  }

  /** Refuses, with a UserError, a student who has reached the report limit; checked before the form opens and again on submit. */
  async checkReportLimit(userId: string): Promise<void> {
    if ((await this.deps.itemReports.countBy(userId, this.deps.now() - REPORT_LIMIT.windowMs)) >= REPORT_LIMIT.reports) throw new UserError(TOO_MANY_REPORTS);
  }

  async report(report: NewReport): Promise<void> {
    await this.checkReportLimit(report.userId);
    await this.deps.itemReports.add(report);
  }

  /** For `/kb gaps`: the most frequent unanswered questions, answers voted 👎 and reported items. */
  async gaps(limit: number, scope: GapScope): Promise<{ gaps: GapReport; reports: ReportSummary[] }> {
    return { gaps: await this.deps.askLog.gaps(limit, scope), reports: await this.deps.itemReports.summary(limit, scope) };
  }
}
