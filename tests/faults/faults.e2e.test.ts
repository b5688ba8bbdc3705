import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { instanceName } from '../../src/bot/context.ts';
import { quizButtonId } from '../../src/format/custom-ids/quiz.ts';
import { choicesFor, correctKey } from '../../src/engines/quiz.ts';
import { dailyMarker } from '../../src/format/term.ts';
import { termPostNonce } from '../../src/jobs/term-job.ts';
import { localDate } from '../../src/engines/term-schedule.ts';
import { openStorage } from '../../src/storage/index.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { BOT_USER, DiscordStandIn, option, PERMISSIONS, snowflake, type RecordedRequest, type StandInUser } from '../helpers/discord-stand-in.ts';
import { waitUntil } from '../helpers/processes.ts';

// Faults injected into a real bot: a second process holding the database's write lock, a broken
// knowledge folder, forged interactions, and a Discord that fails, fails after storing, or is slow.

const GUILD = '240000000000000000';
const STUDY = '240000000000000010';
const SLOW = '240000000000000011';
const NO_HISTORY = '240000000000000012';
const TERMS = ['241000000000000000', '242000000000000000', '243000000000000000'].map((guildId, i) => ({ guildId, channelId: `24${i + 1}000000000000010` }));
const alice: StandInUser = { id: '340000000000000001', username: 'alice' };
const bob: StandInUser = { id: '340000000000000002', username: 'bob' };
const EPHEMERAL = 64;

const standIn = new DiscordStandIn();
let dir: string;
let knowledgeDir: string;
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({
    id: GUILD,
    name: 'Faults',
    channels: [
      { id: STUDY, name: 'study' },
      { id: SLOW, name: 'slow-study' },
      { id: NO_HISTORY, name: 'no-history', denyBot: PERMISSIONS.ReadMessageHistory },
    ],
  });
  for (const { guildId, channelId } of TERMS) standIn.addGuild({ id: guildId, name: `Terms ${guildId}`, channels: [{ id: channelId, name: 'terms' }] });
  await standIn.start();
  dir = mkdtempSync(path.join(tmpdir(), 'levels-faults-'));
  knowledgeDir = path.join(dir, 'knowledge');
  cpSync(REAL_KNOWLEDGE_DIR, knowledgeDir, { recursive: true });
  bot = await startBotAgainst(standIn, dir, { KNOWLEDGE_DIR: knowledgeDir }, { quizPauseMs: 50 });
  await bot.context.storage.settings.addStudyChannel(GUILD, STUDY);
  await bot.context.storage.settings.addStudyChannel(GUILD, SLOW);
});
afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
  rmSync(dir, { recursive: true, force: true });
});

