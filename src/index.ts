import { runCli } from './cli/run-cli.ts';
import { loadConfig } from './config.ts';
import { runConsole } from './console/run-console.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise the offline console. */
runCli(async () => {
  const config = loadConfig();
  if (config.discord !== null) {
    const logger = createLogger(config.logLevel, [config.discord.token]);
    // Imported only here: the offline console never loads discord.js.
    const { runDiscordBot, runShardedBot } = await import('./discord/run.ts');
    await (config.shardCount > 1 ? runShardedBot(config, logger) : runDiscordBot(config, logger));
    return 0;
  }
  const code = await runConsole(config, {
    input: process.stdin,
    terminal: process.stdin.isTTY ? process.stdout : null,
    write: (text) => process.stdout.write(text),
    writeLog: (text) => process.stderr.write(text),
  });
  // The session is over even if a timer is still scheduled: leave once the output is flushed.
  await new Promise<void>((resolve) => process.stdout.write('', () => resolve()));
  process.exit(code);
});
