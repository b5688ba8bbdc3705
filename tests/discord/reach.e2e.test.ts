import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { load as parseYaml } from 'js-yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMANDS, MESSAGE_COMMANDS } from '../../commands/index.ts';
import { deployCommands } from '../../src/discord/deploy.ts';
import { reportId, shareButtonId } from '../../src/format/custom-ids/share-report.ts';
import { REPORT_LIMIT } from '../../src/services/ask-feedback.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { APPLICATION_ID, DiscordStandIn, option, PERMISSIONS, TOKEN, type StandInUser, type Where } from '../helpers/discord-stand-in.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

/** The bot's own server, and one that never added it (the stand-in's gateway never mentions it). */
const GUILD = '210000000000000000';
const STUDY = '210000000000000010';
const BOTLESS = '220000000000000000';
const BOTLESS_CHANNEL = '220000000000000010';
const DM = '230000000000000010';
const GROUP_DM = '230000000000000020';
const student: StandInUser = { id: '310000000000000001', username: 'sam' };
const classmate: StandInUser = { id: '310000000000000002', username: 'lee' };
const admin: StandInUser = { id: '310000000000000003', username: 'ada', permissions: PERMISSIONS.ManageGuild };
const reporter: StandInUser = { id: '310000000000000004', username: 'kim' };
const strict: StandInUser = { id: '310000000000000005', username: 'max', denied: PERMISSIONS.UseExternalApps };
const EPHEMERAL = 64;
const USER_INSTALL: Where = { install: 'user' };
const EXPLAIN = 'Explain with Levels Tutor';

const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;
// One folder for the whole file: kb:gaps and kb:suggest read the bot's database after many tests.
let dir = '';
let database = '';

beforeAll(async () => {
  standIn.addGuild({ id: GUILD, name: 'Study Group', channels: [{ id: STUDY, name: 'study-hall' }] });
  await standIn.start();
  dir = mkdtempSync(path.join(tmpdir(), 'levels-reach-'));
  database = path.join(dir, 'bot.sqlite');
  bot = await startBotAgainst(standIn, dir);
});

afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
  rmSync(dir, { recursive: true, force: true });
});

const ids = (data: any): string[] => (data.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));

/** Every request the bot made while `run` was answered: where the bot is no member, only interaction callbacks and webhooks. */
async function requestsDuring(run: () => Promise<unknown>): Promise<string[]> {
  const before = standIn.requests.length;
  await run();
  return standIn.requests.slice(before).map((r) => `${r.method} ${r.path}`);
}

async function runCli(entry: string): Promise<{ code: number | null; stdout: string }> {
  const child = spawnEntry(entry, [], { DATABASE_PATH: database });
  let stdout = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  return { code: await exited(child), stdout };
}

