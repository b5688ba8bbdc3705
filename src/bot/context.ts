import { COMMANDS } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { SetupService } from '../engines/setup.ts';
import type { Messenger } from '../interactions/types.ts';
import type { Logger } from '../logger.ts';
import { openStorage } from '../storage/index.ts';
import type { BotContext } from './command.ts';
import { Cooldowns } from './cooldowns.ts';
import { KnowledgeHolder } from './knowledge-holder.ts';

/** Boot order: knowledge (fails fast on a bad edit), then storage, then the services on top. */
export function createContext(config: Config, logger: Logger, messenger: Messenger, now: () => number = Date.now): BotContext {
  const knowledge = new KnowledgeHolder(config.knowledgeDir, logger);
  const storage = openStorage(config.databasePath, now);
  return {
    knowledge,
    storage,
    setup: new SetupService(storage.settings),
    askCooldowns: new Cooldowns(config.askCooldownSeconds * 1000, now),
    messenger,
    logger,
    now,
    commands: COMMANDS,
  };
}
