import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { choicesFor, correctKey } from '../../src/engines/quiz.ts';
import { LEVEL_STYLE } from '../../src/format/levels.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { APPLICATION_ID, DiscordStandIn, option, PERMISSIONS, TOKEN, type RecordedRequest, type StandInUser } from '../helpers/discord-stand-in.ts';
import { exited, spawnEntry, waitUntil } from '../helpers/processes.ts';

const GUILD = '210000000000000000';
const STUDY = '210000000000000010';
const OTHER = '210000000000000011';
const CRASH = '210000000000000012';
const alice: StandInUser = { id: '310000000000000001', username: 'alice' };
const bob: StandInUser = { id: '310000000000000002', username: 'bob' };
const mod: StandInUser = { id: '310000000000000003', username: 'mod', permissions: PERMISSIONS.ManageMessages };
const EPHEMERAL = 64;
const quizItems = new Map(loadKnowledge(REAL_KNOWLEDGE_DIR).quiz.map((item) => [item.id, item]));

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let dir: string;
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({
    id: GUILD,
    name: 'Quiz Club',
    channels: [
      { id: STUDY, name: 'study-hall' },
      { id: OTHER, name: 'off-topic' },
    ],
  });
  await standIn.start();
  dir = tempDir();
  bot = await startBotAgainst(standIn, dir, {}, { quizPauseMs: 50 });
  await bot.context.storage.settings.addStudyChannel(GUILD, STUDY);
});
afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

const quiz = (user: StandInUser, options: any[], channelId = STUDY) => standIn.chatInput({ name: 'quiz', options, user, guildId: GUILD, channelId });
const press = (user: StandInUser, customId: string, channelId = STUDY) => standIn.button({ customId, user, guildId: GUILD, channelId });
const postedTo = (channelId: string, title: RegExp) => (r: RecordedRequest) =>
  r.method === 'POST' && r.path === `/channels/${channelId}/messages` && title.test(r.body?.embeds?.[0]?.title ?? '');

/** The round's buttons and its correct key, read from the posted message and the database. */
async function roundOf(message: RecordedRequest, storage = bot.context.storage) {
  const ids: string[] = message.body.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
  const [, , sessionId, round] = ids[0]!.split(':');
  const row = (await storage.sql.get<{ item_id: string }>('SELECT item_id FROM quiz_rounds WHERE session_id = ? AND round = ?', [
    Number(sessionId),
    Number(round),
  ]))!;
  const item = quizItems.get(row.item_id)!;
  const key = correctKey(item);
  const wrong = choicesFor(item).find((c) => c.key !== key)!.key;
  return { sessionId: Number(sessionId), round: Number(round), right: `quiz:a:${sessionId}:${round}:${key}`, wrong: `quiz:a:${sessionId}:${round}:${wrong}` };
}