describe('registration', () => {
  test('/ask, /term, /quiz and /help install to a server or a user and work in servers, the bot’s DM and private channels', () => {
    for (const name of ['ask', 'term', 'quiz', 'help']) {
      const data = COMMANDS.find((c) => c.data.name === name)?.data;
      expect(data?.integration_types).toEqual([0, 1]);
      expect(data?.contexts).toEqual([0, 1, 2]);
    }
    for (const name of ['setup', 'kb']) {
      const data = COMMANDS.find((c) => c.data.name === name)?.data;
      expect(data).toMatchObject({ integration_types: [0], contexts: [0], default_member_permissions: String(PERMISSIONS.ManageGuild) });
    }
  });

  test('deploy-commands registers the message command with the slash commands', async () => {
    await deployCommands([...COMMANDS, ...MESSAGE_COMMANDS], { token: TOKEN, applicationId: APPLICATION_ID, guildId: null, apiUrl: standIn.apiUrl });
    const put = await standIn.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/commands`);
    const explain = put.body.find((c: any) => c.name === EXPLAIN);
    expect(explain).toEqual({ type: 3, name: EXPLAIN, integration_types: [0, 1], contexts: [0, 1, 2] });
    expect(put.body.map((c: any) => c.name)).toEqual([...COMMANDS.map((c) => c.data.name), EXPLAIN]);
  });
});

describe('a student’s own install, in a server that never added the bot', () => {
  test('/ask answers from the interaction alone: no channel, guild or member fetches', async () => {
    let callback: any;
    const made = await requestsDuring(async () => {
      const id = standIn.chatInput({
        name: 'ask',
        options: [option.string('question', 'what is macro social work')],
        user: student,
        guildId: BOTLESS,
        channelId: BOTLESS_CHANNEL,
        where: USER_INSTALL,
      });
      callback = await standIn.callbackFor(id);
    });
    expect(made).toEqual([expect.stringMatching(/^POST \/interactions\/\d+\/[^/]+\/callback$/)]);
    expect(callback.body.type).toBe(4);
    expect(callback.body.data.embeds[0].title).toMatch(/macro/i);
    expect(callback.body.data.flags ?? 0).toBe(0);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
  });

  test('an unanswered question there is logged for curators without that server’s id', async () => {
    await standIn.callbackFor(
      standIn.chatInput({
        name: 'ask',
        options: [option.string('question', 'best pizza toppings near campus')],
        user: student,
        guildId: BOTLESS,
        channelId: BOTLESS_CHANNEL,
        where: USER_INSTALL,
      }),
    );
    expect((await bot.context.storage.askLog.gaps(50, { guildId: BOTLESS })).unanswered).toEqual([]);
    expect((await bot.context.storage.askLog.gaps()).unanswered.map((g) => g.question)).toContain('best pizza toppings near campus');
  });

  test('where the server keeps apps’ replies private, the answer is private and offers no Share', async () => {
    const callback = await standIn.callbackFor(
      standIn.chatInput({
        name: 'ask',
        options: [option.string('question', 'what is mezzo social work')],
        user: strict,
        guildId: BOTLESS,
        channelId: BOTLESS_CHANNEL,
        where: USER_INSTALL,
      }),
    );
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(ids(callback.body.data)).not.toContain(shareButtonId.copy());
    expect(ids(callback.body.data)).toContain(reportId.open({ kind: 'entry', id: 'mezzo-definition' }));
  });

  test('group quizzes, leaderboards and stats say kindly that they are server features', async () => {
    for (const sub of ['start', 'leaderboard', 'stats']) {
      const made = await requestsDuring(async () => {
        const callback = await standIn.callbackFor(
          standIn.chatInput({
            name: 'quiz',
            options: [option.subcommand(sub)],
            user: student,
            guildId: BOTLESS,
            channelId: BOTLESS_CHANNEL,
            where: USER_INSTALL,
          }),
        );
        expect(callback.body.data.flags).toBe(EPHEMERAL);
        expect(callback.body.data.content).toMatch(/server feature.*adds Levels Tutor to this server.*\/quiz practice/s);
      });
      expect(made.every((r) => r.startsWith('POST /interactions/'))).toBe(true);
    }
  });
});

describe('/quiz practice in a DM', () => {
  test('works in the bot’s DM and a group DM, and the progress is the student’s in the server too', async () => {
    const first = await standIn.callbackFor(
      standIn.chatInput({
        name: 'quiz',
        options: [option.subcommand('practice', [option.string('level', 'micro')])],
        user: classmate,
        guildId: null,
        channelId: DM,
        where: { install: 'user', context: 1 },
      }),
    );
    expect(first.body.data.flags).toBe(EPHEMERAL);
    const answer = ids(first.body.data)[0]!;
    expect(answer).toMatch(/^quiz:p:micro:/);
    const result = await standIn.callbackFor(
      standIn.button({ customId: answer, user: classmate, guildId: null, channelId: DM, where: { install: 'user', context: 1 } }),
    );
    expect(result.body.type).toBe(7);
    expect(ids(result.body.data)).toEqual(expect.arrayContaining([shareButtonId.copy(), expect.stringMatching(/^report:open:q:/)]));
    const itemId = answer.split(':')[3]!;
    expect((await bot.context.storage.practice.cards(classmate.id)).map((c) => c.itemId)).toEqual([itemId]);

    const group = await standIn.callbackFor(
      standIn.chatInput({
        name: 'quiz',
        options: [option.subcommand('practice')],
        user: classmate,
        guildId: null,
        channelId: GROUP_DM,
        where: { install: 'user', context: 2 },
      }),
    );
    expect(group.body.data.embeds[0].title).toBe('Practice');

    // In a server the same student carries on with the same cards: one student, one progress.
    const inServer = await standIn.callbackFor(
      standIn.chatInput({
        name: 'quiz',
        options: [option.subcommand('practice', [option.string('level', 'micro')])],
        user: classmate,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    const serverAnswer = ids(inServer.body.data)[0]!;
    await standIn.callbackFor(standIn.button({ customId: serverAnswer, user: classmate, guildId: GUILD, channelId: STUDY }));
    expect((await bot.context.storage.practice.cards(classmate.id)).map((c) => c.itemId).sort()).toEqual(
      [...new Set([itemId, serverAnswer.split(':')[3]!])].sort(),
    );
  });

  test('a group quiz in a DM says where it works', async () => {
    const callback = await standIn.callbackFor(
      standIn.chatInput({
        name: 'quiz',
        options: [option.subcommand('start')],
        user: classmate,
        guildId: null,
        channelId: DM,
        where: { install: 'user', context: 1 },
      }),
    );
    expect(callback.body.data.content).toMatch(/server feature: it works in a server that added Levels Tutor/);
  });
});

describe('Explain with Levels Tutor', () => {
  const explain = (content: string, where?: Where, guildId: string | null = GUILD, channelId = STUDY) =>
    standIn.callbackFor(standIn.messageCommand({ name: EXPLAIN, target: { content, author: classmate }, user: student, guildId, channelId, where }));
  const fields = (callback: any) => Object.fromEntries(callback.body.data.embeds[0].fields.map((f: any) => [f.name, f.value]));

  test('a micro case: the level, its cues, the glossary terms with one-line definitions, and what to read next', async () => {
    const callback = await explain('My placement has me doing weekly counseling sessions with a teenage client and her family, using active listening.');
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.embeds[0].title).toBe('Explained: micro practice');
    const f = fields(callback);
    expect(f.Level).toMatch(/Micro/);
    expect(f.Cues).toMatch(/“counsel/);
    expect(f['Glossary terms']).toMatch(/\*\*Counseling\*\*: [^\n]+\./);
    expect(f['Glossary terms']).toMatch(/\*\*Active listening\*\*/);
    expect(f['Read next'].length).toBeGreaterThan(5);
    expect(ids(callback.body.data)).toEqual(expect.arrayContaining([expect.stringMatching(/^ask:show:e:/), shareButtonId.copy()]));
  });

  test('a mezzo case', async () => {
    const callback = await explain('Our team runs a support group and is helping the agency redesign intake at the neighborhood community center.');
    expect(callback.body.data.embeds[0].title).toBe('Explained: mezzo practice');
    expect(fields(callback).Cues).toMatch(/“support group”/);
  });

  test('a macro case, in a server without the bot, through a user install', async () => {
    const made = await requestsDuring(async () => {
      const callback = await explain(
        'She lobbies state legislators to change housing policy and pushes for new federal funding.',
        USER_INSTALL,
        BOTLESS,
        BOTLESS_CHANNEL,
      );
      expect(callback.body.data.embeds[0].title).toBe('Explained: macro practice');
      expect(fields(callback).Cues).toMatch(/“policy”/);
    });
    expect(made).toHaveLength(1);
  });

  test('off-topic text gets an honest “nothing to explain here”', async () => {
    const callback = await explain('Anyone want pizza tonight? The game starts at 8 and I will bring snacks.');
    expect(callback.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/^Nothing to explain here/) });
    expect(callback.body.data.embeds ?? []).toEqual([]);
  });
});

describe('Share in channel', () => {
  test('a private answer posts a public copy, marked as shared by the student, pinging nobody', async () => {
    const answer = await standIn.callbackFor(
      standIn.chatInput({
        name: 'ask',
        options: [option.string('question', 'what is micro social work'), option.boolean('private', true)],
        user: student,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    expect(answer.body.data.flags).toBe(EPHEMERAL);
    expect(ids(answer.body.data)).toContain(shareButtonId.copy());
    const shared = await standIn.callbackFor(
      standIn.button({
        customId: shareButtonId.copy(),
        user: student,
        guildId: GUILD,
        channelId: STUDY,
        message: { embeds: answer.body.data.embeds, components: answer.body.data.components, flags: EPHEMERAL },
      }),
    );
    expect(shared.body.type).toBe(4);
    expect(shared.body.data.flags ?? 0).toBe(0);
    expect(shared.body.data.allowed_mentions).toEqual({ parse: [] });
    const [embed] = shared.body.data.embeds;
    expect(embed.author.name).toBe('Shared by sam');
    expect(embed.title).toBe(answer.body.data.embeds[0].title);
    expect(embed.description).toBe(answer.body.data.embeds[0].description);
    expect(shared.body.data.components).toEqual([]);
  });

  test('public answers have no Share button; there is nothing to share on a message without embeds', async () => {
    const answer = await standIn.callbackFor(
      standIn.chatInput({ name: 'ask', options: [option.string('question', 'what is micro social work')], user: student, guildId: GUILD, channelId: STUDY }),
    );
    expect(ids(answer.body.data)).not.toContain(shareButtonId.copy());
    const empty = await standIn.callbackFor(
      standIn.button({ customId: shareButtonId.copy(), user: student, guildId: GUILD, channelId: STUDY, message: { embeds: [] } }),
    );
    expect(empty.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/nothing here I can share/) });
  });
});

describe('Report a problem', () => {
  test('opens a form with a reason select and an optional comment, stores the submission, and shows it to curators', async () => {
    const card = await standIn.callbackFor(
      standIn.chatInput({ name: 'term', options: [option.string('name', 'empathy')], user: reporter, guildId: GUILD, channelId: STUDY }),
    );
    expect(ids(card.body.data)).toContain(reportId.open({ kind: 'term', id: 'empathy' }));
    const modal = await standIn.callbackFor(
      standIn.button({ customId: reportId.open({ kind: 'term', id: 'empathy' }), user: reporter, guildId: GUILD, channelId: STUDY }),
    );
    expect(modal.body.type).toBe(9);
    const { custom_id: formId, components } = modal.body.data;
    expect(formId).toBe(reportId.send({ kind: 'term', id: 'empathy' }));
    expect(components.map((c: any) => [c.type, c.component.type, c.component.custom_id])).toEqual([
      [18, 3, 'reason'],
      [18, 4, 'comment'],
    ]);
    expect(components[0].component.options.map((o: any) => o.value)).toEqual(['wrong', 'unclear', 'outdated', 'other']);
    expect(components[1].component.required).toBe(false);

    const ack = await standIn.callbackFor(
      standIn.modalSubmit({
        customId: formId,
        values: { reason: ['unclear'], comment: 'The example needs a <@&1> clearer ending' },
        user: reporter,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    expect(ack.body.data).toMatchObject({ flags: EPHEMERAL, content: expect.stringMatching(/Thanks for the report/) });
    expect(await bot.context.storage.itemReports.summary()).toEqual([
      expect.objectContaining({
        kind: 'term',
        itemId: 'empathy',
        reports: 1,
        reasons: [{ reason: 'unclear', times: 1 }],
        lastComment: 'The example needs a <@&1> clearer ending',
      }),
    ]);

    const gaps = await standIn.callbackFor(
      standIn.chatInput({ name: 'kb', options: [option.subcommand('gaps', [option.string('period', 'week')])], user: admin, guildId: GUILD, channelId: STUDY }),
    );
    expect(gaps.body.data.flags).toBe(EPHEMERAL);
    const reports = gaps.body.data.embeds[0].fields.find((f: any) => f.name.startsWith('Reports'));
    expect(reports.name).toBe('Reports (1, most reported first)');
    expect(reports.value).toMatch(/1 🚩 term empathy: unclear ×1/);
    expect(gaps.body.data.allowed_mentions).toEqual({ parse: [] });

    const cli = await runCli('src/cli/kb-gaps.ts');
    expect(cli.code).toBe(0);
    expect(cli.stdout).toMatch(/^Reports \(1, most reported first\):\n {2}\s+1 🚩 term empathy: unclear ×1/m);
  });

  test('a report from a server without the bot counts for kb:gaps, not for any server’s /kb gaps', async () => {
    const form = await standIn.callbackFor(
      standIn.button({
        customId: reportId.open({ kind: 'entry', id: 'macro-definition' }),
        user: student,
        guildId: BOTLESS,
        channelId: BOTLESS_CHANNEL,
        where: USER_INSTALL,
      }),
    );
    expect(form.body.type).toBe(9);
    await standIn.callbackFor(
      standIn.modalSubmit({
        customId: reportId.send({ kind: 'entry', id: 'macro-definition' }),
        values: { reason: ['outdated'], comment: '' },
        user: student,
        guildId: BOTLESS,
        channelId: BOTLESS_CHANNEL,
        where: USER_INSTALL,
      }),
    );
    expect((await bot.context.storage.itemReports.summary(50, { guildId: GUILD })).map((r) => r.itemId)).not.toContain('macro-definition');
    expect((await bot.context.storage.itemReports.summary()).find((r) => r.itemId === 'macro-definition')).toMatchObject({
      reasons: [{ reason: 'outdated', times: 1 }],
      lastComment: null,
    });
  });

  test('a forged reason or item is refused and nothing is stored', async () => {
    const before = (await bot.context.storage.itemReports.summary()).length;
    const badReason = await standIn.callbackFor(
      standIn.modalSubmit({
        customId: reportId.send({ kind: 'entry', id: 'micro-definition' }),
        values: { reason: ['constructor'] },
        user: reporter,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    expect(badReason.body.data.content).toMatch(/Please pick what the problem is/);
    const badItem = await standIn.callbackFor(
      standIn.modalSubmit({
        customId: reportId.send({ kind: 'entry', id: 'no-such-entry' }),
        values: { reason: ['wrong'] },
        user: reporter,
        guildId: GUILD,
        channelId: STUDY,
      }),
    );
    expect(badItem.body.data.content).toMatch(/isn’t in my knowledge base anymore/);
    expect(await bot.context.storage.itemReports.summary()).toHaveLength(before);
  });

  test(`reports are rate-limited per student: ${REPORT_LIMIT.reports} per window`, async () => {
    const flooder: StandInUser = { id: '310000000000000009', username: 'flo' };
    const send = () =>
      standIn.callbackFor(
        standIn.modalSubmit({
          customId: reportId.send({ kind: 'quiz', id: bot.context.knowledge.knowledge.quiz[0]!.id }),
          values: { reason: ['other'] },
          user: flooder,
          guildId: GUILD,
          channelId: STUDY,
        }),
      );
    for (let i = 0; i < REPORT_LIMIT.reports; i++) expect((await send()).body.data.content).toMatch(/Thanks for the report/);
    expect((await send()).body.data.content).toMatch(/several reports just now/);
    const form = await standIn.callbackFor(
      standIn.button({ customId: reportId.open({ kind: 'entry', id: 'micro-definition' }), user: flooder, guildId: GUILD, channelId: STUDY }),
    );
    expect(form.body.type).toBe(4);
    expect(await bot.context.storage.itemReports.countBy(flooder.id, 0)).toBe(REPORT_LIMIT.reports);
  });

  test('/kb gaps needs Manage Server', async () => {
    const refused = await standIn.callbackFor(
      standIn.chatInput({ name: 'kb', options: [option.subcommand('gaps')], user: student, guildId: GUILD, channelId: STUDY }),
    );
    expect(refused.body.data.content).toMatch(/Manage Server/);
  });
});

describe('did you mean → kb:suggest', () => {
  test('a pick after a refusal is recorded, and kb:suggest proposes it as YAML with counts; fixtures are skipped', async () => {
    const ask = (question: string, user = student) =>
      standIn.callbackFor(standIn.chatInput({ name: 'ask', options: [option.string('question', question)], user, guildId: GUILD, channelId: STUDY }));
    const pickFrom = async (question: string, docId: string, user = student) => {
      const reply = await ask(question, user);
      const pick = ids(reply.body.data).find((id) => id.endsWith(`:e:${docId}`));
      expect(pick).toMatch(/^ask:pick:\d+:e:/);
      const shown = await standIn.callbackFor(standIn.button({ customId: pick!, user, guildId: GUILD, channelId: STUDY }));
      expect(shown.body.data.embeds[0].footer.text).toMatch(new RegExp(`^${docId}`));
    };
    await pickFrom('mezzo vibe', 'mezzo-definition');
    await pickFrom('Mezzo vibe?', 'mezzo-definition', classmate);
    await ask('mezzo   VIBE');
    // A blind evaluation question: a pick is recorded, but never proposed for knowledge/.
    await pickFrom('whats the average salary for an lcsw', 'lcsw-definition');
    expect(await bot.context.storage.picks.all()).toHaveLength(3);

    const { code, stdout } = await runCli('src/cli/kb-suggest.ts');
    expect(code).toBe(0);
    expect(stdout).toContain('# knowledge/qa/');
    expect(stdout).toMatch(/^ {4}- "mezzo vibe" {2}# picked 2×, asked 3×$/m);
    expect(stdout).not.toMatch(/salary/i);
    expect(parseYaml(stdout)).toEqual([{ id: 'mezzo-definition', alternatives: ['mezzo vibe'] }]);
  });
});
