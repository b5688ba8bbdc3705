import { channelMention } from '@discordjs/formatters';
import type { ChannelReader, Messenger } from '../interactions/types.ts';
import type { Logger } from '../logger.ts';
import type { KnowledgeHolder } from '../services/knowledge-holder.ts';
import type { Storage } from '../storage/index.ts';
import { hashSeed, seededRandom } from '../engines/random.ts';
import { nextTermId } from '../engines/glossary.ts';
import { isDue, localDate } from '../engines/term-schedule.ts';
import { dailyMarker, dailyPost } from '../format/term.ts';
import type { GlossaryTerm } from '../knowledge/schema.ts';
import type { TermSchedule } from '../domain/term.ts';
import type { TermPost } from '../storage/term-repo.ts';
import { CLOCK_SKEW_MS, deliveryNonce, HISTORY_LIMIT, isPermanent, PermanentError, statusOf } from './delivery.ts';

/**
 * The daily term job. Called once a minute: every server whose local clock has reached its
 * posting time, and that has no post recorded for its local date, gets one. The intent is
 * recorded first (pending), then posted, then marked posted, so a crash never posts twice.
 * The pending row is also the claim: of several processes or hosts sharing the database, only
 * the one whose row went in posts; a restart takes over its own claims, any other process
 * those left untouched for CLAIM_TTL_MS (their holder died).
 */
export class TermOfTheDayJob {
  private readonly inFlight = new Set<string>();

  constructor(
    private readonly deps: {
      storage: Storage;
      knowledge: Pick<KnowledgeHolder, 'knowledge' | 'sourceTitles'>;
      messenger: Messenger;
      /** The channel's history, checked before a crashed post is sent again. */
      channels: Pick<ChannelReader, 'recentMessages'>;
      logger: Logger;
      /** Under sharding, each process posts only for its own guilds. */
      ownsGuild: (guildId: string) => boolean;
      /** Names this process's claims on pending posts: the same across its restarts (host and shards), different for every other process. */
      instance: string;
      /** After this long without its holder settling it, a claim is taken over: that process died. */
      claimTtlMs?: number;
    },
  ) {}

  private retryDue(post: TermPost, now: Date): boolean {
    return post.nextAttemptAt !== null && post.nextAttemptAt <= now.getTime();
  }

  private claimStale(post: TermPost, now: Date): boolean {
    return post.claimedBy !== null && post.claimedBy !== this.deps.instance && (post.claimedAt ?? 0) < now.getTime() - this.claimTtlMs;
  }

  private get claimTtlMs(): number {
    return this.deps.claimTtlMs ?? CLAIM_TTL_MS;
  }

  /** Takes over a pending post unless another live process is working on it. */
  private claim(post: TermPost, now: Date): Promise<boolean> {
    return this.deps.storage.terms.claim(post.guildId, post.localDate, this.deps.instance, now.getTime() - this.claimTtlMs);
  }

  /**
   * Today's term: one per (server, local date), whatever happens to the schedule: the term
   * recorded for that date, else the one the next daily post will bring. The local date is
   * the schedule's, or UTC's without one. Outside a server, a term per UTC date.
   */
  async todaysTerm(guildId: string | null, now: Date): Promise<GlossaryTerm | undefined> {
    const terms = this.deps.knowledge.knowledge.terms;
    if (guildId === null) return terms[Math.floor(seededRandom(hashSeed(`dm:${localDate(now, 'UTC')}`))() * terms.length)];
    const schedule = (await this.deps.storage.settings.get(guildId)).termSchedule;
    const recorded = await this.deps.storage.terms.get(guildId, localDate(now, schedule?.timezone ?? 'UTC'));
    const id =
      recorded?.termId ??
      nextTermId(
        guildId,
        terms.map((t) => t.id),
        await this.deps.storage.terms.history(guildId),
      );
    return terms.find((t) => t.id === id) ?? terms[0];
  }

  async tick(now: Date): Promise<number> {
    let posted = 0;
    for (const { guildId, schedule } of await this.deps.storage.settings.scheduledGuilds()) {
      if (!this.deps.ownsGuild(guildId) || !isDue(now, schedule.time, schedule.timezone)) continue;
      const date = localDate(now, schedule.timezone);
      const key = `${guildId}:${date}`;
      if (this.inFlight.has(key)) continue;
      this.inFlight.add(key);
      try {
        const recorded = await this.deps.storage.terms.get(guildId, date);
        if (recorded === undefined) {
          const termId = nextTermId(
            guildId,
            this.deps.knowledge.knowledge.terms.map((t) => t.id),
            await this.deps.storage.terms.history(guildId),
          );
          // The database decides which process posts: only the one whose row went in.
          if (termId === undefined || !(await this.deps.storage.terms.recordPending(guildId, date, termId, schedule.channelId, this.deps.instance))) continue;
          if (await this.post(guildId, date, termId, schedule, now)) posted++;
        } else if (recorded.status === 'pending' && (this.retryDue(recorded, now) || this.claimStale(recorded, now))) {
          // A transient failure earlier today, or a process that died mid-post: try again, once claimed.
          if (!(await this.claim(recorded, now))) continue;
          if (await this.settle(recorded, now)) posted++;
        }
      } finally {
        this.inFlight.delete(key);
      }
    }
    return posted;
  }

