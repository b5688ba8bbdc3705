import { COMMANDS, COMPONENTS, MESSAGE_COMMANDS } from '../../commands/index.ts';
import type { Config } from '../config.ts';
import { SetupService } from '../engines/setup.ts';
import type { Messenger } from '../interactions/types.ts';
import type { Logger } from '../logger.ts';
import { openStorage } from '../storage/index.ts';
import type { BotContext } from './command.ts';
import { Cooldowns } from './cooldowns.ts';
import { KnowledgeHolder } from './knowledge-holder.ts';
import { QuizManager } from './quiz-manager.ts';
import type { Random } from '../engines/quiz.ts';
import { TermOfTheDayJob } from '../jobs/term-job.ts';
import { StudyService } from './study.ts';
import { ReminderJob } from '../jobs/reminder-job.ts';

/** Boot order: knowledge (fails fast on a bad edit), then storage, then the services on top. */
export interface ContextOptions {
  readonly now?: () => number;
  readonly random?: Random;
  /** Pause before a quiz's first question and after each answer reveal. */
  readonly quizPauseMs?: number;
  /** Under sharding: whether this process serves a guild (scheduled work runs only for those). */
  readonly ownsGuild?: (guildId: string) => boolean;
}

export function createContext(config: Config, logger: Logger, messenger: Messenger, options: ContextOptions = {}): BotContext {
  const now = options.now ?? Date.now;
  const knowledge = new KnowledgeHolder(config.knowledgeDir, logger);
  const storage = openStorage(config.databasePath, now);
  const random = options.random ?? Math.random;
  const quizzes = new QuizManager({ storage, knowledge, messenger, logger, now, random, pauseMs: options.quizPauseMs ?? 3000 });
  return {
    knowledge,
    storage,
    setup: new SetupService(storage.settings),
    askCooldowns: new Cooldowns(config.askCooldownSeconds * 1000, now),
    quizzes,
    termJob: new TermOfTheDayJob({ storage, knowledge, messenger, logger, ownsGuild: options.ownsGuild ?? (() => true) }),
    study: new StudyService({ storage, now, logger }),
    reminders: new ReminderJob({ storage, messenger, logger }),
    messenger,
    logger,
    now,
    random,
    commands: COMMANDS,
    messageCommands: MESSAGE_COMMANDS,
    components: COMPONENTS,
  };
}
