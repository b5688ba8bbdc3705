import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';

/** What each variable accepts, in words: the error message repeats it. */
const configSchema = z.object({
  KNOWLEDGE_DIR: z.string().default('knowledge').describe('a path to the knowledge folder'),
  DATABASE_PATH: z.string().default('data/tutor.sqlite').describe('a path to the SQLite database file (its folder is created)'),
});

export type Config = Readonly<{
  knowledgeDir: string;
  databasePath: string;
}>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ConfigError';
  }
}

/**
 * Reads `.env` (if present) and the environment, once. `KEY=` counts as unset.
 * Every bad variable is reported, one line each, naming what it accepts.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, { dotenv = true } = {}): Config {
  if (dotenv) loadDotenv({ quiet: true });
  const raw: Record<string, string> = {};
  for (const key of Object.keys(configSchema.shape)) {
    const value = env[key]?.trim();
    if (value) raw[key] = value;
  }
  const parsed = configSchema.safeParse(raw);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      const accepts = configSchema.shape[key as keyof typeof configSchema.shape]?.description ?? 'a valid value';
      const got = raw[key] === undefined ? 'it is not set' : `got "${raw[key]}"`;
      return `Configuration error: ${key} must be ${accepts} (${got}). Set it in .env or the environment; see .env.example.`;
    });
    throw new ConfigError(lines.join('\n'));
  }
  return {
    knowledgeDir: path.resolve(parsed.data.KNOWLEDGE_DIR),
    databasePath: path.resolve(parsed.data.DATABASE_PATH),
  };
}