  /** At start-up: settles posts a crash left pending, checking the channel before sending again. */
  async recover(now: Date): Promise<void> {
    for (const pending of await this.deps.storage.terms.pending()) {
      if (!this.deps.ownsGuild(pending.guildId)) continue;
      const key = `${pending.guildId}:${pending.localDate}`;
      if (this.inFlight.has(key)) continue;
      this.inFlight.add(key);
      try {
        if (await this.claim(pending, now)) await this.settle(pending, now);
      } catch (error) {
        this.deps.logger.error({ err: error, guild: pending.guildId, date: pending.localDate }, 'cannot settle a pending term of the day');
      } finally {
        this.inFlight.delete(key);
      }
    }
  }

  /**
   * A pending post that may or may not have reached the channel: look for it among the messages
   * since the intent was recorded (however many came after), and post only if it is not there.
   */
  private async settle(pending: TermPost, now: Date): Promise<boolean> {
    const { guildId, localDate: date, termId, channelId } = pending;
    const schedule = (await this.deps.storage.settings.get(guildId)).termSchedule;
    try {
      const since = await this.deps.channels.recentMessages(channelId, HISTORY_LIMIT, pending.createdAt - CLOCK_SKEW_MS);
      const sent = since.find((m) => m.authorIsMe && m.footer === dailyMarker(date));
      if (sent !== undefined) {
        await this.deps.storage.terms.markPosted(guildId, date, sent.id);
        return false;
      }
    } catch (error) {
      if (!isPermanent(error) || isUnknownChannel(error)) return this.failed(guildId, date, channelId, error, now, pending.attempts);
      // Cannot read the history (no Read Message History): the nonce still keeps a prompt re-post single.
      this.deps.logger.warn({ err: error, guild: guildId, channel: channelId, date }, 'cannot read the term channel history; relying on the post nonce');
    }
    if (schedule === null || date !== localDate(now, schedule.timezone)) {
      // Never back-fill an older day.
      await this.deps.storage.terms.markFailed(guildId, date);
      return false;
    }
    return this.post(guildId, date, termId, { ...schedule, channelId }, now, pending.attempts);
  }

  private async post(guildId: string, date: string, termId: string, schedule: TermSchedule, now: Date, attempts = 0): Promise<boolean> {
    const { storage, knowledge, messenger, logger } = this.deps;
    const term = knowledge.knowledge.terms.find((t) => t.id === termId);
    try {
      if (term === undefined) throw new PermanentError(`term "${termId}" is no longer in the glossary`);
      const payload = dailyPost(term, date, schedule.roleId, knowledge.sourceTitles(term.sources));
      const { messageId } = await messenger.send(schedule.channelId, payload, { nonce: termPostNonce(guildId, date) });
      await storage.terms.markPosted(guildId, date, messageId);
      if ((await storage.settings.get(guildId)).termProblem !== null) await storage.settings.setTermProblem(guildId, null);
      logger.info({ guild: guildId, date, term: termId }, 'posted the term of the day');
      return true;
    } catch (error) {
      return this.failed(guildId, date, schedule.channelId, error, now, attempts);
    }
  }

  /**
   * A transient failure (Discord 5xx, rate limit, network, timeout) is tried again later the same
   * day, with backoff; a permanent one (missing permission, deleted channel) marks the day failed
   * and shows in /setup show, so nothing retries in a loop.
   */
  private async failed(guildId: string, date: string, channelId: string, error: unknown, now: Date, attempts: number): Promise<false> {
    const reason = error instanceof Error ? error.message : String(error);
    if (!isPermanent(error)) {
      const retryInMs = Math.min(RETRY_MS.max, RETRY_MS.first * 2 ** attempts);
      await this.deps.storage.terms.retryAt(guildId, date, now.getTime() + retryInMs);
      this.deps.logger.warn(
        { guild: guildId, channel: channelId, date, attempt: attempts + 1, retryInMs, err: error },
        'could not post the term of the day; will retry',
      );
      return false;
    }
    await this.deps.storage.terms.markFailed(guildId, date);
    await this.deps.storage.settings.setTermProblem(guildId, `could not post in ${channelMention(channelId)} on ${date}: ${reason.slice(0, 200)}`);
    this.deps.logger.warn({ guild: guildId, channel: channelId, date, err: error }, 'could not post the term of the day');
    return false;
  }
}

/** Far longer than a post takes (a send, with discord.js's own retries), far shorter than a day. */
export const CLAIM_TTL_MS = 5 * 60_000;
const RETRY_MS = { first: 60_000, max: 60 * 60_000 };

function isUnknownChannel(error: unknown): boolean {
  return statusOf(error) === 404;
}

/** The same for every attempt at one server's post of one local date. */
export function termPostNonce(guildId: string, date: string): string {
  return deliveryNonce('t', guildId, date);
}
