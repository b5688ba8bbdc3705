import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { KnowledgeHolder } from '../../src/services/knowledge-holder.ts';
import { nextTermId } from '../../src/engines/glossary.ts';
import { isDue, localDate } from '../../src/engines/term-schedule.ts';
import { dailyMarker } from '../../src/format/term.ts';
import type { MessagePayload, Messenger } from '../../src/interactions/types.ts';
import { TermOfTheDayJob, termPostNonce } from '../../src/jobs/term-job.ts';
import { createLogger } from '../../src/logger.ts';
import { openStorage } from '../../src/storage/index.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const logger = createLogger('silent');
const knowledge = new KnowledgeHolder(REAL_KNOWLEDGE_DIR, logger);
const GUILD = '220000000000000000';
const CHANNEL = '220000000000000010';

/** Our own Messenger port, recording posts in memory: this test is about the job's logic, not Discord. */
class RecordingChannel implements Messenger {
  readonly posts: Array<{ channelId: string; payload: MessagePayload; id: string; nonce?: string }> = [];
  failWith: Error | null = null;
  historyFailWith: Error | null = null;
  async send(channelId: string, payload: MessagePayload, options: { nonce?: string } = {}) {
    if (this.failWith) throw this.failWith;
    const id = String(this.posts.length + 1);
    this.posts.push({ channelId, payload, id, nonce: options.nonce });
    return { messageId: id };
  }
  async edit() {}
  async recentMessages(channelId: string) {
    if (this.historyFailWith) throw this.historyFailWith;
    return this.posts
      .filter((p) => p.channelId === channelId)
      .map((p) => ({ id: p.id, authorIsMe: true, footer: p.payload.embeds?.[0]?.footer?.text ?? null }));
  }
  async channelFacts() {
    return null;
  }
}

async function world(time: string, timezone: string, roleId: string | null = null) {
  const storage = await openStorage(path.join(tempDir(), 'terms.sqlite'));
  await storage.settings.setTermSchedule(GUILD, { channelId: CHANNEL, time, timezone, roleId });
  const channel = new RecordingChannel();
  // Every job here is this host's process, restarted: it takes over its own claims at once.
  const job = () => new TermOfTheDayJob({ storage, knowledge, messenger: channel, channels: channel, logger, ownsGuild: () => true, instance: 'test-host' });
  return { storage, channel, job };
}

const at = (iso: string) => new Date(iso);
/** An error as discord.js reports a Discord answer: the HTTP status is on it. */
const discordError = (status: number, message: string) => Object.assign(new Error(message), { status });

/** The first minute (UTC, on the minute) in [from, to) at which the job posts. */
async function firstPostBetween(job: TermOfTheDayJob, from: string, to: string): Promise<string | null> {
  for (let t = Date.parse(from); t < Date.parse(to); t += 60_000) {
    if ((await job.tick(new Date(t))) > 0) return new Date(t).toISOString();
  }
  return null;
}

describe('posting at the right instant', () => {
  test.each([
    ['America/New_York', '09:00', '2026-03-07T12:00:00Z', '2026-03-07T14:00:00.000Z', 'before spring-forward (EST, UTC-5)'],
    ['America/New_York', '09:00', '2026-03-08T12:00:00Z', '2026-03-08T13:00:00.000Z', 'on the spring-forward day (EDT, UTC-4)'],
    ['America/New_York', '09:00', '2026-10-31T12:00:00Z', '2026-10-31T13:00:00.000Z', 'before fall-back (EDT)'],
    ['America/New_York', '09:00', '2026-11-01T12:00:00Z', '2026-11-01T14:00:00.000Z', 'on the fall-back day (EST)'],
    ['America/New_York', '02:30', '2026-03-08T05:00:00Z', '2026-03-08T07:00:00.000Z', '02:30 does not exist on spring-forward: posts at 03:00 EDT'],
    ['Pacific/Kiritimati', '09:00', '2026-06-01T18:00:00Z', '2026-06-01T19:00:00.000Z', 'UTC+14: the local day is ahead of UTC'],
    ['Pacific/Pago_Pago', '09:00', '2026-06-01T19:00:00Z', '2026-06-01T20:00:00.000Z', 'UTC-11: the local day is behind UTC'],
  ])('%s %s from %s posts at %s (%s)', async (timezone, time, from, expected) => {
    const { job, channel, storage } = await world(time, timezone);
    expect(await firstPostBetween(job(), from, new Date(Date.parse(from) + 4 * 3_600_000).toISOString())).toBe(expected);
    expect(channel.posts).toHaveLength(1);
    expect(await storage.terms.get(GUILD, localDate(at(expected!), timezone))).toMatchObject({ status: 'posted', messageId: '1' });
  });

  test('a repeated hour on the fall-back day posts once', async () => {
    const { job, channel } = await world('01:30', 'America/New_York');
    const runner = job();
    // 01:30 EDT is 05:30Z; 01:30 EST (the same wall time again) is 06:30Z.
    expect(await firstPostBetween(runner, '2026-11-01T05:00:00Z', '2026-11-01T07:00:00Z')).toBe('2026-11-01T05:30:00.000Z');
    expect(channel.posts).toHaveLength(1);
  });

  test('the local date of a Kiritimati post is the next UTC day', () => {
    expect(localDate(at('2026-06-01T19:00:00Z'), 'Pacific/Kiritimati')).toBe('2026-06-02');
    expect(localDate(at('2026-06-01T20:00:00Z'), 'Pacific/Pago_Pago')).toBe('2026-06-01');
    expect(isDue(at('2026-06-01T18:59:00Z'), '09:00', 'Pacific/Kiritimati')).toBe(false);
  });
});

