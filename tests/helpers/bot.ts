import path from 'node:path';
import { loadConfig } from '../../src/config.ts';
import type { ContextOptions } from '../../src/bot/context.ts';
import { startDiscordBot, type RunningBot } from '../../src/discord/bot.ts';
import { createLogger } from '../../src/logger.ts';
import { APPLICATION_ID, TOKEN, type DiscordStandIn } from './discord-stand-in.ts';

/** Starts the real bot in-process against a stand-in; collects its log lines. */
export async function startBotAgainst(
  standIn: DiscordStandIn,
  dir: string,
  env: Record<string, string> = {},
  options: ContextOptions = {},
): Promise<RunningBot & { logs: string[] }> {
  const config = loadConfig(
    {
      DISCORD_TOKEN: TOKEN,
      DISCORD_APPLICATION_ID: APPLICATION_ID,
      DISCORD_API_URL: standIn.apiUrl,
      DATABASE_PATH: path.join(dir, 'bot.sqlite'),
      ASK_COOLDOWN_SECONDS: '0',
      ...env,
    },
    { dotenv: false },
  );
  const logs: string[] = [];
  const logger = createLogger('debug', [TOKEN], { write: (line: string) => void logs.push(line) });
  const bot = await startDiscordBot(config, logger, options);
  return Object.assign(bot, { logs });
}
