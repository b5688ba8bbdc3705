import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ShardingManager } from 'discord.js';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';
import { startDiscordBot } from './bot.ts';

/** Runs one bot process until SIGINT/SIGTERM, then shuts down cleanly. */
export async function runDiscordBot(config: Config, logger: Logger): Promise<void> {
  const bot = await startDiscordBot(config, logger);
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    bot.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // Last line of defence: a promise nobody awaited is logged, never fatal.
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled promise rejection'));
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

/** Above one shard, each of this host's shards runs in its own process under discord.js's ShardingManager. */
export async function runShardedBot(config: Config, logger: Logger): Promise<void> {
  const discord = config.discord!;
  // The shard entry point among the others in cli/: shard.js when running the build, shard.ts (through tsx) from source.
  const self = fileURLToPath(import.meta.url);
  const extension = path.extname(self);
  const manager = new ShardingManager(path.join(path.dirname(self), '..', 'cli', `shard${extension}`), {
    token: discord.token,
    totalShards: config.shardCount,
    // Several hosts split the shards: this one runs only its own.
    shardList: [...config.shardIds],
    execArgv: extension === '.ts' ? ['--import', 'tsx'] : [],
  });
  manager.on('shardCreate', (shard) => logger.info({ shard: shard.id }, 'shard started'));
  await manager.spawn();
}
