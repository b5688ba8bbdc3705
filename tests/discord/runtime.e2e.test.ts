import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { askButtonId } from '../../src/format/custom-ids/ask.ts';
import { COMMANDS } from '../../commands/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { DiscordStandIn, option, PERMISSIONS, TOKEN, type StandInUser } from '../helpers/discord-stand-in.ts';

const GUILD = '200000000000000000';
const STUDY = '200000000000000010';
const VOICE = '200000000000000011';
const MUTED = '200000000000000012';
const student: StandInUser = { id: '300000000000000001', username: 'sam' };
const admin: StandInUser = { id: '300000000000000002', username: 'ada', permissions: PERMISSIONS.ManageGuild };
const EPHEMERAL = 64;

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({
    id: GUILD,
    name: 'Social Work Study Group',
    channels: [
      { id: STUDY, name: 'study-hall' },
      { id: VOICE, name: 'voice', type: 2 },
      { id: MUTED, name: 'announcements', denyBot: PERMISSIONS.SendMessages },
    ],
    roles: [{ id: '200000000000000020', name: 'students' }],
  });
  await standIn.start();
  bot = await startBotAgainst(standIn, tempDir());
});

afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

const ask = (question: string, extra: any[] = []) =>
  standIn.chatInput({ name: 'ask', options: [option.string('question', question), ...extra], user: student, guildId: GUILD, channelId: STUDY });

describe('log-in', () => {
  test('identifies with only the Guilds intent and the token', () => {
    expect(standIn.identifies[0]).toMatchObject({ token: TOKEN, intents: 1 });
  });
});

describe('/ask', () => {
  test('answers with an embed: question title, answer, level badge, source, related and feedback buttons', async () => {
    const callback = await standIn.callbackFor(ask('whats the difference between micro and macro social work'));
    expect(callback.body.type).toBe(4);
    const { data } = callback.body;
    expect(data.flags ?? 0).toBe(0);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = data.embeds;
    expect(embed.title).toMatch(/micro.*macro/i);
    expect(embed.description.length).toBeGreaterThan(100);
    expect(embed.fields.find((f: any) => f.name === 'Level').value).toMatch(/Micro.*Macro|Macro.*Micro/);
    expect(embed.fields.find((f: any) => f.name === 'Source').value.length).toBeGreaterThan(5);
    const ids = data.components.flatMap((row: any) => row.components.map((c: any) => c.custom_id));
    expect(ids.filter((id: string) => id.startsWith('ask:show:')).length).toBeGreaterThanOrEqual(1);
    expect(ids).toEqual(expect.arrayContaining([expect.stringMatching(/^ask:vote:up:e:/), expect.stringMatching(/^ask:vote:down:e:/)]));
  });

  test('private:true answers ephemerally', async () => {
    const callback = await standIn.callbackFor(ask('what is mezzo social work', [option.boolean('private', true)]));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
  });

  test('an off-topic question gets an honest ephemeral reply and is logged for curators', async () => {
    const callback = await standIn.callbackFor(ask('how do I bake sourdough bread'));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/don't have an answer/);
    expect(callback.body.data.content).toMatch(/micro/i);
    expect((await bot.context.storage.askLog.gaps()).unanswered.map((g) => g.question)).toContain('how do I bake sourdough bread');
  });

  test('@everyone and markdown in a question ping nobody and are escaped', async () => {
    const callback = await standIn.callbackFor(ask('@everyone **bake** <@&200000000000000020> bread'));
    const { data } = callback.body;
    expect(data.allowed_mentions).toEqual({ parse: [] });
    expect(data.content).not.toContain('@everyone');
    expect(data.content).toContain('\\*\\*bake\\*\\*');
  });

  test('a 6,000-character question gets a clean reply within Discord limits', async () => {
    const callback = await standIn.callbackFor(ask(`what is micro social work ${'really '.repeat(850)}`));
    const { data } = callback.body;
    expect(JSON.stringify(data).length).toBeLessThan(8000);
    // Whichever reply the knowledge gives (an answer embed, or an honest miss quoting the question), it is within the limits.
    expect((data.content ?? '').length).toBeLessThanOrEqual(2000);
    expect((data.embeds ?? []).every((embed: { description?: string }) => (embed.description ?? '').length <= 4096)).toBe(true);
  });

  test('autocomplete offers at most 25 matching questions', async () => {
    const id = standIn.autocomplete({ name: 'ask', options: [option.string('question', 'what is m', true)], user: student, guildId: GUILD, channelId: STUDY });
    const callback = await standIn.callbackFor(id);
    expect(callback.body.type).toBe(8);
    const { choices } = callback.body.data;
    expect(choices.length).toBeGreaterThan(2);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
    expect(choices[0].name.toLowerCase()).toMatch(/^what is m/);
  });

  test('a related-question button shows that answer ephemerally', async () => {
    const callback = await standIn.callbackFor(
      standIn.button({ customId: askButtonId.show({ id: 'macro-definition' }), user: student, guildId: GUILD, channelId: STUDY }),
    );
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].title).toBe('What is macro social work?');
  });

  test('feedback buttons record one vote per user per answer', async () => {
    await standIn.callbackFor(
      standIn.button({ customId: askButtonId.vote({ id: 'micro-definition' }, 'up'), user: student, guildId: GUILD, channelId: STUDY }),
    );
    const second = await standIn.callbackFor(
      standIn.button({ customId: askButtonId.vote({ id: 'micro-definition' }, 'down'), user: student, guildId: GUILD, channelId: STUDY }),
    );
    expect(second.body.data.flags).toBe(EPHEMERAL);
    expect((await bot.context.storage.askLog.gaps(50, { guildId: GUILD })).downvoted).toEqual([{ answerId: 'micro-definition', down: 1, up: 0 }]);
  });

  test.each([
    'ask:show:e:../../etc',
    'ask:vote:sideways:e:micro-definition',
    'nope',
    'quiz:answer:1:2:Z',
    'ask:show:e:no-such-entry',
    `ask:${'x'.repeat(200)}`,
  ])('a forged button id %j gets a polite ephemeral reply', async (customId) => {
    const callback = await standIn.callbackFor(standIn.button({ customId, user: student, guildId: GUILD, channelId: STUDY }));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/button|anymore|knowledge/i);
  });
});

