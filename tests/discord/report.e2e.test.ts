import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { classReport } from '../../src/engines/class-report.ts';
import { renderReportChart, REPORT_CHART_SIZE, STATS_CHART_SIZE } from '../../src/format/charts.ts';
import { REPORT_CHART_NAME, STATS_CHART_NAME } from '../../src/format/report.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { pngSize } from '../helpers/png.ts';
import { SEED_GUILD, seedQuizzes } from '../helpers/seed-quizzes.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { DiscordStandIn, option, PERMISSIONS, type StandInUser } from '../helpers/discord-stand-in.ts';

const STUDY = '410000000000000011';
const student: StandInUser = { id: '510000000000000001', username: 'student' };
const moderator: StandInUser = { id: '510000000000000002', username: 'moderator', permissions: PERMISSIONS.ManageMessages };
const instructor: StandInUser = { id: '510000000000000003', username: 'instructor', permissions: PERMISSIONS.ManageGuild };
const EPHEMERAL = 64;

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({ id: SEED_GUILD, name: 'Social Work 101', channels: [{ id: STUDY, name: 'study-hall' }] });
  await standIn.start();
  bot = await startBotAgainst(standIn, tempDir(), { KNOWLEDGE_DIR: MINI_KNOWLEDGE_DIR });
  await seedQuizzes(bot.context.storage, Date.now());
  // The first chart loads the chart libraries; loading them here keeps each reply within its chart budget.
  await renderReportChart(classReport([], { rounds: [], answers: [] }, { period: 'all', level: 'all' }));
});
afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

const quiz = (user: StandInUser, options: any[]) => standIn.chatInput({ name: 'quiz', options, user, guildId: SEED_GUILD, channelId: STUDY });

describe('/quiz report', () => {
  test.each([
    ['a student', student],
    ['a moderator with Manage Messages only', moderator],
  ])('%s is refused kindly, privately, with the permission named', async (_, user) => {
    const callback = await standIn.callbackFor(quiz(user, [option.subcommand('report')]));
    expect(callback.body.data.flags).toBe(EPHEMERAL);
    expect(callback.body.data.content).toMatch(/needs the \*\*Manage Server\*\* permission/);
    expect(callback.body.data.allowed_mentions).toEqual({ parse: [] });
    expect(callback.files).toEqual([]);
  });

  test('an instructor gets the figures as text and the chart as an uploaded PNG, privately', async () => {
    const callback = await standIn.callbackFor(quiz(instructor, [option.subcommand('report', [option.string('period', 'month')])]));
    const data = callback.body.data;
    expect(data.flags).toBe(EPHEMERAL);
    expect(data.allowed_mentions).toEqual({ parse: [] });
    const embed = data.embeds[0];
    expect(embed.title).toBe('Class report: last 30 days, all levels');
    expect(embed.description).toContain('**5** players · **2** quizzes · **11** answers');
    expect(embed.description).toContain('`mc-one`: 3 wrong of 5 (A 2 · B 1 · C 2 ✓)');
    expect(embed.fields[0]).toEqual({ name: 'Accuracy per level', value: '🟢 micro: 80% (4/5)\n🟠 mezzo: – (0/0)\n🔵 macro: 50% (3/6)' });
    expect(embed.image).toEqual({ url: `attachment://${REPORT_CHART_NAME}` });
    // The alt text travels with the upload, for screen readers.
    expect(data.attachments).toEqual([{ id: '0', filename: REPORT_CHART_NAME, description: expect.stringMatching(/accuracy per level/) }]);
    expect(callback.files.map((file) => [file.field, file.name])).toEqual([['files[0]', REPORT_CHART_NAME]]);
    expect(pngSize(callback.files[0]!.data)).toEqual(REPORT_CHART_SIZE);
  });

  test('one level narrows the report', async () => {
    const callback = await standIn.callbackFor(quiz(instructor, [option.subcommand('report', [option.string('level', 'micro')])]));
    const embed = callback.body.data.embeds[0];
    expect(embed.title).toBe('Class report: all time, 🟢 Micro');
    expect(embed.description).toContain('**3** players · **2** quizzes · **5** answers');
  });
});

describe('/quiz stats', () => {
  test('keeps its text and gains a chart of accuracy per level and the last 30 days', async () => {
    const callback = await standIn.callbackFor(
      standIn.chatInput({
        name: 'quiz',
        options: [option.subcommand('stats', [option.user('user', 'alice')])],
        resolved: standIn.resolvedUser({ id: 'alice', username: 'alice' }),
        user: student,
        guildId: SEED_GUILD,
        channelId: STUDY,
      }),
    );
    const embed = callback.body.data.embeds[0];
    const fields = Object.fromEntries(embed.fields.map((f: any) => [f.name, f.value]));
    expect(fields).toMatchObject({ 'Questions answered': '4', Accuracy: '75%', 'Quizzes played': '2' });
    expect(embed.image).toEqual({ url: `attachment://${STATS_CHART_NAME}` });
    expect(callback.files.map((file) => file.name)).toEqual([STATS_CHART_NAME]);
    expect(pngSize(callback.files[0]!.data)).toEqual(STATS_CHART_SIZE);
  });
});