describe('/quiz start', () => {
  test('outside a study channel is refused with the study channels named', async () => {
    const callback = await standIn.callbackFor(quiz(alice, [option.subcommand('start')], OTHER));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toContain(`<#${STUDY}>`);
  });

  test('a full 3-question quiz with two players ends in standings, and leaderboard and stats reflect it', async () => {
    const start = await standIn.callbackFor(
      quiz(alice, [option.subcommand('start', [option.string('level', 'mixed'), option.integer('questions', 3), option.integer('seconds', 10)])]),
    );
    expect(start.body.data.flags ?? 0).toBe(0);
    expect(start.body.data.content).toMatch(/3 questions/);
    expect(start.body.data.allowed_mentions).toEqual({ parse: [] });

    const second = await standIn.callbackFor(quiz(bob, [option.subcommand('start')]));
    expect(second.body.data.content).toMatch(/already running/);

    let sessionId = 0;
    for (let round = 1; round <= 3; round++) {
      const message = await standIn.waitForRequest(postedTo(STUDY, new RegExp(`^Question ${round} of 3$`)), 15_000);
      expect(message.body.embeds[0].fields[0].value).toMatch(/<t:\d+:R>/);
      const ids = await roundOf(message);
      sessionId = ids.sessionId;
      // Bob first: the round closes early once the starter (round 1), then everyone who played, has answered.
      await standIn.callbackFor(press(bob, ids.wrong));
      if (round === 1) {
        const again = await standIn.callbackFor(press(bob, ids.right));
        expect(again.body.data.content).toMatch(/already answered/);
        const elsewhere = await standIn.callbackFor(press(bob, ids.right, OTHER));
        expect(elsewhere.body.data.content).toMatch(/another channel/);
      }
      const locked = await standIn.callbackFor(press(alice, ids.right));
      expect(locked.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/Locked in/) });
    }
    const final = await standIn.waitForRequest(postedTo(STUDY, /Quiz over/), 15_000);
    const lines = final.body.embeds[0].description.split('\n');
    expect(lines[0]).toContain(`<@${alice.id}>`);
    expect(lines[0]).toMatch(/\(3\/3 right\)/);
    expect(lines[1]).toContain(`<@${bob.id}>`);
    expect(lines[1]).toMatch(/\*\*0\*\* pts \(0\/3 right\)/);
    expect(final.body.allowed_mentions).toEqual({ parse: [] });
    expect(bot.context.quizzes.runningCount).toBe(0);

    const late = await standIn.callbackFor(press(alice, `quiz:a:${sessionId}:3:A`));
    expect(late.body.data.content).toMatch(/ended/);

    const board = await standIn.callbackFor(quiz(bob, [option.subcommand('leaderboard', [option.string('period', 'all')])]));
    const embed = board.body.data.embeds[0];
    expect(embed.description.split('\n')[0]).toContain(`<@${alice.id}>`);
    expect(embed.fields[0].value).toMatch(/#2 with 0 pts/);

    const stats = await standIn.callbackFor(
      standIn.chatInput({
        name: 'quiz',
        options: [option.subcommand('stats', [option.user('user', alice.id)])],
        resolved: standIn.resolvedUser(alice),
        user: bob,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    const fields = Object.fromEntries(stats.body.data.embeds[0].fields.map((f: any) => [f.name, f.value]));
    expect(fields).toMatchObject({ 'Questions answered': '3', Accuracy: '100%', 'Best streak': '3', 'Quizzes played': '1' });
  }, 60_000);

  test('a solo player at level "meso": each question closes on the only answer, which is echoed as its button reads', async () => {
    const since = Date.now();
    const start = await standIn.callbackFor(
      quiz(alice, [option.subcommand('start', [option.string('level', 'meso'), option.integer('questions', 3), option.integer('seconds', 60)])]),
    );
    expect(start.body.data.content).toMatch(/3 questions, 🟠 Mezzo, 60 s each/);
    for (let round = 1; round <= 3; round++) {
      const message = await standIn.waitForRequest((r) => r.at >= since && postedTo(STUDY, new RegExp(`^Question ${round} of 3$`))(r), 15_000);
      const ids = await roundOf(message);
      // Before the reveal: a neutral color and no level, so nothing hints at a "which level?" answer.
      expect(message.body.embeds[0].color).toBe(LEVEL_STYLE.general.color);
      expect(message.body.embeds[0].footer.text).toMatch(/^(easy|medium|hard)$/);
      // The countdown never promises more time than the round has.
      const { deadline_at: deadline } = (await bot.context.storage.sql.get<{ deadline_at: number }>(
        'SELECT deadline_at FROM quiz_rounds WHERE session_id = ? AND round = ?',
        [ids.sessionId, ids.round],
      ))!;
      const shown = Number(/<t:(\d+):R>/.exec(message.body.embeds[0].fields[0].value)?.[1]) * 1000;
      expect(deadline - shown).toBeGreaterThanOrEqual(0);
      expect(deadline - shown).toBeLessThan(1000);
      const label = message.body.components.flatMap((row: any) => row.components).find((c: any) => c.custom_id === ids.right).label;
      const locked = await standIn.callbackFor(press(alice, ids.right));
      // As the button reads ("Macro", "True"), with a multiple-choice letter's text after it.
      expect(locked.body.data.content === `Locked in: **${label}**` || locked.body.data.content.startsWith(`Locked in: **${label}: `)).toBe(true);
      // Long before the 60 s deadline: the only player has answered.
      const reveal = await standIn.waitForRequest(
        (r) =>
          r.at >= since &&
          r.method === 'PATCH' &&
          r.path.startsWith(`/channels/${STUDY}/messages/`) &&
          r.body?.embeds?.[0]?.title === `Question ${round} of 3: answer`,
        20_000,
      );
      expect(reveal.body.embeds[0].fields[0].value).toBe(`<@${alice.id}>`);
    }
    await standIn.waitForRequest((r) => r.at >= since && postedTo(STUDY, /Quiz over/)(r), 15_000);
    expect(bot.context.quizzes.runningCount).toBe(0);
  }, 90_000);

  test('with 50 right answers the reveal names whole mentions and says "+N more"', async () => {
    const since = Date.now();
    await standIn.callbackFor(quiz(alice, [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 60)])]));
    const message = await standIn.waitForRequest((r) => r.at >= since && postedTo(STUDY, /^Question 1 of 3$/)(r), 15_000);
    const ids = await roundOf(message);
    const players = Array.from({ length: 49 }, (_, i): StandInUser => ({ id: String(395_000_000_000_000_000n + BigInt(i)), username: `p${i}` }));
    for (const player of players) await standIn.callbackFor(press(player, ids.right));
    await standIn.callbackFor(press(alice, ids.right));
    const reveal = await standIn.waitForRequest(
      (r) => r.at >= since && r.method === 'PATCH' && r.body?.embeds?.[0]?.title === 'Question 1 of 3: answer',
      20_000,
    );
    const who: string = reveal.body.embeds[0].fields[0].value;
    expect(who.length).toBeLessThanOrEqual(1024);
    const [list, more] = who.split(', +');
    const shown = list!.split(', ');
    for (const mention of shown) expect(mention).toMatch(/^<@\d{17,19}>$/);
    expect(more).toBe(`${50 - shown.length} more`);
    await standIn.callbackFor(quiz(alice, [option.subcommand('stop')]));
    await standIn.waitForRequest((r) => r.at >= since && postedTo(STUDY, /Quiz stopped/)(r));
  }, 90_000);

  test.each(['cosmic', 'micro or macro'])('level %j is refused with the levels named', async (level) => {
    const refused = await standIn.callbackFor(quiz(alice, [option.subcommand('start', [option.string('level', level)])]));
    expect(refused.body.data).toMatchObject({
      flags: EPHEMERAL,
      content: expect.stringMatching(/is not a level I know: pick micro, mezzo \(or meso\), macro or mixed/),
    });
    expect(bot.context.quizzes.runningCount).toBe(0);
  });

  test('level autocompletes, and reads "meso" as mezzo', async () => {
    const callback = await standIn.callbackFor(
      standIn.autocomplete({
        name: 'quiz',
        options: [option.subcommand('start', [option.string('level', 'meso', true)])],
        user: alice,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    expect(callback.body.data.choices).toEqual([{ name: 'mezzo (meso)', value: 'mezzo' }]);
  });

  test('/quiz stop: refused for others, allowed for Manage Messages', async () => {
    await standIn.callbackFor(quiz(alice, [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 60)])]));
    const refused = await standIn.callbackFor(quiz(bob, [option.subcommand('stop')]));
    expect(refused.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/Only the person who started/) });
    const stopped = await standIn.callbackFor(quiz(mod, [option.subcommand('stop')]));
    expect(stopped.body.data.content).toMatch(/Quiz stopped/);
    await standIn.waitForRequest(postedTo(STUDY, /Quiz stopped/));
    expect(bot.context.quizzes.runningCount).toBe(0);
  });
});

