import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { correctKey } from '../../src/engines/quiz.ts';
import { MATURE_DAYS, reviewCard } from '../../src/engines/scheduler.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { deliveryNonce } from '../../src/jobs/delivery.ts';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { APPLICATION_ID, DiscordStandIn, option, TOKEN, type RecordedRequest, type StandInUser } from '../helpers/discord-stand-in.ts';
import { exited, spawnEntry, waitUntil } from '../helpers/processes.ts';

const GUILD = '220000000000000000';
const STUDY = '220000000000000010';
const EPHEMERAL = 64;
const DAY = 86_400_000;

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({ id: GUILD, name: 'Study Club', channels: [{ id: STUDY, name: 'study-hall' }] });
  await standIn.start();
  bot = await startBotAgainst(standIn, tempDir());
});
afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

const quiz = (user: StandInUser, options: any[]) => standIn.chatInput({ name: 'quiz', options, user, guildId: GUILD, channelId: STUDY });
const remindOn = (user: StandInUser, time: string, timezone?: string) =>
  quiz(user, [option.group('remind', [option.subcommand('on', [option.string('time', time), ...(timezone ? [option.string('timezone', timezone)] : [])])])]);
const dmOpenedFor = (userId: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === '/users/@me/channels' && r.body?.recipient_id === userId;
const dmSends = (channelId: string) => standIn.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`);
const opensFor = (userId: string) => standIn.requests.filter(dmOpenedFor(userId)).length;

/** Gives the student `count` practice cards, due at `dueAt`. */
async function dueCards(storage: Storage, userId: string, count: number, dueAt: number): Promise<void> {
  for (let i = 0; i < count; i++)
    await storage.practice.save(userId, { ...reviewCard(undefined, `card-${i}`, 'good', dueAt - 600_000), dueAt }, true, 0, '2000-01-01');
}

describe('/quiz remind', () => {
  // Tue 1 Dec 2026 in London (GMT): 17:59 and 18:00 local are 17:59 and 18:00 UTC.
  const at = (hh: number, mm: number, day = 1) => new Date(Date.UTC(2026, 11, day, hh, mm));

  test('a DM at the local time when cards are due, once a day, with practice and off buttons; nothing when none are due', async () => {
    const dana: StandInUser = { id: '320000000000000001', username: 'dana' };
    const on = await standIn.callbackFor(remindOn(dana, '18:00', 'europe/london'));
    expect(on.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringContaining('18:00 (Europe/London)') });
    await dueCards(bot.context.storage, dana.id, 3, at(12, 0).getTime());

    expect(await bot.context.reminders.tick(at(17, 59))).toBe(0);
    expect(opensFor(dana.id)).toBe(0);
    expect(await bot.context.reminders.tick(at(18, 0))).toBe(1);
    const opened = await standIn.waitForRequest(dmOpenedFor(dana.id));
    const [channelId] = [...standIn.dmChannels].find(([, user]) => user === dana.id)!;
    const [sent] = dmSends(channelId);
    expect(opened).toBeDefined();
    expect(sent!.body.embeds[0].description).toMatch(/^3 practice cards are due today\./);
    expect(sent!.body.embeds[0].footer.text).toBe('Practice reminder · 2026-12-01');
    expect(sent!.body.allowed_mentions).toEqual({ parse: [] });
    expect(sent!.body).toMatchObject({ nonce: deliveryNonce('r', dana.id, '2026-12-01'), enforce_nonce: true });
    expect(sent!.body.components[0].components.map((c: any) => c.custom_id)).toEqual(['quiz:rp', 'quiz:ro']);

    expect(await bot.context.reminders.tick(at(18, 1))).toBe(0);
    expect(await bot.context.reminders.tick(at(23, 59))).toBe(0);
    expect(dmSends(channelId)).toHaveLength(1);

    // The next day nothing is due (the cards were reviewed): no DM, and none later that day either.
    await bot.context.storage.sql.run('UPDATE practice_cards SET due_at = ? WHERE user_id = ?', [at(12, 0, 5).getTime(), dana.id]);
    expect(await bot.context.reminders.tick(at(18, 0, 2))).toBe(0);
    await bot.context.storage.sql.run('UPDATE practice_cards SET due_at = ? WHERE user_id = ?', [at(12, 0).getTime(), dana.id]);
    expect(await bot.context.reminders.tick(at(19, 0, 2))).toBe(0);
    expect(dmSends(channelId)).toHaveLength(1);
    expect(await bot.context.storage.students.reminderSend(dana.id, '2026-12-02')).toMatchObject({ status: 'none-due' });

    // The reminder's buttons: practice starts; "Turn reminders off" turns them off.
    const practice = await standIn.callbackFor(standIn.button({ customId: 'quiz:rp', user: dana, guildId: null, channelId }));
    expect(practice.body.data.embeds[0].title).toBe('Practice');
    const off = await standIn.callbackFor(standIn.button({ customId: 'quiz:ro', user: dana, guildId: null, channelId }));
    expect(off.body.data.content).toMatch(/reminders are off/);
    expect((await bot.context.storage.students.get(dana.id)).reminder).toBeNull();
  });

  test('closed DMs (50007) switch reminders off, and the next interaction says why, once', async () => {
    const eli: StandInUser = { id: '320000000000000002', username: 'eli' };
    await standIn.callbackFor(remindOn(eli, '07:30', 'Asia/Tokyo'));
    await dueCards(bot.context.storage, eli.id, 1, at(0, 0).getTime());
    standIn.closedDms.add(eli.id);
    // 07:30 in Tokyo on 2 Dec is 22:30 UTC on 1 Dec.
    expect(await bot.context.reminders.tick(at(22, 30))).toBe(0);
    expect((await bot.context.storage.students.get(eli.id)).reminder).toBeNull();
    expect(await bot.context.storage.students.reminderSend(eli.id, '2026-12-02')).toMatchObject({ status: 'failed' });

    const stats = quiz(eli, [option.subcommand('stats')]);
    await standIn.callbackFor(stats);
    const notice = await standIn.waitForRequest((r) => r.method === 'POST' && r.path.startsWith(`/webhooks/${APPLICATION_ID}/token-${stats}`));
    expect(notice.body).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/direct messages are closed to me, so I turned reminders off/) });
    const again = quiz(eli, [option.subcommand('stats')]);
    await standIn.callbackFor(again);
    await bot.context.reminders.tick(at(22, 31));
    expect(standIn.requests.some((r) => r.path.startsWith(`/webhooks/${APPLICATION_ID}/token-${again}`))).toBe(false);
  });

  test('after a restart, a reminder recorded but never sent goes out once that day; an older day’s is dropped', async () => {
    const jo: StandInUser = { id: '320000000000000007', username: 'jo' };
    const kit: StandInUser = { id: '320000000000000008', username: 'kit' };
    const students = bot.context.storage.students;
    for (const user of [jo, kit]) {
      await students.setReminder(user.id, { time: '08:00', timezone: 'UTC' });
      await dueCards(bot.context.storage, user.id, 1, at(0, 0).getTime());
    }
    // As a crash would leave them: the intent recorded, nothing sent, no DM channel yet.
    await students.recordReminder(jo.id, '2026-12-01', 1);
    await students.recordReminder(kit.id, '2026-11-30', 1);
    await bot.context.reminders.recover(at(9, 0));
    expect(await students.reminderSend(jo.id, '2026-12-01')).toMatchObject({ status: 'sent' });
    expect(await students.reminderSend(kit.id, '2026-11-30')).toMatchObject({ status: 'failed' });
    expect(opensFor(jo.id)).toBe(1);
    expect(opensFor(kit.id)).toBe(0);
    // The minute tick then finds jo's day done, and sends kit today's reminder: one each.
    await bot.context.reminders.tick(at(9, 1));
    await bot.context.reminders.recover(at(9, 2));
    expect(opensFor(jo.id)).toBe(1);
    expect(opensFor(kit.id)).toBe(1);
  });

  test.each([
    ['25:00', 'Europe/London', /not a time I understand/],
    ['18:00', 'Mars/Olympus', /not a time zone I know/],
  ])('time %j, zone %j: a friendly refusal, nothing saved', async (time, timezone, message) => {
    const fay: StandInUser = { id: '320000000000000003', username: 'fay' };
    const callback = await standIn.callbackFor(remindOn(fay, time, timezone));
    expect(callback.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(message) });
    expect((await bot.context.storage.students.get(fay.id)).reminder).toBeNull();
  });
});

/**
 * A zone (without DST) whose local time is nearest noon right now, so that "today" and
 * "tomorrow" cannot roll over while the test runs, whatever time of day it runs at.
 */
function zoneNearNoon(now: number): string {
  const hourIn = (zone: string) => Number(new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: 'numeric', hourCycle: 'h23' }).format(now));
  const zones = ['Pacific/Honolulu', 'America/Bogota', 'Africa/Abidjan', 'Asia/Dubai', 'Asia/Tokyo'];
  return zones.reduce((best, zone) => (Math.abs(hourIn(zone) - 12) < Math.abs(hourIn(best) - 12) ? zone : best));
}

describe('/quiz settings and /quiz stats', () => {
  test('a student’s own zone; stats show the streak and the cards due today and tomorrow', async () => {
    const gus: StandInUser = { id: '320000000000000004', username: 'gus' };
    const now = Date.now();
    const zone = zoneNearNoon(now);
    const set = await standIn.callbackFor(quiz(gus, [option.subcommand('settings', [option.string('timezone', zone)])]));
    expect(set.body.data.content).toContain(`**${zone}**`);
    await dueCards(bot.context.storage, gus.id, 2, now - 60_000);
    await bot.context.storage.practice.save(gus.id, { ...reviewCard(undefined, 'card-tomorrow', 'good', now), dueAt: now + DAY }, true, 0, '2000-01-01');
    await bot.context.storage.students.recordStudy(gus.id, 'practice', now - DAY);
    await bot.context.storage.students.recordStudy(gus.id, 'quiz-me', now - 2 * DAY);
    const first = await standIn.callbackFor(quiz(gus, [option.subcommand('practice')]));
    const answer: string = first.body.data.components[0].components[0].custom_id;
    const result = await standIn.callbackFor(standIn.button({ customId: answer, user: gus, guildId: GUILD, channelId: STUDY }));
    expect(result.body.data.embeds[0].description).toMatch(/You’ll see this again .+\.\n\n🔥 That makes a \*\*3-day study streak\*\*!/);

    const stats = await standIn.callbackFor(quiz(gus, [option.subcommand('stats')]));
    const fields = new Map(stats.body.data.embeds[0].fields.map((f: any) => [f.name, f.value]));
    expect(fields.get('Study streak')).toBe('3 days (best 3 days)');
    // The two overdue cards and the one just answered (back within ten minutes); one tomorrow.
    expect(fields.get('Practice cards due')).toBe('3 today, 1 tomorrow');
    expect(stats.body.data.embeds[0].footer.text).toContain(zone);
  });

  test('a fast right answer on a mature card is rated Easy, a wrong one Again', async () => {
    const [easyItem, againItem] = loadKnowledge(REAL_KNOWLEDGE_DIR).quiz;
    const now = Date.now();
    const mature = (itemId: string) => ({
      itemId,
      state: 2,
      stability: 40,
      difficulty: 5,
      dueAt: now - 60_000,
      scheduledDays: MATURE_DAYS + 9,
      learningSteps: 0,
      reps: 6,
      lapses: 0,
      lastReviewAt: now - 30 * DAY,
    });
    const lea: StandInUser = { id: '320000000000000009', username: 'lea' };
    const answer = async (itemId: string, right: boolean) => {
      const shown = await standIn.callbackFor(quiz(lea, [option.subcommand('practice')]));
      const ids: string[] = shown.body.data.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
      const item = [easyItem!, againItem!].find((i) => i.id === itemId)!;
      const id = ids.find((custom) => custom.startsWith(`quiz:p:mixed:${itemId}:`) && (custom.split(':')[4] === correctKey(item)) === right)!;
      await standIn.callbackFor(standIn.button({ customId: id, user: lea, guildId: GUILD, channelId: STUDY }));
      return (await bot.context.storage.practice.card(lea.id, itemId))!;
    };
    await bot.context.storage.practice.save(lea.id, mature(easyItem!.id), true, 0, '2000-01-01');
    const easy = await answer(easyItem!.id, true);
    expect(easy.scheduledDays).toBe(reviewCard(mature(easyItem!.id), easyItem!.id, 'easy', now).scheduledDays);
    expect(easy.scheduledDays).toBeGreaterThan(reviewCard(mature(easyItem!.id), easyItem!.id, 'good', now).scheduledDays);
    await bot.context.storage.practice.save(lea.id, mature(againItem!.id), true, 0, '2000-01-01');
    const again = await answer(againItem!.id, false);
    expect(again).toMatchObject({ state: 3, lapses: 1, scheduledDays: 0 });
  });

  test('an unknown zone is refused with suggestions', async () => {
    const callback = await standIn.callbackFor(
      quiz({ id: '320000000000000005', username: 'hal' }, [option.subcommand('settings', [option.string('timezone', 'Europe/Londn')])]),
    );
    expect(callback.body.data.content).toMatch(/not a time zone I know.*`Europe\/London`/);
  });
});

describe('a crash while a reminder is being sent', () => {
  const lab = new DiscordStandIn();
  beforeAll(async () => {
    lab.addGuild({ id: GUILD, name: 'Study Club', channels: [{ id: STUDY, name: 'study-hall' }] });
    await lab.start();
  });
  afterAll(() => lab.stop());

  test('the next start finds the DM it sent and never sends it twice', async () => {
    const ivy = '320000000000000006';
    const database = path.join(tempDir(), 'remind.sqlite');
    const setup = await openStorage(database);
    // 00:00 in UTC: due from the first tick at start-up, whatever the time of day.
    await setup.students.setReminder(ivy, { time: '00:00', timezone: 'UTC' });
    await dueCards(setup, ivy, 2, Date.now() - 60_000);
    await setup.close();
    const env = { DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, DISCORD_API_URL: lab.apiUrl, DATABASE_PATH: database, LOG_LEVEL: 'info' };

    lab.holdDmReplies = true;
    const victim = spawnEntry('src/index.ts', [], env);
    const sends = () => lab.requests.filter((r) => r.method === 'POST' && /^\/channels\/\d+\/messages$/.test(r.path));
    await waitUntil(() => sends().length === 1, 30_000, 'the reminder to be sent');
    victim.kill('SIGKILL');
    await exited(victim);
    const reader = await openStorage(database);
    const today = new Date().toISOString().slice(0, 10);
    expect(await reader.students.reminderSend(ivy, today)).toMatchObject({ status: 'pending', dueCount: 2 });
    await reader.close();

    lab.holdDmReplies = false;
    const identified = lab.identifies.length;
    const revived = spawnEntry('src/index.ts', [], env);
    await waitUntil(() => lab.identifies.length > identified && revived.output().includes('logged in to Discord'), 30_000, 'the restarted bot to log in');
    const after = await openStorage(database);
    await waitUntil(async () => (await after.students.reminderSend(ivy, today))?.status === 'sent', 20_000, 'the pending reminder to be settled');
    await after.close();
    revived.kill('SIGTERM');
    await exited(revived);
    expect(sends()).toHaveLength(1);
  }, 90_000);
});