describe('exactly once per server per local day', () => {
  test('a restart just before the post time posts once, at the time', async () => {
    const { job, channel } = await world('09:00', 'Europe/London');
    expect(await job().tick(at('2026-06-01T07:59:00Z'))).toBe(0);
    const restarted = job();
    await restarted.recover(at('2026-06-01T07:59:30Z'));
    expect(await restarted.tick(at('2026-06-01T08:00:00Z'))).toBe(1);
    expect(channel.posts).toHaveLength(1);
  });

  test('a restart just after the post does not post again', async () => {
    const { job, channel } = await world('09:00', 'Europe/London');
    await job().tick(at('2026-06-01T08:00:00Z'));
    const restarted = job();
    await restarted.recover(at('2026-06-01T08:01:00Z'));
    expect(await restarted.tick(at('2026-06-01T08:01:00Z'))).toBe(0);
    expect(channel.posts).toHaveLength(1);
  });

  test('down at post time: posts the missed term once when back the same day, never back-fills older days', async () => {
    const { job, channel, storage } = await world('09:00', 'Europe/London');
    expect(await job().tick(at('2026-06-01T15:00:00Z'))).toBe(1);
    expect(await job().tick(at('2026-06-01T15:01:00Z'))).toBe(0);
    // Down for all of 2 June; back on 3 June before the post time: nothing for the 2nd.
    expect(await job().tick(at('2026-06-03T07:00:00Z'))).toBe(0);
    expect(await storage.terms.get(GUILD, '2026-06-02')).toBeUndefined();
    expect(await job().tick(at('2026-06-03T08:00:00Z'))).toBe(1);
    expect(channel.posts).toHaveLength(2);
  });

  test('a crash between posting and recording never causes a second post', async () => {
    const { job, channel, storage } = await world('09:00', 'Europe/London');
    const date = '2026-06-01';
    // The crashed process got this far: intent recorded, message sent, not yet marked posted.
    await storage.terms.recordPending(GUILD, date, 'empathy', CHANNEL, 'test-host');
    await channel.send(CHANNEL, { embeds: [{ title: 'Empathy', footer: { text: dailyMarker(date) } }] });
    const restarted = job();
    await restarted.recover(at('2026-06-01T08:05:00Z'));
    await restarted.tick(at('2026-06-01T08:06:00Z'));
    expect(channel.posts).toHaveLength(1);
    expect(await storage.terms.get(GUILD, date)).toMatchObject({ status: 'posted', messageId: '1' });
  });

  test('a crash after recording the intent but before posting posts once on restart, same day only', async () => {
    const sameDay = await world('09:00', 'Europe/London');
    await sameDay.storage.terms.recordPending(GUILD, '2026-06-01', 'empathy', CHANNEL, 'test-host');
    await sameDay.job().recover(at('2026-06-01T10:00:00Z'));
    expect(sameDay.channel.posts).toHaveLength(1);
    expect((await sameDay.storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('posted');

    const nextDay = await world('09:00', 'Europe/London');
    await nextDay.storage.terms.recordPending(GUILD, '2026-06-01', 'empathy', CHANNEL, 'test-host');
    await nextDay.job().recover(at('2026-06-02T07:00:00Z'));
    expect(nextDay.channel.posts).toHaveLength(0);
    expect((await nextDay.storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('failed');
  });

  test('when it cannot post, it records the problem once and does not retry in a loop', async () => {
    const { job, channel, storage } = await world('09:00', 'UTC');
    channel.failWith = discordError(403, 'Missing Permissions');
    const runner = job();
    expect(await runner.tick(at('2026-06-01T09:00:00Z'))).toBe(0);
    expect(await runner.tick(at('2026-06-01T09:01:00Z'))).toBe(0);
    expect((await storage.settings.get(GUILD)).termProblem).toMatch(/Missing Permissions/);
    expect((await storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('failed');
    channel.failWith = null;
    expect(await runner.tick(at('2026-06-02T09:00:00Z'))).toBe(1);
    expect((await storage.settings.get(GUILD)).termProblem).toBeNull();
  });

  test('a transient failure (502) is retried with backoff the same day, then posted once', async () => {
    const { job, channel, storage } = await world('09:00', 'UTC');
    const runner = job();
    channel.failWith = discordError(502, 'Bad Gateway');
    expect(await runner.tick(at('2026-06-01T09:00:00Z'))).toBe(0);
    expect(await storage.terms.get(GUILD, '2026-06-01')).toMatchObject({ status: 'pending', attempts: 1, nextAttemptAt: Date.parse('2026-06-01T09:01:00Z') });
    expect(await runner.tick(at('2026-06-01T09:01:00Z'))).toBe(0);
    // Second failure: twice the wait.
    expect(await storage.terms.get(GUILD, '2026-06-01')).toMatchObject({ status: 'pending', attempts: 2, nextAttemptAt: Date.parse('2026-06-01T09:03:00Z') });
    channel.failWith = null;
    expect(await runner.tick(at('2026-06-01T09:02:00Z'))).toBe(0);
    expect(channel.posts).toHaveLength(0);
    expect(await runner.tick(at('2026-06-01T09:03:00Z'))).toBe(1);
    expect(await runner.tick(at('2026-06-01T09:10:00Z'))).toBe(0);
    expect(channel.posts).toHaveLength(1);
    expect((await storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('posted');
    expect((await storage.settings.get(GUILD)).termProblem).toBeNull();
  });

  test('a network failure (no answer at all) is transient too', async () => {
    const { job, channel, storage } = await world('09:00', 'UTC');
    channel.failWith = new Error('connect ECONNREFUSED');
    await job().tick(at('2026-06-01T09:00:00Z'));
    expect((await storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('pending');
  });

  test('every attempt for one server and date carries the same nonce; other days and servers differ', async () => {
    const { job, channel } = await world('09:00', 'UTC');
    await job().tick(at('2026-06-01T09:00:00Z'));
    expect(channel.posts[0]?.nonce).toBe(termPostNonce(GUILD, '2026-06-01'));
    expect(termPostNonce(GUILD, '2026-06-01').length).toBeLessThanOrEqual(25);
    expect(termPostNonce(GUILD, '2026-06-02')).not.toBe(termPostNonce(GUILD, '2026-06-01'));
    expect(termPostNonce('220000000000000001', '2026-06-01')).not.toBe(termPostNonce(GUILD, '2026-06-01'));
  });

  test('a 403 when reading history during recovery does not lose the day: it posts, with the nonce', async () => {
    const { job, channel, storage } = await world('09:00', 'UTC');
    await storage.terms.recordPending(GUILD, '2026-06-01', 'empathy', CHANNEL, 'test-host');
    channel.historyFailWith = discordError(403, 'Missing Access');
    await job().recover(at('2026-06-01T09:30:00Z'));
    expect(channel.posts).toHaveLength(1);
    expect(channel.posts[0]?.nonce).toBe(termPostNonce(GUILD, '2026-06-01'));
    expect((await storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('posted');
  });

  test('a transient error when reading history during recovery retries later instead of failing the day', async () => {
    const { job, channel, storage } = await world('09:00', 'UTC');
    await storage.terms.recordPending(GUILD, '2026-06-01', 'empathy', CHANNEL, 'test-host');
    channel.historyFailWith = discordError(503, 'Service Unavailable');
    const runner = job();
    await runner.recover(at('2026-06-01T09:30:00Z'));
    expect((await storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('pending');
    channel.historyFailWith = null;
    expect(await runner.tick(at('2026-06-01T09:31:00Z'))).toBe(1);
    expect(channel.posts).toHaveLength(1);
  });

  test('a deleted channel (404) is permanent: the day is marked failed', async () => {
    const { job, channel, storage } = await world('09:00', 'UTC');
    channel.failWith = discordError(404, 'Unknown Channel');
    await job().tick(at('2026-06-01T09:00:00Z'));
    expect((await storage.terms.get(GUILD, '2026-06-01'))?.status).toBe('failed');
    expect((await storage.settings.get(GUILD)).termProblem).toMatch(/Unknown Channel/);
  });

  test('the configured role is mentioned, and only it', async () => {
    const { job, channel } = await world('09:00', 'UTC', '220000000000000099');
    await job().tick(at('2026-06-01T09:00:00Z'));
    expect(channel.posts[0]?.payload).toMatchObject({
      content: expect.stringContaining('<@&220000000000000099>'),
      allowedMentions: { parse: [], roles: ['220000000000000099'] },
    });
  });
});

describe('rotation', () => {
  const ids = knowledge.knowledge.terms.map((t) => t.id);

  function rotate(guildId: string, days: number): string[] {
    const history: string[] = [];
    for (let day = 0; day < days; day++) history.push(nextTermId(guildId, ids, history)!);
    return history;
  }

  test('no term repeats until every term has been posted', () => {
    const first = rotate('g1', ids.length);
    expect(new Set(first).size).toBe(ids.length);
    const two = rotate('g1', ids.length * 2);
    expect(new Set(two.slice(ids.length)).size).toBe(ids.length);
  });

  test('is shuffled per server but reproducible', () => {
    expect(rotate('g1', 10)).toEqual(rotate('g1', 10));
    expect(rotate('g1', 10)).not.toEqual(rotate('g2', 10));
    expect(rotate('g1', 10)).not.toEqual([...ids].sort().slice(0, 10));
  });

  test('a restart picks up the same order from the database', async () => {
    const { job, storage } = await world('09:00', 'UTC');
    for (let day = 1; day <= 5; day++) await job().tick(at(`2026-06-0${day}T09:00:00Z`));
    expect(await storage.terms.history(GUILD)).toEqual(rotate(GUILD, 5));
  });
});

describe('several processes sharing one database', () => {
  test('two processes ticking at once post the day once: the database picks one', async () => {
    const { storage, channel } = await world('09:00', 'UTC');
    const jobs = ['host-a', 'host-b'].map(
      (instance) => new TermOfTheDayJob({ storage, knowledge, messenger: channel, channels: channel, logger, ownsGuild: () => true, instance }),
    );
    const posted = await Promise.all(jobs.map((job) => job.tick(at('2026-06-01T09:00:00Z'))));
    expect(posted.sort()).toEqual([0, 1]);
    expect(channel.posts).toHaveLength(1);
  });

  test('a claim whose process died is taken over by another once stale, and not before', async () => {
    let clock = Date.parse('2026-06-01T09:00:00Z');
    const storage = await openStorage(path.join(tempDir(), 'claims.sqlite'), () => clock);
    await storage.settings.setTermSchedule(GUILD, { channelId: CHANNEL, time: '09:00', timezone: 'UTC', roleId: null });
    const channel = new RecordingChannel();
    // host-a recorded its claim at 09:00, then died before posting.
    await storage.terms.recordPending(GUILD, '2026-06-01', 'empathy', CHANNEL, 'host-a');
    const other = new TermOfTheDayJob({
      storage,
      knowledge,
      messenger: channel,
      channels: channel,
      logger,
      ownsGuild: () => true,
      instance: 'host-b',
      claimTtlMs: 5 * 60_000,
    });
    clock = Date.parse('2026-06-01T09:02:00Z');
    await other.recover(new Date(clock));
    expect(await other.tick(new Date(clock))).toBe(0);
    expect(channel.posts).toHaveLength(0);
    clock = Date.parse('2026-06-01T09:06:00Z');
    expect(await other.tick(new Date(clock))).toBe(1);
    expect(channel.posts).toHaveLength(1);
    expect(await storage.terms.get(GUILD, '2026-06-01')).toMatchObject({ status: 'posted', termId: 'empathy', claimedBy: null });
    await storage.close();
  });
});
