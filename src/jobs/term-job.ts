import type { BotContext } from '../bot/command.ts';
import { hashSeed, seededRandom } from '../engines/quiz.ts';
import { nextTermId } from '../engines/glossary.ts';
import { isDue, localDate } from '../engines/term-schedule.ts';
import { dailyMarker, dailyPost } from '../format/term.ts';
import type { GlossaryTerm } from '../knowledge/schema.ts';
import type { TermSchedule } from '../storage/settings-repo.ts';

/**
 * The daily term job. Called once a minute: every server whose local clock has reached its
 * posting time, and that has no post recorded for its local date, gets one. The intent is
 * recorded first (pending), then posted, then marked posted, so a crash never posts twice.
 */
export class TermOfTheDayJob {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly deps: Pick<BotContext, 'storage' | 'knowledge' | 'messenger' | 'logger'> & {
      /** Under sharding, each process posts only for its own guilds. */
      ownsGuild: (guildId: string) => boolean;
    },
  ) {}

  /**
   * Today's term: one per (server, local date), whatever happens to the schedule: the term
   * recorded for that date, else the one the next daily post will bring. The local date is
   * the schedule's, or UTC's without one. Outside a server, a term per UTC date.
   */
  todaysTerm(guildId: string | null, now: Date): GlossaryTerm | undefined {
    const terms = this.deps.knowledge.knowledge.terms;
    if (guildId === null) return terms[Math.floor(seededRandom(hashSeed(`dm:${localDate(now, 'UTC')}`))() * terms.length)];
    const schedule = this.deps.storage.settings.get(guildId).termSchedule;
    const recorded = this.deps.storage.terms.get(guildId, localDate(now, schedule?.timezone ?? 'UTC'));
    const id = recorded?.termId ?? nextTermId(guildId, terms.map((t) => t.id), this.deps.storage.terms.history(guildId));
    return terms.find((t) => t.id === id) ?? terms[0];
  }

  async tick(now: Date): Promise<number> {
    let posted = 0;
    for (const { guildId, schedule } of this.deps.storage.settings.scheduledGuilds()) {
      if (!this.deps.ownsGuild(guildId) || !isDue(now, schedule.time, schedule.timezone)) continue;
      const date = localDate(now, schedule.timezone);
      const key = `${guildId}:${date}`;
      if (this.inFlight.has(key) || this.deps.storage.terms.get(guildId, date) !== undefined) continue;
      const termId = nextTermId(guildId, this.deps.knowledge.knowledge.terms.map((t) => t.id), this.deps.storage.terms.history(guildId));
      if (termId === undefined || !this.deps.storage.terms.recordPending(guildId, date, termId, schedule.channelId)) continue;
      this.inFlight.add(key);
      try {
        if (await this.post(guildId, date, termId, schedule)) posted++;
      } finally {
        this.inFlight.delete(key);
      }
    }
    return posted;
  }

  /** At start-up: settles posts a crash left pending, checking the channel before sending again. */
  async recover(now: Date): Promise<void> {
    for (const pending of this.deps.storage.terms.pending()) {
      if (!this.deps.ownsGuild(pending.guildId)) continue;
      const { guildId, localDate: date, termId, channelId } = pending;
      const schedule = this.deps.storage.settings.get(guildId).termSchedule;
      try {
        const recent = await this.deps.messenger.recentMessages(channelId, 50);
        const sent = recent.find((m) => m.authorIsMe && m.footer === dailyMarker(date));
        if (sent !== undefined) {
          this.deps.storage.terms.markPosted(guildId, date, sent.id);
        } else if (schedule !== null && date === localDate(now, schedule.timezone)) {
          await this.post(guildId, date, termId, schedule);
        } else {
          // Never back-fill an older day.
          this.deps.storage.terms.markFailed(guildId, date);
        }
      } catch (error) {
        this.fail(guildId, date, channelId, error);
      }
    }
  }

  private async post(guildId: string, date: string, termId: string, schedule: TermSchedule): Promise<boolean> {
    const { storage, knowledge, messenger, logger } = this.deps;
    const term = knowledge.knowledge.terms.find((t) => t.id === termId);
    try {
      if (term === undefined) throw new Error(`term "${termId}" is no longer in the glossary`);
      const { messageId } = await messenger.send(schedule.channelId, dailyPost(term, date, schedule.roleId, knowledge.sourceTitles(term.sources)));
      storage.terms.markPosted(guildId, date, messageId);
      if (storage.settings.get(guildId).termProblem !== null) storage.settings.setTermProblem(guildId, null);
      logger.info({ guild: guildId, date, term: termId }, 'posted the term of the day');
      return true;
    } catch (error) {
      this.fail(guildId, date, schedule.channelId, error);
      return false;
    }
  }

  /** Records the problem for /setup show; the day is marked failed, so nothing retries in a loop. */
  private fail(guildId: string, date: string, channelId: string, error: unknown): void {
    const reason = error instanceof Error ? error.message : String(error);
    this.deps.storage.terms.markFailed(guildId, date);
    this.deps.storage.settings.setTermProblem(guildId, `could not post in <#${channelId}> on ${date}: ${reason.slice(0, 200)}`);
    this.deps.logger.warn({ guild: guildId, channel: channelId, date, err: error }, 'could not post the term of the day');
  }
}
