import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { RecentQuestions } from '../../commands/ask.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { startBotAgainst } from '../helpers/bot.ts';
import { DiscordStandIn, option, type StandInUser } from '../helpers/discord-stand-in.ts';

const GUILD = '200000000000000100';
const STUDY = '200000000000000110';
const OTHER = '200000000000000111';
const sam: StandInUser = { id: '300000000000000101', username: 'sam' };
const kim: StandInUser = { id: '300000000000000102', username: 'kim' };

const tempDir = useTempDirs();
const standIn = new DiscordStandIn();
let bot: Awaited<ReturnType<typeof startBotAgainst>>;

beforeAll(async () => {
  standIn.addGuild({
    id: GUILD,
    name: 'Study Group',
    channels: [
      { id: STUDY, name: 'study-hall' },
      { id: OTHER, name: 'other' },
    ],
    roles: [],
  });
  await standIn.start();
  bot = await startBotAgainst(standIn, tempDir());
});

afterAll(async () => {
  await bot?.stop();
  await standIn.stop();
});

const ask = async (question: string, user: StandInUser = sam, channelId = STUDY) =>
  (await standIn.callbackFor(standIn.chatInput({ name: 'ask', options: [option.string('question', question)], user, guildId: GUILD, channelId }))).body.data;
const buttonLabels = (data: any): string[] => (data.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.label));
const unanswered = async (): Promise<string[]> => (await bot.context.storage.askLog.gaps()).unanswered.map((g) => g.question);

describe('/ask: scenarios', () => {
  test('a scenario gets the level first, its cues, how sure, and the entry to read next', async () => {
    const data = await ask('a social worker counsels a teen with depression. which level');
    const [embed] = data.embeds;
    expect(embed.title).toMatch(/Micro/);
    expect(embed.description.split('.')[0]).toMatch(/micro/i);
    const fields = new Map(embed.fields.map((f: any) => [f.name, f.value]));
    expect(fields.get('Cues')).toMatch(/counsel/);
    expect(fields.get('How sure')).toMatch(/sure/i);
    expect(fields.get('Read next')).toBeTruthy();
    expect(buttonLabels(data)).toContain(fields.get('Read next'));
  });

  test('where the sources disagree, it says so', async () => {
    const data = await ask('which level is family therapy with a mother and her kids');
    expect(data.embeds[0].fields.find((f: any) => f.name === 'The sources disagree')?.value).toMatch(/source/i);
  });
});

describe('/ask: refusals and chit-chat', () => {
  test('a question about pay is refused honestly, with what the bot covers and "did you mean" suggestions', async () => {
    const data = await ask('how much do macro social workers make');
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/salar/i);
    expect(data.content).toMatch(/I cover/);
    expect(data.content).toMatch(/Did you mean/);
    expect(buttonLabels(data).length).toBeGreaterThanOrEqual(1);
    expect(buttonLabels(data).length).toBeLessThanOrEqual(3);
  });

  test('chit-chat gets a friendly pointer to /help, no entry, and is not logged', async () => {
    const data = await ask('hello there');
    expect(data.embeds ?? []).toEqual([]);
    expect(data.content).toMatch(/\/help/);
    expect(data.content).not.toMatch(/noted/i);
    expect(await unanswered()).not.toContain('hello there');
  });

  test('"noted" is said only when the question was logged', async () => {
    const data = await ask('how do I fix a flat bicycle tyre');
    expect(data.content).toMatch(/noted it/);
    expect(await unanswered()).toContain('how do I fix a flat bicycle tyre');
  });
});

describe('/ask: glossary cards', () => {
  test('are titled by the term and never offer the question they just answered', async () => {
    const bsw = await ask('BSW');
    expect(bsw.embeds[0].title).toBe('BSW (Bachelor of Social Work)');
    const card = (await standIn.callbackFor(standIn.button({ customId: 'ask:show:t:mezzo-social-work', user: sam, guildId: GUILD, channelId: STUDY }))).body
      .data;
    expect(card.embeds[0].title).toBe('Mezzo social work');
    expect(buttonLabels(card)).not.toContain('What is mezzo social work?');
  });
});

describe('/ask: follow-ups', () => {
  test('"and mezzo?" continues the same student\'s last question in the same channel', async () => {
    await ask('what are some examples of micro social work');
    const data = await ask('and mezzo?');
    expect(data.embeds[0].title).toBe('What are some examples of mezzo social work?');
  });

  test('never across students, and never across channels', async () => {
    await ask('what jobs involve macro social work');
    const other = await ask('and mezzo?', kim);
    expect(other.embeds[0].title).toBe('What is mezzo social work?');
    const elsewhere = await ask('and micro?', sam, OTHER);
    expect(elsewhere.embeds[0].title).toBe('What is micro social work?');
  });

  test('the memory is bounded and forgets after ten minutes', () => {
    const recent = new RecentQuestions(2);
    recent.remember('u1', 'c', 'what is micro', 0);
    recent.remember('u2', 'c', 'what is mezzo', 0);
    recent.remember('u3', 'c', 'what is macro', 0);
    expect(recent.get('u1', 'c', 1)).toBeUndefined();
    expect(recent.get('u2', 'c', 1)?.question).toBe('what is mezzo');
    expect(recent.get('u3', 'c', 10 * 60 * 1000)?.question).toBe('what is macro');
    expect(recent.get('u3', 'c', 10 * 60 * 1000 + 1)).toBeUndefined();
    recent.remember('constructor', '__proto__', 'toString', 0);
    expect(recent.get('constructor', '__proto__', 0)?.question).toBe('toString');
  });
});