const chat = (name: string, options: any[], user = alice, channelId = STUDY) => standIn.chatInput({ name, options, user, guildId: GUILD, channelId });
const press = (user: StandInUser, customId: string, channelId = STUDY) => standIn.button({ customId, user, guildId: GUILD, channelId });
const postedTo = (channelId: string, title: RegExp) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/channels/${channelId}/messages` && title.test(r.body?.embeds?.[0]?.title ?? '');

/** The round's right answer; the round's row may reach the database just after its message. */
async function rightAnswer(message: RecordedRequest): Promise<string> {
  const ids: string[] = message.body.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
  const [, , sessionId, round] = ids[0]!.split(':');
  const query = () =>
    bot.context.storage.sql.get<{ item_id: string }>('SELECT item_id FROM quiz_rounds WHERE session_id = ? AND round = ?', [Number(sessionId), Number(round)]);
  await waitUntil(async () => (await query()) !== undefined, 15_000, 'the round to be recorded');
  const row = (await query())!;
  const item = bot.context.knowledge.knowledge.quiz.find((q) => q.id === row.item_id)!;
  expect(choicesFor(item).length).toBeGreaterThan(1);
  return `quiz:a:${sessionId}:${round}:${correctKey(item)}`;
}

/** Another process takes the database's write lock and keeps it until released. */
async function holdWriteLock(file: string) {
  const script = `
    const db = new (require('better-sqlite3'))(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO study_channels VALUES ('lock', 'lock', 0)").run();
    process.stdout.write('locked\\n');
    process.stdin.once('data', () => { db.exec('ROLLBACK'); db.close(); process.exit(0); });`;
  const child = spawn(process.execPath, ['-e', script, file], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
  return {
    release: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.write('go\n');
      }),
  };
}

describe('a second process holds the write lock across a quiz deadline', () => {
  test('the bot keeps answering, the round closes on time, the database catches up, and the quiz goes on', async () => {
    await standIn.callbackFor(chat('quiz', [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 10)])]));
    const first = await standIn.waitForRequest(postedTo(STUDY, /^Question 1 of 3$/), 15_000);
    const right = await rightAnswer(first);
    const sessionId = Number(right.split(':')[2]);
    const lock = await holdWriteLock(path.join(dir, 'bot.sqlite'));
    try {
      // The answer cannot be saved, so it is not acknowledged: the student is told to press again.
      const busy = await standIn.callbackFor(press(bob, right));
      expect(busy.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/couldn’t save that answer/) });
      const help = await standIn.callbackFor(chat('help', []));
      expect(help.body.data.embeds[0].title).toBeTruthy();
      const ask = await standIn.callbackFor(chat('ask', [option.string('question', 'what is macro practice')]));
      expect(ask.body.type).toBe(4);
      // The deadline passes while the lock is held: the answer is revealed anyway.
      const reveal = await standIn.waitForRequest(
        (r) => r.method === 'PATCH' && r.path.endsWith(`/messages/${standIn.posted(STUDY).find((m) => m.embeds[0]?.title === 'Question 1 of 3').id}`),
        20_000,
      );
      expect(reveal.body.embeds[0].title).toBe('Question 1 of 3: answer');
      expect(bot.logs.some((line) => /cannot close a quiz round yet; retrying/.test(line) && line.includes(`"session":${sessionId}`))).toBe(true);
    } finally {
      await lock.release();
    }
    const second = await standIn.waitForRequest(postedTo(STUDY, /^Question 2 of 3$/), 20_000);
    const locked = await standIn.callbackFor(press(alice, await rightAnswer(second)));
    expect(locked.body.data.content).toMatch(/Locked in/);
    await standIn.callbackFor(chat('quiz', [option.subcommand('stop')]));
    await waitUntil(async () => (await bot.context.storage.quiz.running()).length === 0, 20_000, 'the quiz to be stopped in the database');
    const rounds = await bot.context.storage.quiz.rounds(sessionId);
    expect(rounds.map((r) => r.closedAt !== null)).toEqual([true, true]);
    expect((await bot.context.storage.quiz.answers(sessionId)).map((a) => a.userId)).toEqual([alice.id]);
  }, 60_000);
});

describe('/quiz stop while a question post is in flight', () => {
  test('the late message is still closed (buttons disabled), and its id is recorded', async () => {
    standIn.failRoute({ method: 'POST', path: new RegExp(`^/channels/${SLOW}/messages$`), mode: 'slow', delayMs: 1500, times: 1 });
    await standIn.callbackFor(chat('quiz', [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 30)])], alice, SLOW));
    await standIn.waitForRequest(postedTo(SLOW, /^Question 1 of 3$/), 15_000);
    const stopped = await standIn.callbackFor(chat('quiz', [option.subcommand('stop')], alice, SLOW));
    expect(stopped.body.data.content).toMatch(/Quiz stopped/);
    // The slow post lands first in the channel (Discord's queue keeps the order), the standings after it.
    await waitUntil(() => standIn.posted(SLOW).length > 0, 15_000, 'the slow post to land');
    const message = standIn.posted(SLOW)[0];
    const closed = await standIn.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${SLOW}/messages/${message.id}`, 15_000);
    expect(answerButtonsClosed(closed.body)).toBe(true);
    await waitUntil(
      async () => (await bot.context.storage.sql.get('SELECT message_id FROM quiz_rounds WHERE message_id = ?', [message.id])) !== undefined,
      15_000,
      'the message id to be recorded',
    );
  }, 40_000);
});

describe('forged interactions and prototype words', () => {
  test('an autocomplete without a focused option is answered with no choices, and the bot keeps serving', async () => {
    const id = standIn.autocomplete({ name: 'ask', options: [option.string('question', 'what is m')], user: alice, guildId: GUILD, channelId: STUDY });
    const callback = await standIn.callbackFor(id);
    expect(callback.body).toEqual({ type: 8, data: { choices: [] } });
    expect(bot.logs.some((line) => /autocomplete without a focused option/.test(line))).toBe(true);
    const help = await standIn.callbackFor(chat('help', []));
    expect(help.body.type).toBe(4);
  });

  test.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    '/quiz leaderboard period:%s is an ordinary (unknown) period: the weekly board',
    async (period) => {
      const callback = await standIn.callbackFor(chat('quiz', [option.subcommand('leaderboard', [option.string('period', period)])]));
      expect(callback.body.data.embeds[0].title).toBe('Leaderboard: last 7 days');
    },
  );

  test.each(['quiz:a:1:1:constructor', 'quiz:p:constructor:__proto__:A', 'constructor:a', '__proto__:x:y'])(
    'forged button %j gets a polite ephemeral reply',
    async (customId) => {
      const callback = await standIn.callbackFor(press(bob, customId));
      expect(callback.body.data.flags).toBe(EPHEMERAL);
      expect(callback.body.data.content).not.toMatch(/went wrong/);
    },
  );
});