describe('/help', () => {
  test('lists every command with an example and the study channels', async () => {
    await bot.context.storage.settings.addStudyChannel(GUILD, STUDY);
    const callback = await standIn.callbackFor(standIn.chatInput({ name: 'help', user: student, guildId: GUILD, channelId: STUDY }));
    const embed = callback.body.data.embeds[0];
    const text = JSON.stringify(embed);
    for (const command of COMMANDS) expect(text).toContain(`/${command.data.name}`);
    expect(embed.fields.find((f: any) => f.name === 'Study channels').value).toBe(`<#${STUDY}>`);
    expect(embed.fields.find((f: any) => f.name === 'How a quiz question closes').value).toMatch(/whoever started the quiz/);
  });
});

describe('/setup', () => {
  const setup = (user: StandInUser, options: any[], resolvedChannel?: string) =>
    standIn.chatInput({
      name: 'setup',
      options,
      user,
      guildId: GUILD,
      channelId: STUDY,
      resolved: resolvedChannel ? standIn.resolvedChannel(GUILD, resolvedChannel) : undefined,
    });

  test('refuses a member without Manage Server', async () => {
    const callback = await standIn.callbackFor(
      setup(student, [option.group('study-channel', [option.subcommand('add', [option.channel('channel', STUDY)])])], STUDY),
    );
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/Manage Server/);
  });

  test('adds a study channel, refuses a voice channel, and sets the term schedule', async () => {
    const added = await standIn.callbackFor(
      setup(admin, [option.group('study-channel', [option.subcommand('add', [option.channel('channel', STUDY)])])], STUDY),
    );
    expect(added.body.data.content).toMatch(/study channel/);
    const voice = await standIn.callbackFor(
      setup(admin, [option.group('study-channel', [option.subcommand('add', [option.channel('channel', VOICE)])])], VOICE),
    );
    expect(voice.body.data.content).toMatch(/voice channel/);
    const badTime = await standIn.callbackFor(
      setup(
        admin,
        [
          option.group('term', [
            option.subcommand('set', [option.channel('channel', STUDY), option.string('time', '25:99'), option.string('timezone', 'Europe/London')]),
          ]),
        ],
        STUDY,
      ),
    );
    expect(badTime.body.data.content).toMatch(/HH:MM/);
    const badZone = await standIn.callbackFor(
      setup(
        admin,
        [
          option.group('term', [
            option.subcommand('set', [option.channel('channel', STUDY), option.string('time', '09:00'), option.string('timezone', 'Europe/Londn')]),
          ]),
        ],
        STUDY,
      ),
    );
    expect(badZone.body.data.content).toMatch(/Europe\/London/);
    const muted = await standIn.callbackFor(
      setup(
        admin,
        [
          option.group('term', [
            option.subcommand('set', [option.channel('channel', MUTED), option.string('time', '09:00'), option.string('timezone', 'UTC')]),
          ]),
        ],
        MUTED,
      ),
    );
    expect(muted.body.data.content).toMatch(/can't send/);
    const ok = await standIn.callbackFor(
      setup(
        admin,
        [
          option.group('term', [
            option.subcommand('set', [option.channel('channel', STUDY), option.string('time', '9:00'), option.string('timezone', 'europe/london')]),
          ]),
        ],
        STUDY,
      ),
    );
    expect(ok.body.data.content).toMatch(/09:00 \(Europe\/London, UTC\+[01] now\)/);
    expect((await bot.context.storage.settings.get(GUILD)).termSchedule).toMatchObject({ channelId: STUDY, time: '09:00', timezone: 'Europe/London' });
  });

  test('a zone by abbreviation, every problem at once, admin input escaped, and the real command to turn it on again', async () => {
    const set = (options: any[], channel = STUDY) => standIn.callbackFor(setup(admin, [option.group('term', [option.subcommand('set', options)])], channel));
    const est = await set([option.channel('channel', STUDY), option.string('time', '07:15'), option.string('timezone', 'EST')]);
    expect(est.body.data.content).toMatch(/^✅ .* every day at 07:15 \(America\/New_York, UTC−[45] now\)\.$/);
    const bad = await set(
      [option.channel('channel', MUTED), option.string('time', '25:99'), option.string('timezone', '@everyone <@&42> 👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦')],
      MUTED,
    );
    const lines: string[] = bad.body.data.content.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/can't send/);
    expect(lines[1]).toContain('“25:99” is not a time');
    expect(lines[2]).toMatch(/^“@\u200beveryone <@\u200b&42> (👩‍👩‍👧‍👦)+…” is not a time zone I know/);
    expect(bad.body.data.content).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(bad.body.data.allowed_mentions).toEqual({ parse: [] });
    expect((await bot.context.storage.settings.get(GUILD)).termSchedule).toMatchObject({ time: '07:15', timezone: 'America/New_York' });
    const off = await standIn.callbackFor(setup(admin, [option.group('term', [option.subcommand('off')])]));
    expect(off.body.data.content).toBe('✅ The term of the day is off. Turn it on again with `/setup term set channel: time: timezone:`.');
    await set([option.channel('channel', STUDY), option.string('time', '9:00'), option.string('timezone', 'London')]);
    expect((await bot.context.storage.settings.get(GUILD)).termSchedule).toMatchObject({ time: '09:00', timezone: 'Europe/London' });
  });

  test('show reports the configuration and problems', async () => {
    await bot.context.storage.settings.setTermProblem(GUILD, 'Missing Permissions in the term channel');
    const callback = await standIn.callbackFor(setup(admin, [option.subcommand('show')]));
    const embed = callback.body.data.embeds[0];
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(JSON.stringify(embed.fields)).toContain(`<#${STUDY}>`);
    expect(embed.fields.find((f: any) => f.name === 'Problems').value).toMatch(/Missing Permissions/);
  });

  test('timezone autocomplete suggests IANA names', async () => {
    const id = standIn.autocomplete({
      name: 'setup',
      options: [option.group('term', [option.subcommand('set', [option.string('timezone', 'new_y', true)])])],
      user: admin,
      guildId: GUILD,
      channelId: STUDY,
    });
    const callback = await standIn.callbackFor(id);
    expect(callback.body.data.choices.map((c: any) => c.value)).toContain('America/New_York');
  });

  test.each([
    ['EST', 'EST: America/New_York'],
    ['sydn', 'Sydney: Australia/Sydney'],
    ['London', 'London: Europe/London'],
  ])('timezone autocomplete for %j offers %j first, with its offset', async (typed, label) => {
    const id = standIn.autocomplete({
      name: 'setup',
      options: [option.group('term', [option.subcommand('set', [option.string('timezone', typed, true)])])],
      user: admin,
      guildId: GUILD,
      channelId: STUDY,
    });
    const [first] = (await standIn.callbackFor(id)).body.data.choices;
    expect(first.name).toMatch(new RegExp(`^${label.replace('/', '\\/')} \\(UTC[+−]\\d+(:\\d\\d)?\\)$`));
    expect(first.value).toBe(label.split(': ')[1]);
  });
});

describe('safety', () => {
  test('the token never appears in the logs', () => {
    expect(bot.logs.length).toBeGreaterThan(0);
    expect(bot.logs.join('\n')).not.toContain(TOKEN);
  });

  // Runs last: it closes the database under the bot to make a handler fail for real.
  test('a failing handler answers with a reference, logs it, and the bot keeps serving', async () => {
    await bot.context.storage.close();
    const failed = await standIn.callbackFor(ask('how do I fix my car'));
    expect(failed.body.data.flags).toBe(EPHEMERAL);
    const reference = /reference \*\*([0-9A-F]{6})\*\*/.exec(failed.body.data.content)?.[1];
    expect(reference).toBeDefined();
    expect(bot.logs.some((line) => line.includes(reference!) && line.includes('interaction failed'))).toBe(true);
    const served = await standIn.callbackFor(ask('what is macro social work'));
    expect(served.body.data.embeds[0].title).toBe('What is macro social work?');
  });
});
