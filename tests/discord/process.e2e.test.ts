import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { COMMANDS, MESSAGE_COMMANDS } from '../../commands/index.ts';
import { miniKnowledgeCopy } from '../helpers/knowledge.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { APPLICATION_ID, DiscordStandIn, option, TOKEN } from '../helpers/discord-stand-in.ts';
import { exited, spawnEntry, waitUntil } from '../helpers/processes.ts';

// Guild ids chosen so that, with two shards, one lands on each ((id >> 22) % 2).
const GUILD_A = String((1n << 22n) * 100_000_000_000n);
const GUILD_B = String((1n << 22n) * 100_000_000_001n);
const tempDir = useTempDirs();
const standIn = new DiscordStandIn();

beforeAll(async () => {
  standIn.addGuild({ id: GUILD_A, name: 'A', channels: [{ id: '500000000000000001', name: 'general' }] });
  standIn.addGuild({ id: GUILD_B, name: 'B', channels: [{ id: '500000000000000002', name: 'general' }] });
  await standIn.start();
});
afterAll(() => standIn.stop());

const env = (extra: Record<string, string> = {}) => ({
  DISCORD_TOKEN: TOKEN,
  DISCORD_APPLICATION_ID: APPLICATION_ID,
  DISCORD_API_URL: standIn.apiUrl,
  DATABASE_PATH: path.join(tempDir(), 'bot.sqlite'),
  LOG_LEVEL: 'info',
  ...extra,
});

describe('npm start with a token', () => {
  test('logs in, answers /ask, and shuts down cleanly on SIGTERM without logging the token', async () => {
    const bot = spawnEntry('src/index.ts', [], env());
    await waitUntil(() => bot.output().includes('logged in to Discord'), 20_000, 'log-in');
    const id = standIn.chatInput({
      name: 'ask',
      options: [option.string('question', 'what is macro practice')],
      user: { id: '600000000000000001', username: 'kim' },
      guildId: GUILD_A,
      channelId: '500000000000000001',
    });
    const callback = await standIn.callbackFor(id);
    expect(callback.body.data.embeds[0].title).toMatch(/macro/i);
    bot.kill('SIGTERM');
    expect(await exited(bot)).toBe(0);
    expect(bot.output()).toContain('shutting down');
    expect(bot.output()).not.toContain(TOKEN);
  });

  test('SIGHUP reloads the knowledge base without a restart', async () => {
    const knowledgeDir = miniKnowledgeCopy();
    const bot = spawnEntry('src/index.ts', [], env({ KNOWLEDGE_DIR: knowledgeDir, ASK_COOLDOWN_SECONDS: '0' }));
    await waitUntil(() => bot.output().includes('logged in to Discord'), 20_000, 'log-in');
    const askGenogram = () =>
      standIn.callbackFor(
        standIn.chatInput({
          name: 'ask',
          options: [option.string('question', 'what is a genogram')],
          user: { id: '600000000000000002', username: 'lee' },
          guildId: GUILD_A,
          channelId: '500000000000000001',
        }),
      );
    expect((await askGenogram()).body.data.embeds).toBeUndefined();
    writeFileSync(
      path.join(knowledgeDir, 'qa', 'new.yaml'),
      '- id: genogram\n  question: What is a genogram?\n  alternatives: [genogram meaning]\n  answer: A map of a family over generations.\n  levels: [micro]\n  sources: [test-source]\n',
    );
    bot.kill('SIGHUP');
    await waitUntil(() => bot.output().includes('knowledge reloaded'), 10_000, 'the reload');
    expect((await askGenogram()).body.data.embeds[0].title).toBe('What is a genogram?');
    bot.kill('SIGTERM');
    expect(await exited(bot)).toBe(0);
  });

  test('runs two shards under the ShardingManager, each with its own guilds', async () => {
    const before = standIn.identifies.length;
    const bot = spawnEntry('src/index.ts', [], env({ SHARD_COUNT: '2' }));
    await waitUntil(() => standIn.identifies.length >= before + 2, 40_000, 'two shards to identify');
    const shards = standIn.identifies.slice(before).map((identify) => identify.shard);
    expect(shards).toEqual(
      expect.arrayContaining([
        [0, 2],
        [1, 2],
      ]),
    );
    bot.kill('SIGTERM');
    await exited(bot);
  });
});

describe('npm run deploy-commands', () => {
  test('registers every command to the development server and prints them', async () => {
    const deploy = spawnEntry('src/cli/deploy-commands.ts', [], env({ DISCORD_GUILD_ID: GUILD_A }));
    expect(await exited(deploy)).toBe(0);
    const put = await standIn.waitForRequest((r) => r.method === 'PUT' && r.path === `/applications/${APPLICATION_ID}/guilds/${GUILD_A}/commands`);
    expect(put.body.map((c: { name: string }) => c.name)).toEqual([...COMMANDS, ...MESSAGE_COMMANDS].map((c) => c.data.name));
    for (const command of COMMANDS) expect(deploy.output()).toContain(`/${command.data.name}`);
    for (const command of MESSAGE_COMMANDS) expect(deploy.output()).toContain(`“${command.data.name}” (message command)`);
  });
});

describe('configuration errors', () => {
  test.each([
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL must be one of fatal, error/],
    [{ DISCORD_TOKEN: TOKEN }, /DISCORD_APPLICATION_ID must be your application id/],
    [{ DISCORD_TOKEN: 'not-a-token', DISCORD_APPLICATION_ID: APPLICATION_ID }, /DISCORD_TOKEN must be a bot token.*the value is malformed/],
    [{ ASK_COOLDOWN_SECONDS: '-1' }, /ASK_COOLDOWN_SECONDS must be a whole number/],
  ])('%j fails at start-up with one line naming the variable', async (bad, message) => {
    const child = spawnEntry('src/index.ts', [], { DATABASE_PATH: path.join(tempDir(), 'x.sqlite'), ...bad });
    expect(await exited(child)).toBe(2);
    expect(child.output()).toMatch(message);
    expect(child.output()).not.toMatch(/at .*\.ts:\d+/);
    expect(child.output().trim().split('\n')).toHaveLength(1);
  });
});