describe('reloading a knowledge folder that has become unreadable', () => {
  test('SIGHUP with knowledge/qa turned into a plain file: refused in one log line, the old knowledge keeps serving', async () => {
    const before = bot.context.knowledge.knowledge.entries.length;
    rmSync(path.join(knowledgeDir, 'qa'), { recursive: true });
    writeFileSync(path.join(knowledgeDir, 'qa'), 'not a folder');
    const logged = bot.logs.length;
    process.emit('SIGHUP', 'SIGHUP');
    await waitUntil(() => bot.logs.length > logged, 5_000, 'a log line');
    const lines = bot.logs.slice(logged);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/knowledge reload refused/);
    expect(lines[0]).toMatch(/ENOTDIR/);
    expect(bot.context.knowledge.knowledge.entries.length).toBe(before);
    const ask = await standIn.callbackFor(chat('ask', [option.string('question', 'what is micro practice')]));
    expect(ask.body.data.embeds[0].title).toBeTruthy();
  });
});

describe('the term of the day against a failing Discord', () => {
  const schedule = async (index: number) => {
    const { guildId, channelId } = TERMS[index]!;
    await bot.context.storage.settings.setTermSchedule(guildId, { channelId, time: '00:00', timezone: 'UTC', roleId: null });
    return { guildId, channelId, date: localDate(new Date(), 'UTC') };
  };

  test('Discord stores the post but answers 500: the retry carries the same nonce and it is posted once', async () => {
    const { guildId, channelId, date } = await schedule(0);
    standIn.failRoute({ method: 'POST', path: new RegExp(`^/channels/${channelId}/messages$`), mode: 'after', status: 500, times: 1 });
    await bot.context.termJob.tick(new Date());
    await waitUntil(async () => (await bot.context.storage.terms.get(guildId, date))?.status === 'posted', 15_000, 'the post to be recorded');
    const attempts = standIn.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
    expect(attempts.length).toBeGreaterThan(1);
    expect(new Set(attempts.map((r) => r.body.nonce))).toEqual(new Set([termPostNonce(guildId, date)]));
    expect(attempts.every((r) => r.body.enforce_nonce === true)).toBe(true);
    expect(standIn.posted(channelId)).toHaveLength(1);
    expect((await bot.context.storage.terms.get(guildId, date))?.messageId).toBe(standIn.posted(channelId)[0].id);
  });

  test('a transient failure that outlasts the client’s own retries is retried later the same day, and posted once', async () => {
    const { guildId, channelId, date } = await schedule(1);
    standIn.failRoute({ method: 'POST', path: new RegExp(`^/channels/${channelId}/messages$`), mode: 'before', status: 502, times: 20 });
    await bot.context.termJob.tick(new Date());
    expect(await bot.context.storage.terms.get(guildId, date)).toMatchObject({ status: 'pending', attempts: 1 });
    expect((await bot.context.storage.settings.get(guildId)).termProblem).toBeNull();
    standIn.clearFaults();
    await bot.context.termJob.tick(new Date(Date.now() + 5 * 60_000));
    await waitUntil(async () => (await bot.context.storage.terms.get(guildId, date))?.status === 'posted', 15_000, 'the retried post');
    expect(standIn.posted(channelId)).toHaveLength(1);
  }, 30_000);

  test('a crash after posting, then 60 chat messages before the restart: recovery still finds the post', async () => {
    const { guildId, channelId, date } = await schedule(2);
    const termId = bot.context.knowledge.knowledge.terms[0]!.id;
    expect(await bot.context.storage.terms.recordPending(guildId, date, termId, channelId, instanceName([0]))).toBe(true);
    const message = (author: typeof BOT_USER | { id: string }, footer: string | null) => ({
      id: snowflake(),
      author,
      embeds: footer === null ? [] : [{ footer: { text: footer } }],
      content: 'chat',
    });
    const chatter = Array.from({ length: 60 }, () => message({ id: alice.id }, null));
    standIn.messages.set(channelId, [message(BOT_USER, dailyMarker(date)), ...chatter]);
    await bot.context.termJob.recover(new Date());
    expect((await bot.context.storage.terms.get(guildId, date))?.status).toBe('posted');
    expect(standIn.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`)).toEqual([]);
  });
});

describe('/setup term set', () => {
  test('refuses a channel where the bot cannot read the message history', async () => {
    const admin: StandInUser = { id: '340000000000000009', username: 'admin', permissions: PERMISSIONS.ManageGuild };
    const id = standIn.chatInput({
      name: 'setup',
      options: [
        option.group('term', [
          option.subcommand('set', [option.channel('channel', NO_HISTORY), option.string('time', '09:00'), option.string('timezone', 'UTC')]),
        ]),
      ],
      user: admin,
      guildId: GUILD,
      channelId: STUDY,
      resolved: standIn.resolvedChannel(GUILD, NO_HISTORY),
    });
    const callback = await standIn.callbackFor(id);
    expect(callback.body.data.content).toMatch(/Read Message History/);
    expect((await bot.context.storage.settings.get(GUILD)).termSchedule).toBeNull();
  });
});

describe('a graceful shutdown during a quiz', () => {
  // Its own stand-in, so that the bot above does not answer these interactions.
  const lab = new DiscordStandIn();
  const LAB_GUILD = '244000000000000000';
  const LAB = '244000000000000010';
  let labDir: string;
  beforeAll(async () => {
    lab.addGuild({ id: LAB_GUILD, name: 'Lab', channels: [{ id: LAB, name: 'lab' }] });
    await lab.start();
    labDir = mkdtempSync(path.join(tmpdir(), 'levels-shutdown-'));
  });
  afterAll(async () => {
    await lab.stop();
    rmSync(labDir, { recursive: true, force: true });
  });

  test('pauses it with a message that says so, counting the open round; the next start carries on', async () => {
    const first = await startBotAgainst(lab, labDir, {}, { quizPauseMs: 50 });
    await first.context.storage.settings.addStudyChannel(LAB_GUILD, LAB);
    await lab.callbackFor(
      lab.chatInput({
        name: 'quiz',
        options: [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 60)])],
        user: bob,
        guildId: LAB_GUILD,
        channelId: LAB,
      }),
    );
    const question = await lab.waitForRequest(postedTo(LAB, /^Question 1 of 3$/), 15_000);
    const ids: string[] = question.body.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
    const [, , sessionId] = ids[0]!.split(':');
    const firstRound = (await first.context.storage.quiz.rounds(Number(sessionId)))[0]!;
    const item = first.context.knowledge.knowledge.quiz.find((q) => q.id === firstRound.itemId)!;
    const locked = await lab.callbackFor(
      lab.button({ customId: quizButtonId.answer(Number(sessionId), 1, correctKey(item)), user: alice, guildId: LAB_GUILD, channelId: LAB }),
    );
    expect(locked.body.data.content).toMatch(/Locked in/);
    await first.stop();

    const reveal = lab.requests.find((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${LAB}/messages/`))!;
    expect(reveal.body.embeds[0].fields[0].value).toBe(`<@${alice.id}>`);
    const paused = await lab.waitForRequest(postedTo(LAB, /Quiz paused/));
    expect(paused.body.embeds[0].title).toMatch(/shutting down/);
    expect(paused.body.embeds[0].description).toContain(`<@${alice.id}>`);
    expect(paused.body.embeds[0].description).not.toMatch(/Nobody answered|restart/i);

    const second = await startBotAgainst(lab, labDir, {}, { quizPauseMs: 50 });
    try {
      const next = await lab.waitForRequest(postedTo(LAB, /^Question 2 of 3$/), 15_000);
      expect(next.body.components[0].components[0].custom_id).toMatch(new RegExp(`^quiz:a:${sessionId}:2:`));
      expect(second.context.quizzes.runningCount).toBe(1);
    } finally {
      await second.stop();
    }
  }, 60_000);
});