describe('/quiz practice', () => {
  test('is private, moves through questions with next/stop, and never touches the leaderboard', async () => {
    const before = (await bot.context.storage.quiz.leaderboard(GUILD, null, 10)).top;
    const first = await standIn.callbackFor(quiz(bob, [option.subcommand('practice', [option.string('level', 'macro')])]));
    expect(first.body.data.flags).toBe(EPHEMERAL);
    const answerId: string = first.body.data.components[0].components[0].custom_id;
    expect(answerId).toMatch(/^quiz:p:macro:/);
    const result = await standIn.callbackFor(press(bob, answerId));
    expect(result.body.type).toBe(7);
    expect(result.body.data.embeds[0].title).toMatch(/Right|Not quite/);
    const nextId: string = result.body.data.components[0].components[0].custom_id;
    const next = await standIn.callbackFor(press(bob, nextId));
    expect(next.body.data.embeds[0].title).toBe('Practice');
    const stop = await standIn.callbackFor(press(bob, 'quiz:ps'));
    expect(stop.body.data.content).toMatch(/Practice ended/);
    expect(await bot.context.storage.practice.cards(bob.id)).toHaveLength(1);
    expect((await bot.context.storage.quiz.leaderboard(GUILD, null, 10)).top).toEqual(before);
  });

  test('pressing an answer three times is one review; practice level "meso" is mezzo', async () => {
    const carol: StandInUser = { id: '310000000000000004', username: 'carol' };
    const first = await standIn.callbackFor(quiz(carol, [option.subcommand('practice', [option.string('level', 'meso')])]));
    const answerId: string = first.body.data.components[0].components[0].custom_id;
    expect(answerId).toMatch(/^quiz:p:mezzo:/);
    const result = await standIn.callbackFor(press(carol, answerId));
    expect(result.body.data.embeds[0].description).toMatch(/You’ll see this again in (a minute|10 minutes) \(\d\d:\d\d\)\.$/);
    for (const _ of [2, 3]) {
      const again = await standIn.callbackFor(press(carol, answerId));
      expect(again.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/already answered this question/) });
    }
    const [card] = await bot.context.storage.practice.cards(carol.id);
    expect(card).toMatchObject({ reviews: 1, reps: 1 });
  });

  test.each(['quiz:p:macro:no-such-item:A:0', 'quiz:p:macro:mc-x:A', 'quiz:a:999999:1:A', 'quiz:a:abc:1:A', 'quiz:p:cosmic:mc-x:A', 'quiz:pn:mixed'])(
    'forged button %j gets a polite ephemeral reply',
    async (customId) => {
      const callback = await standIn.callbackFor(press(bob, customId));
      expect(callback.body.data.flags).toBe(EPHEMERAL);
      expect(callback.body.data.content).toMatch(/quiz|practice|button/i);
    },
  );
});

