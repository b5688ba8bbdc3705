import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';
import { APPLICATION_ID, TOKEN } from './helpers/discord-stand-in.ts';

const load = (env: Record<string, string>) => loadConfig(env, { dotenv: false });

/** The lines of the ConfigError a bad environment is refused with. */
function problems(env: Record<string, string>): string[] {
  let refusal: unknown = null;
  try {
    load(env);
  } catch (error) {
    refusal = error;
  }
  expect(refusal).toBeInstanceOf(ConfigError);
  return (refusal as ConfigError).message.split('\n');
}

describe('token-shaped values in the configuration', () => {
  const tokenParts = TOKEN.split('.');
  test.each([
    ['DISCORD_APPLICATION_ID', TOKEN],
    ['DISCORD_GUILD_ID', TOKEN],
    ['DISCORD_API_URL', TOKEN],
    ['DISCORD_API_URL', `discord.com/api/${TOKEN}`],
    ['DISCORD_GUILD_ID', tokenParts[0]!],
    ['DISCORD_TOKEN', `${TOKEN}!`],
  ])('%s = a token: the error names the variable and never shows the value', (key, value) => {
    const [message] = problems({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: APPLICATION_ID, [key]: value });
    expect(message).toMatch(new RegExp(`^Configuration error: ${key} must be `));
    for (const part of tokenParts) expect(message).not.toContain(part);
  });

  test('an ordinary wrong value is still shown, to help fix it', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: TOKEN, DISCORD_APPLICATION_ID: 'abc' }, { dotenv: false })).toThrow(/got "abc"/);
  });
});

describe('sharding and database settings', () => {
  test("SHARD_IDS picks this host's shards; unset, it runs them all", () => {
    expect(load({ SHARD_COUNT: '4', SHARD_IDS: '3, 1' }).shardIds).toEqual([1, 3]);
    expect(load({ SHARD_COUNT: '3' }).shardIds).toEqual([0, 1, 2]);
    expect(load({}).shardIds).toEqual([0]);
  });

  test('each bad SHARD_IDS value is one line saying what is wrong with it', () => {
    expect(problems({ SHARD_COUNT: '2', SHARD_IDS: '0,2,x,0' })).toEqual([
      expect.stringMatching(/^Configuration error: SHARD_IDS must be .*\(got "2": with SHARD_COUNT=2, shard ids run from 0 to 1\)/),
      expect.stringMatching(/^Configuration error: SHARD_IDS must be .*\(got "x": not a whole number\)/),
      expect.stringMatching(/^Configuration error: SHARD_IDS must be .*\(got "0": listed twice\)/),
    ]);
  });

  test('DATABASE_URL selects PostgreSQL; a malformed one is refused without showing it (it may hold a password)', () => {
    expect(load({ DATABASE_URL: 'postgres://tutor:secret@db.internal:5432/levels' }).databaseUrl).toBe('postgres://tutor:secret@db.internal:5432/levels');
    expect(load({}).databaseUrl).toBeNull();
    const lines = problems({ DATABASE_URL: 'mysql://tutor:hunter2@db/levels' });
    expect(lines).toEqual([expect.stringMatching(/^Configuration error: DATABASE_URL must be a PostgreSQL URL/)]);
    expect(lines[0]).not.toContain('hunter2');
  });
});
