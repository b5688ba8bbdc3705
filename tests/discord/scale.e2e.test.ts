import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { correctKey } from '../../src/engines/quiz.ts';
import { localDate } from '../../src/engines/term-schedule.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openStorage, type Storage } from '../../src/storage/index.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { ENGINES, freshPostgresSchema, TEST_DATABASE_URL } from '../helpers/storage-engines.ts';
import { APPLICATION_ID, DiscordStandIn, option, TOKEN, type RecordedRequest } from '../helpers/discord-stand-in.ts';
import { waitUntil } from '../helpers/processes.ts';

// With two shards, (id >> 22) % 2 puts GUILD_0 on shard 0 and GUILD_1 on shard 1.
const GUILD_0 = String((1n << 22n) * 200_000_000_000n);
const GUILD_1 = String((1n << 22n) * 200_000_000_001n);
const TERMS_0 = '520000000000000001';
const TERMS_1 = '520000000000000002';
const STUDY_1 = '520000000000000003';
const alice = { id: '620000000000000001', username: 'alice' };
const quizItems = new Map(loadKnowledge(REAL_KNOWLEDGE_DIR).quiz.map((item) => [item.id, item]));

/** One host's bot (`npm start`'s entry, its ShardingManager and shard process) in a process group of its own, so a kill takes them all. */
function startHost(standIn: DiscordStandIn, databaseUrl: string, shardIds: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/index.ts'], {
    cwd: path.resolve('.'),
    detached: true,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_URL: databaseUrl,
      SHARD_COUNT: '2',
      SHARD_IDS: shardIds,
      LOG_LEVEL: 'info',
    },
  });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    output: () => output,
    kill: async (signal: NodeJS.Signals) => {
      process.kill(-child.pid!, signal);
      await exited;
    },
  };
}

const postsTo = (channelId: string) => (r: RecordedRequest) => r.method === 'POST' && r.path === `/channels/${channelId}/messages`;

// Defined only when a PostgreSQL server is there (the summary says when it is not).
describe.each(ENGINES.filter((engine) => engine === 'postgres'))('two hosts, one database [%s]', () => {
  const standIn = new DiscordStandIn();
  const hosts: Array<ReturnType<typeof startHost>> = [];
  let database: Awaited<ReturnType<typeof freshPostgresSchema>>;
  let storage: Storage;

  beforeAll(async () => {
    standIn.addGuild({ id: GUILD_0, name: 'Shard zero', channels: [{ id: TERMS_0, name: 'terms' }] });
    standIn.addGuild({
      id: GUILD_1,
      name: 'Shard one',
      channels: [
        { id: TERMS_1, name: 'terms' },
        { id: STUDY_1, name: 'study' },
      ],
    });
    await standIn.start();
    database = await freshPostgresSchema(TEST_DATABASE_URL as string);
    storage = await openStorage(database.url);
    // 00:00 UTC has always passed: both servers are due the moment their shard starts.
    await storage.settings.setTermSchedule(GUILD_0, { channelId: TERMS_0, time: '00:00', timezone: 'UTC', roleId: null });
    await storage.settings.setTermSchedule(GUILD_1, { channelId: TERMS_1, time: '00:00', timezone: 'UTC', roleId: null });
    await storage.settings.addStudyChannel(GUILD_1, STUDY_1);
  });
  afterAll(async () => {
    for (const host of hosts) await host.kill('SIGKILL').catch(() => undefined);
    await storage?.close();
    await database?.drop();
    await standIn.stop();
  });

  test('each server’s term of the day is posted once, also when a host is killed mid-post and restarted; a quiz runs on its shard’s host', async () => {
    const date = localDate(new Date(), 'UTC');
    // Shard 1's post is held up long enough to kill its host while the request is in flight.
    standIn.failRoute({ method: 'POST', path: new RegExp(`^/channels/${TERMS_1}/messages$`), mode: 'slow', delayMs: 4_000, times: 1 });
    hosts.push(startHost(standIn, database.url, '0'), startHost(standIn, database.url, '1'));
    const [host0, host1] = hosts as [ReturnType<typeof startHost>, ReturnType<typeof startHost>];
    await standIn.waitForRequest(postsTo(TERMS_1), 90_000);
    await host1.kill('SIGKILL');
    expect(await storage.terms.get(GUILD_1, date)).toMatchObject({ status: 'pending', claimedBy: expect.stringMatching(/\/shards 1$/) });
    await waitUntil(() => standIn.posted(TERMS_0).length > 0, 90_000, 'shard 0 to post its term');

    const restarted = startHost(standIn, database.url, '1');
    hosts.push(restarted);
    await waitUntil(async () => (await storage.terms.get(GUILD_1, date))?.status === 'posted', 90_000, 'the restarted host to settle its post');
    expect(standIn.posted(TERMS_0)).toHaveLength(1);
    expect(standIn.posted(TERMS_1)).toHaveLength(1);
    expect(await storage.terms.get(GUILD_0, date)).toMatchObject({ status: 'posted', claimedBy: null });
    expect(standIn.requests.filter(postsTo(TERMS_0))).toHaveLength(1);

    // A quiz in shard 1's server: started, posted and answered through shard 1's host only.
    const start = standIn.chatInput({
      name: 'quiz',
      options: [option.subcommand('start', [option.integer('questions', 3), option.integer('seconds', 60)])],
      user: alice,
      guildId: GUILD_1,
      channelId: STUDY_1,
    });
    expect((await standIn.callbackFor(start, 30_000)).body.data.content ?? '').not.toMatch(/couldn’t|error/i);
    const question = await standIn.waitForRequest((r) => postsTo(STUDY_1)(r) && /^Question 1 of 3$/.test(r.body?.embeds?.[0]?.title ?? ''), 30_000);
    const [, , sessionId] = (question.body.components[0].components[0].custom_id as string).split(':');
    // The round's row may reach the database just after its message.
    const readRound = () => storage.sql.get<{ item_id: string }>('SELECT item_id FROM quiz_rounds WHERE session_id = ? AND round = 1', [Number(sessionId)]);
    await waitUntil(async () => (await readRound()) !== undefined, 15_000, 'the round to be recorded');
    const round = await readRound();
    const press = standIn.button({
      customId: `quiz:a:${sessionId}:1:${correctKey(quizItems.get(round!.item_id)!)}`,
      user: alice,
      guildId: GUILD_1,
      channelId: STUDY_1,
    });
    expect((await standIn.callbackFor(press, 30_000)).body.data.content).toMatch(/Locked in/);
    expect(await storage.quiz.running()).toMatchObject([{ guildId: GUILD_1, channelId: STUDY_1 }]);
    expect(standIn.requests.filter((r) => postsTo(STUDY_1)(r) && /^Question 1 of 3$/.test(r.body?.embeds?.[0]?.title ?? ''))).toHaveLength(1);
    expect(await storage.quiz.answers(Number(sessionId))).toHaveLength(1);
    expect(host0.output()).not.toMatch(/quiz/i);
  }, 240_000);
});