describe('a crash during a quiz', () => {
  // Its own stand-in: the in-process bot above must not answer these interactions.
  const lab = new DiscordStandIn();
  beforeAll(async () => {
    lab.addGuild({ id: GUILD, name: 'Quiz Club', channels: [{ id: CRASH, name: 'crash-lab' }] });
    await lab.start();
  });
  afterAll(() => lab.stop());

  test('kill -9 mid-quiz: the next start resumes it, and it finishes with every acknowledged answer counted', async () => {
    const standIn = lab;
    const quiz = (user: StandInUser, options: any[], channelId: string) => standIn.chatInput({ name: 'quiz', options, user, guildId: GUILD, channelId });
    const press = async (user: StandInUser, customId: string) =>
      (await standIn.callbackFor(standIn.button({ customId, user, guildId: GUILD, channelId: CRASH }))).body.data.content as string;
    const database = path.join(tempDir(), 'crash.sqlite');
    const setup = await openStorage(database);
    await setup.settings.addStudyChannel(GUILD, CRASH);
    await setup.close();
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: standIn.apiUrl, DATABASE_PATH: database, LOG_LEVEL: 'info' };
    const read = async <T>(query: (storage: Storage) => Promise<T>): Promise<T> => {
      const reader = await openStorage(database);
      try {
        return await query(reader);
      } finally {
        await reader.close();
      }
    };
    const startBot = async () => {
      const identified = standIn.identifies.length;
      const child = spawnEntry('src/index.ts', [], env);
      await waitUntil(() => standIn.identifies.length > identified && /logged in to Discord/.test(child.output()), 30_000, 'the bot to log in');
      return child;
    };
    const crash = async (child: ReturnType<typeof spawnEntry>) => {
      child.kill('SIGKILL');
      await exited(child);
    };

    // Round 1: the starter (mod) does not answer, so nothing closes it early.
    let bot = await startBot();
    await standIn.callbackFor(quiz(mod, [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 60)])], CRASH));
    const first = await standIn.waitForRequest(postedTo(CRASH, /^Question 1 of 3$/), 20_000);
    const one = await read((storage) => roundOf(first, storage));
    expect(await press(bob, one.wrong)).toMatch(/Locked in/);
    expect(await press(alice, one.right)).toMatch(/Locked in/);
    await crash(bot);

    // Down past round 1's deadline: the restart reveals it, then asks question 2.
    await read((storage) =>
      storage.sql.run('UPDATE quiz_rounds SET opened_at = opened_at - 120000, deadline_at = deadline_at - 120000 WHERE session_id = ? AND round = 1', [
        one.sessionId,
      ]),
    );
    const firstMessageId = standIn.messages.get(CRASH)!.find((m) => m.embeds[0]?.title === 'Question 1 of 3').id;
    bot = await startBot();
    const reveal = await standIn.waitForRequest((r) => r.method === 'PATCH' && r.path === `/channels/${CRASH}/messages/${firstMessageId}`, 20_000);
    expect(reveal.body.embeds[0].title).toBe('Question 1 of 3: answer');
    expect(reveal.body.embeds[0].fields[0].value).toBe(`<@${alice.id}>`);
    expect(reveal.body.components[0].components.every((c: any) => c.disabled)).toBe(true);
    const second = await standIn.waitForRequest(postedTo(CRASH, /^Question 2 of 3$/), 20_000);
    const two = await read((storage) => roundOf(second, storage));
    expect(await press(bob, two.wrong)).toMatch(/Locked in/);
    await crash(bot);

    // Restarted within round 2: its buttons still work, and answering closes it as usual.
    bot = await startBot();
    expect(await press(bob, two.right)).toMatch(/already answered/);
    expect(await press(alice, two.right)).toMatch(/Locked in/);
    const third = await standIn.waitForRequest(postedTo(CRASH, /^Question 3 of 3$/), 20_000);
    const three = await read((storage) => roundOf(third, storage));
    expect(await press(alice, three.right)).toMatch(/Locked in/);
    expect(await press(bob, three.right)).toMatch(/Locked in/);
    const final = await standIn.waitForRequest(postedTo(CRASH, /Quiz over/), 20_000);
    const lines = final.body.embeds[0].description.split('\n');
    expect(lines[0]).toContain(`<@${alice.id}>`);
    expect(lines[0]).toMatch(/\(3\/3 right\)/);
    expect(lines[1]).toContain(`<@${bob.id}>`);
    expect(lines[1]).toMatch(/\(1\/3 right\)/);
    expect(standIn.requests.filter(postedTo(CRASH, /interrupted/))).toEqual([]);
    bot.kill('SIGTERM');
    await exited(bot);

    await read(async (storage) => {
      expect(await storage.quiz.running()).toEqual([]);
      const answers = await storage.quiz.answers(one.sessionId);
      expect(answers.map((a) => `${a.round}:${a.userId === alice.id ? 'alice' : 'bob'}:${a.correct}`)).toEqual([
        '1:bob:false',
        '1:alice:true',
        '2:bob:false',
        '2:alice:true',
        '3:alice:true',
        '3:bob:true',
      ]);
      expect((await storage.quiz.rounds(one.sessionId)).every((r) => r.closedAt !== null && r.messageId !== null)).toBe(true);
    });
  }, 150_000);

  test('SIGTERM during a quiz is a shutdown, not a restart: the message says so and counts the open round', async () => {
    const standIn = lab;
    const CHANNEL = '210000000000000013';
    standIn.addGuild({ id: '211000000000000000', name: 'Shutdown Club', channels: [{ id: CHANNEL, name: 'shutdown-lab' }] });
    const database = path.join(tempDir(), 'shutdown.sqlite');
    const setup = await openStorage(database);
    await setup.settings.addStudyChannel('211000000000000000', CHANNEL);
    await setup.close();
    const identified = standIn.identifies.length;
    const child = spawnEntry('src/index.ts', [], {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_PATH: database,
      LOG_LEVEL: 'info',
    });
    await waitUntil(() => standIn.identifies.length > identified && /logged in to Discord/.test(child.output()), 30_000, 'log-in');
    const on = (user: StandInUser) => ({ user, guildId: '211000000000000000', channelId: CHANNEL });
    await standIn.callbackFor(
      standIn.chatInput({ name: 'quiz', options: [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 60)])], ...on(mod) }),
    );
    const message = await standIn.waitForRequest(postedTo(CHANNEL, /^Question 1 of 3$/), 20_000);
    const reader = await openStorage(database);
    const ids = await roundOf(message, reader);
    await reader.close();
    const locked = await standIn.callbackFor(standIn.button({ customId: ids.right, ...on(alice) }));
    expect(locked.body.data.content).toMatch(/Locked in/);
    child.kill('SIGTERM');
    expect(await exited(child)).toBe(0);

    const reveal = standIn.requests.find((r) => r.method === 'PATCH' && r.path.startsWith(`/channels/${CHANNEL}/messages/`))!;
    expect(reveal.body.embeds[0].fields[0].value).toBe(`<@${alice.id}>`);
    const notice = standIn.requests.find(postedTo(CHANNEL, /Quiz paused/))!;
    expect(notice.body.embeds[0].title).toBe('⏸️ Quiz paused: the bot is shutting down');
    expect(notice.body.embeds[0].description).toMatch(new RegExp(`<@${alice.id}>: \\*\\*1\\d\\*\\* pts \\(1/1 right\\)`));
    expect(standIn.requests.filter(postedTo(CHANNEL, /restart|interrupted/i))).toEqual([]);
  }, 60_000);
});
