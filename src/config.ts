import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { LOG_LEVELS, type LogLevel } from './logger.ts';

const snowflake = z.string().regex(/^\d{17,20}$/);
const wholeNumber = (min: number, max: number) => z.coerce.number().int().min(min).max(max);
const flag = z.enum(['true', 'false', '1', '0']).transform((v) => v === 'true' || v === '1');

/** Each variable with what it accepts, in words: error messages repeat it. */
const configSchema = z.object({
  DISCORD_TOKEN: z
    .string()
    .regex(/^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/)
    .optional()
    .describe('a bot token from the Discord developer portal (three dot-separated parts), or unset for the offline console'),
  DISCORD_APPLICATION_ID: snowflake.optional().describe('your application id, a 17-20 digit number (Developer Portal → General Information)'),
  DISCORD_GUILD_ID: snowflake.optional().describe('a server id (17-20 digits) to register commands to while developing, or unset for global commands'),
  DISCORD_API_URL: z
    .url({ protocol: /^https?$/ })
    .default('https://discord.com/api')
    .describe('the base URL of the Discord REST API, like https://discord.com/api'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/i)
    .optional()
    .describe('a PostgreSQL URL like postgres://user:password@host:5432/levels_tutor, or unset to use SQLite at DATABASE_PATH'),
  DATABASE_PATH: z.string().default('data/tutor.sqlite').describe('a path to the SQLite database file (its folder is created)'),
  KNOWLEDGE_DIR: z.string().default('knowledge').describe('a path to the knowledge folder'),
  KNOWLEDGE_WATCH: flag.default(false).describe('true or false: reload knowledge/ when its files change'),
  LOG_LEVEL: z
    .enum(LOG_LEVELS)
    .default('info')
    .describe(`one of ${LOG_LEVELS.join(', ')}`),
  ASK_COOLDOWN_SECONDS: wholeNumber(0, 3600).default(3).describe('a whole number of seconds from 0 to 3600'),
  SHARD_COUNT: wholeNumber(1, 64).default(1).describe('a whole number of shards from 1 to 64'),
  SHARD_IDS: z
    .string()
    .optional()
    .describe('the shards this process runs, comma-separated whole numbers from 0 to SHARD_COUNT - 1 (like 0,1), or unset for all of them'),
});

export type Config = Readonly<{
  discord: { token: string; applicationId: string; guildId: string | null; apiUrl: string } | null;
  databasePath: string;
  /** PostgreSQL when set; otherwise SQLite at databasePath. */
  databaseUrl: string | null;
  knowledgeDir: string;
  knowledgeWatch: boolean;
  logLevel: LogLevel;
  askCooldownSeconds: number;
  shardCount: number;
  /** The shards this process runs, of shardCount: several hosts split them. */
  shardIds: readonly number[];
}>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/** A start-up failure the operator can fix: one line saying what failed, where, and the fix (no stack trace). */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}

function describe(key: string): string {
  return configSchema.shape[key as keyof typeof configSchema.shape]?.description ?? 'a valid value';
}

/** Something a token may have been pasted into: long, or dotted like a token. Never echoed. */
const SECRET_SHAPED = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$|[A-Za-z0-9_-]{24,}|^.{80,}$/s;

function problemLine(key: string, raw: Record<string, string>): string {
  const value = raw[key];
  // The token is never echoed, even when it is malformed; nor is anything that looks like one.
  const got =
    value === undefined
      ? 'it is not set'
      : key === 'DISCORD_TOKEN'
        ? 'the value is malformed'
        : key === 'DATABASE_URL'
          ? 'the value is not shown, as it may hold a password'
          : SECRET_SHAPED.test(value)
            ? 'the value looks like a token, so it is not shown here: check you pasted the right value'
            : `got "${value}"`;
  return `Configuration error: ${key} must be ${describe(key)} (${got}). Set it in .env or the environment; see .env.example.`;
}

/**
 * Reads `.env` (if present) and the environment, once; the only reader of process.env.
 * `KEY=` counts as unset. Every bad variable is reported, one line each.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config {
  if (dotenv) loadDotenv({ quiet: true });
  const raw: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key]?.trim();
    if (value) raw[key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  const badKeys = parsed.success ? [] : [...new Set(parsed.error.issues.map((issue) => String(issue.path[0])))];
  if (parsed.success && parsed.data.DISCORD_TOKEN !== undefined && parsed.data.DISCORD_APPLICATION_ID === undefined) badKeys.push('DISCORD_APPLICATION_ID');
  const shards = parsed.success ? parseShardIds(parsed.data.SHARD_IDS, parsed.data.SHARD_COUNT) : { ids: [], problems: [] };
  if (!parsed.success || badKeys.length > 0 || shards.problems.length > 0) {
    throw new ConfigError([...badKeys.map((key) => problemLine(key, raw)), ...shards.problems].join('\n'));
  }

  const data = parsed.data;
  return {
    discord:
      data.DISCORD_TOKEN === undefined
        ? null
        : {
            token: data.DISCORD_TOKEN,
            applicationId: data.DISCORD_APPLICATION_ID as string,
            guildId: data.DISCORD_GUILD_ID ?? null,
            apiUrl: data.DISCORD_API_URL,
          },
    databasePath: path.resolve(data.DATABASE_PATH),
    databaseUrl: data.DATABASE_URL ?? null,
    knowledgeDir: path.resolve(data.KNOWLEDGE_DIR),
    knowledgeWatch: data.KNOWLEDGE_WATCH,
    logLevel: data.LOG_LEVEL,
    askCooldownSeconds: data.ASK_COOLDOWN_SECONDS,
    shardCount: data.SHARD_COUNT,
    shardIds: shards.ids,
  };
}

/** SHARD_IDS as numbers (unset: every shard), with one line per bad value. */
function parseShardIds(value: string | undefined, shardCount: number): { ids: number[]; problems: string[] } {
  if (value === undefined) return { ids: Array.from({ length: shardCount }, (_, id) => id), problems: [] };
  const ids: number[] = [];
  const problems: string[] = [];
  const problem = (part: string, why: string) =>
    problems.push(
      `Configuration error: SHARD_IDS must be ${describe('SHARD_IDS')} (got "${part.slice(0, 20)}": ${why}). Set it in .env or the environment; see .env.example.`,
    );
  for (const part of value.split(',').map((p) => p.trim())) {
    if (!/^\d{1,3}$/.test(part)) problem(part, 'not a whole number');
    else if (Number(part) >= shardCount) problem(part, `with SHARD_COUNT=${shardCount}, shard ids run from 0 to ${shardCount - 1}`);
    else if (ids.includes(Number(part))) problem(part, 'listed twice');
    else ids.push(Number(part));
  }
  return { ids: ids.sort((a, b) => a - b), problems };
}
