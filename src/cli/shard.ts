import { runCli } from './run-cli.ts';
import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { runDiscordBot } from '../discord/run.ts';

// Entry point of one shard process under the ShardingManager (see src/index.ts).
runCli(async () => {
  const config = loadConfig();
  await runDiscordBot(config, createLogger(config.logLevel, [config.discord?.token ?? '']));
  return 0;
});