describe('resuming under sharding', () => {
  const lab = new DiscordStandIn();
  const MINE = '245000000000000000';
  const MINE_CHANNEL = '245000000000000010';
  const THEIRS = '246000000000000000';
  const THEIRS_CHANNEL = '246000000000000010';
  let labDir: string;
  beforeAll(async () => {
    lab.addGuild({ id: MINE, name: 'Mine', channels: [{ id: MINE_CHANNEL, name: 'study' }] });
    await lab.start();
    labDir = mkdtempSync(path.join(tmpdir(), 'levels-shards-'));
  });
  afterAll(async () => {
    await lab.stop();
    rmSync(labDir, { recursive: true, force: true });
  });

  test('a process resumes only the quizzes of the guilds it serves; another guild’s quiz is left for its own shard', async () => {
    const seed = await openStorage(path.join(labDir, 'bot.sqlite'));
    const itemIds = bot.context.knowledge.knowledge.quiz.slice(0, 3).map((q) => q.id);
    const started = Date.now();
    const ids: number[] = [];
    for (const guildId of [MINE, THEIRS]) {
      ids.push(
        (await seed.quiz.startSession({
          guildId,
          channelId: guildId === MINE ? MINE_CHANNEL : THEIRS_CHANNEL,
          startedBy: alice.id,
          level: 'mixed',
          questionCount: 3,
          seconds: 30,
          startedAt: started,
          itemIds,
        }))!,
      );
    }
    await seed.close();
    const shard = await startBotAgainst(lab, labDir, {}, { quizPauseMs: 50 });
    try {
      const first = await lab.waitForRequest(postedTo(MINE_CHANNEL, /^Question 1 of 3$/), 15_000);
      expect(first.body.components[0].components[0].custom_id).toMatch(new RegExp(`^quiz:a:${ids[0]}:1:`));
      expect(shard.context.quizzes.runningCount).toBe(1);
      expect((await shard.context.storage.quiz.running()).map((s) => s.guildId)).toEqual([MINE, THEIRS]);
      expect(lab.requests.filter((r) => r.path.includes(THEIRS_CHANNEL))).toEqual([]);
    } finally {
      await shard.stop();
    }
  }, 30_000);

  test('a quiz down longer than its remaining time plus the grace period, or whose channel is gone, is closed with a notice', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'levels-stale-'));
    try {
      const seed = await openStorage(path.join(dir, 'bot.sqlite'));
      const items = bot.context.knowledge.knowledge.quiz.slice(0, 3);
      const longAgo = Date.now() - 2 * 3_600_000;
      const stale = (await seed.quiz.startSession({
        guildId: MINE,
        channelId: MINE_CHANNEL,
        startedBy: alice.id,
        level: 'mixed',
        questionCount: 3,
        seconds: 30,
        startedAt: longAgo,
        itemIds: items.map((q) => q.id),
      }))!;
      await seed.quiz.openRound(stale, 1, items[0]!.id, items[0]!.level, longAgo, longAgo + 30_000);
      const roundMessage = { id: snowflake(), author: BOT_USER, embeds: [{ title: 'Question 1 of 3' }], components: [] };
      lab.messages.set(MINE_CHANNEL, [roundMessage]);
      await seed.quiz.setRoundMessage(stale, 1, roundMessage.id);
      await seed.quiz.recordAnswer(stale, { round: 1, userId: alice.id, choice: correctKey(items[0]!), correct: true, points: 12, answeredAt: longAgo + 1000 });
      const gone = (await seed.quiz.startSession({
        guildId: MINE,
        channelId: '245000000000000099',
        startedBy: alice.id,
        level: 'mixed',
        questionCount: 3,
        seconds: 30,
        startedAt: Date.now(),
        itemIds: items.map((q) => q.id),
      }))!;
      await seed.close();

      const shard = await startBotAgainst(lab, dir, {}, { quizPauseMs: 50 });
      try {
        const notice = await lab.waitForRequest(postedTo(MINE_CHANNEL, /interrupted/), 15_000);
        expect(notice.body.embeds[0].description).toContain(`<@${alice.id}>`);
        const closed = await lab.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${MINE_CHANNEL}/messages/${roundMessage.id}`, 15_000);
        expect(closed.body.embeds[0].title).toBe('Question 1 of 3: answer');
        expect(answerButtonsClosed(closed.body)).toBe(true);
        expect(shard.context.quizzes.runningCount).toBe(0);
        const statuses = await shard.context.storage.sql.all('SELECT id, status FROM quiz_sessions WHERE id IN (?, ?) ORDER BY id', [stale, gone]);
        expect(statuses).toEqual([
          { id: stale, status: 'interrupted' },
          { id: gone, status: 'interrupted' },
        ]);
        expect(await shard.context.storage.quiz.answers(stale)).toHaveLength(1);
        expect(shard.logs.filter((line) => /closing a quiz a restart interrupted/.test(line)).map((line) => JSON.parse(line).reason)).toEqual([
          'the bot was down too long',
          'its channel is gone',
        ]);
      } finally {
        await shard.stop();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 30_000);
});

/** Whether a closed round's answer buttons are all disabled; Report a problem stays usable. */
function answerButtonsClosed(body: any): boolean {
  return body.components
    .flatMap((row: any) => row.components)
    .filter((c: any) => !c.custom_id.startsWith('report:'))
    .every((c: any) => c.disabled);
}
