import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { termButtonId } from '../../src/format/custom-ids/term.ts';
import { openStorage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { DiscordStandIn, option, PERMISSIONS, type RecordedRequest, type StandInUser } from '../helpers/discord-stand-in.ts';
import path from 'node:path';

const GUILD = '230000000000000000';
const TERMS = '230000000000000010';
const MUTED = '230000000000000011';
const ROLE = '230000000000000020';
const OTHER_GUILD = '231000000000000000';
const QUIET_GUILD = '232000000000000000';
const LOUNGE = '232000000000000010';
const student: StandInUser = { id: '330000000000000001', username: 'noor' };
const admin: StandInUser = { id: '330000000000000002', username: 'ada', permissions: PERMISSIONS.ManageGuild };
const EPHEMERAL = 64;

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;
let daily: RecordedRequest;

beforeAll(async () => {
  standIn.addGuild({ id: GUILD, name: 'Daily Terms', channels: [{ id: TERMS, name: 'term-of-the-day' }], roles: [{ id: ROLE, name: 'learners' }] });
  standIn.addGuild({ id: OTHER_GUILD, name: 'Locked Down', channels: [{ id: MUTED, name: 'read-only', denyBot: PERMISSIONS.SendMessages }] });
  standIn.addGuild({ id: QUIET_GUILD, name: 'No Schedule Yet', channels: [{ id: LOUNGE, name: 'lounge' }] });
  await standIn.start();
  const dir = tempDir();
  // Both servers are due at start-up: 00:00 in UTC has always passed today.
  const storage = await openStorage(path.join(dir, 'bot.sqlite'));
  await storage.settings.setTermSchedule(GUILD, { channelId: TERMS, time: '00:00', timezone: 'UTC', roleId: ROLE });
  await storage.settings.setTermSchedule(OTHER_GUILD, { channelId: MUTED, time: '00:00', timezone: 'UTC', roleId: null });
  await storage.close();
  bot = await startBotAgainst(standIn, dir);
  daily = await standIn.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${TERMS}/messages`);
});
afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

const term = (options: any[], user = student) => standIn.chatInput({ name: 'term', options, user, guildId: GUILD, channelId: TERMS });

describe('the daily post', () => {
  test('arrives in the configured channel with the term card, the role mention and a Quiz me button', () => {
    const { body } = daily;
    expect(body.content).toContain(`<@&${ROLE}>`);
    expect(body.allowed_mentions).toEqual({ parse: [], roles: [ROLE] });
    const [embed] = body.embeds;
    expect(embed.title).toMatch(/^📘 /);
    expect(embed.description.length).toBeGreaterThan(50);
    expect(embed.fields.map((f: any) => f.name)).toEqual(expect.arrayContaining(['Level', 'Example']));
    expect(embed.footer.text).toMatch(/^Term of the day · \d{4}-\d{2}-\d{2}$/);
    expect(body.components[0].components[0]).toMatchObject({ label: 'Quiz me', custom_id: expect.stringMatching(/^term:q:/) });
  });

  test('is posted once: later ticks the same day post nothing more', async () => {
    await bot.context.termJob.tick(new Date());
    expect(standIn.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${TERMS}/messages`)).toHaveLength(1);
  });

  test('a channel it cannot post in is recorded, reported by /setup show, and not retried', async () => {
    await standIn.waitForRequest((r) => r.method === 'POST' && r.path === `/channels/${MUTED}/messages`);
    await bot.context.termJob.tick(new Date());
    expect(standIn.requests.filter((r) => r.path === `/channels/${MUTED}/messages`)).toHaveLength(1);
    const show = await standIn.callbackFor(
      standIn.chatInput({ name: 'setup', options: [option.subcommand('show')], user: admin, guildId: OTHER_GUILD, channelId: MUTED }),
    );
    expect(show.body.data.embeds[0].fields.find((f: any) => f.name === 'Problems').value).toMatch(/Missing Permissions|can't send/);
  });
});

describe('/term', () => {
  test('without a name shows today’s term for this server', async () => {
    const callback = await standIn.callbackFor(term([]));
    expect(callback.body.data.embeds[0].title).toBe(daily.body.embeds[0].title);
  });

  test('today’s term stays the same all day, whatever happens to the schedule', async () => {
    const todays = async () =>
      (await standIn.callbackFor(standIn.chatInput({ name: 'term', options: [], user: student, guildId: QUIET_GUILD, channelId: LOUNGE }))).body.data.embeds[0]
        .title;
    const setup = (options: any[]) =>
      standIn.callbackFor(
        standIn.chatInput({
          name: 'setup',
          options,
          user: admin,
          guildId: QUIET_GUILD,
          channelId: LOUNGE,
          resolved: standIn.resolvedChannel(QUIET_GUILD, LOUNGE),
        }),
      );
    const before = await todays();
    const set = await setup([
      option.group('term', [option.subcommand('set', [option.channel('channel', LOUNGE), option.string('time', '23:59'), option.string('timezone', 'UTC')])]),
    ]);
    expect(set.body.data.content).toMatch(/^✅/);
    expect(await todays()).toBe(before);
    const off = await setup([option.group('term', [option.subcommand('off')])]);
    expect(off.body.data.content).toMatch(/^✅ The term of the day is off/);
    expect(await todays()).toBe(before);
  });

  test.each([
    ['PIE', '📘 Person-in-Environment'],
    ['person in environment', '📘 Person-in-Environment'],
    ['Licensed Clinical Social Worker', '📘 LCSW'],
  ])('with the name %j shows %j', async (name, title) => {
    const callback = await standIn.callbackFor(term([option.string('name', name)]));
    expect(callback.body.data.embeds[0].title).toBe(title);
  });

  test('an unknown name gets "did you mean" buttons', async () => {
    const callback = await standIn.callbackFor(term([option.string('name', 'empthy @everyone')]));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/Did you mean/);
    expect(callback.body.data.content).not.toContain('@everyone');
    expect(callback.body.data.components[0].components.map((c: any) => c.label)).toContain('Empathy');
  });

  test('autocomplete suggests glossary terms', async () => {
    const id = standIn.autocomplete({ name: 'term', options: [option.string('name', 'lob', true)], user: student, guildId: GUILD, channelId: TERMS });
    const callback = await standIn.callbackFor(id);
    expect(callback.body.data.choices.map((c: any) => c.value)).toContain('Lobbying');
  });

  test('Quiz me gives a private one-question quiz on that term', async () => {
    const quizMe: string = daily.body.components[0].components[0].custom_id;
    const question = await standIn.callbackFor(standIn.button({ customId: quizMe, user: student, guildId: GUILD, channelId: TERMS }));
    expect(question.body.data.flags).toBe(EPHEMERAL);
    // The question hides the term it asks for, and its color says nothing about its level.
    const shownTerm = daily.body.embeds[0].title.replace(/^📘 /, '');
    expect(question.body.data.embeds[0].description.toLowerCase()).not.toContain(shownTerm.toLowerCase());
    expect(question.body.data.embeds[0].color).toBe(0x95a5a6);
    const buttons = question.body.data.components[0].components;
    expect(buttons).toHaveLength(4);
    const termId = quizMe.split(':')[2];
    const right = buttons.find((b: any) => b.custom_id === termButtonId.answer({ id: termId! }, { id: termId! }));
    const answer = await standIn.callbackFor(standIn.button({ customId: right.custom_id, user: student, guildId: GUILD, channelId: TERMS }));
    expect(answer.body.type).toBe(7);
    expect(answer.body.data.embeds[0].title).toMatch(/^✅ Right/);
  });
});
