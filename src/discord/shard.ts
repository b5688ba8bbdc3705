import { loadConfig } from '../config.ts';
import { createLogger } from '../logger.ts';
import { runDiscordBot } from './run.ts';

// Entry point of one shard process under the ShardingManager (see src/index.ts).
const config = loadConfig();
void runDiscordBot(config, createLogger(config.logLevel, [config.discord?.token ?? '']));
