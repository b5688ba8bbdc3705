import { hostname } from 'node:os';
import type { Config } from '../config.ts';
import type { Random } from '../engines/random.ts';
import type { ChannelReader, Messenger } from '../interactions/types.ts';
import { ReminderJob } from '../jobs/reminder-job.ts';
import { TermOfTheDayJob } from '../jobs/term-job.ts';
import type { Logger } from '../logger.ts';
import { AskFeedbackService } from '../services/ask-feedback.ts';
import { KnowledgeHolder } from '../services/knowledge-holder.ts';
import { PracticeService } from '../services/practice.ts';
import { QuizManager } from '../services/quiz.ts';
import { QuizRecords } from '../services/records.ts';
import { SetupService } from '../services/setup.ts';
import { StudyService } from '../services/study.ts';
import { openStorage, type Storage } from '../storage/index.ts';
import type { CommandRegistry, Services } from './command.ts';
import { Cooldowns } from './cooldowns.ts';
import { fitMessages } from './outgoing.ts';

/** Boot order: knowledge (fails fast on a bad edit), then storage, then the services on top. */
export interface ContextOptions {
  readonly now?: () => number;
  readonly random?: Random;
  /** Pause before a quiz's first question and after each answer reveal. */
  readonly quizPauseMs?: number;
  /** Under sharding: whether this process serves a guild (scheduled work runs only for those). */
  readonly ownsGuild?: (guildId: string) => boolean;
  /** Names this process's claims on shared work (host and shards): see TermOfTheDayJob. */
  readonly instance?: string;
}

/** A running bot's parts: the services commands use, and what the transports and start-up drive. */
export interface BotContext extends Services, CommandRegistry {
  readonly storage: Storage;
  /** The transport's posting and channel reading, every payload fitted to Discord's limits. */
  readonly messenger: Messenger & ChannelReader;
  readonly termJob: TermOfTheDayJob;
  readonly reminders: ReminderJob;
}

/** The same for a process and its restarts, different for every other process: its host and its shards. */
export function instanceName(shardIds: readonly number[]): string {
  return `${hostname()}/shards ${shardIds.join(',')}`;
}

export async function createContext(
  config: Config,
  logger: Logger,
  transport: Messenger & ChannelReader,
  registry: CommandRegistry,
  options: ContextOptions = {},
): Promise<BotContext> {
  const messenger = fitMessages(transport);
  const now = options.now ?? Date.now;
  const random = options.random ?? Math.random;
  const knowledge = new KnowledgeHolder(config.knowledgeDir, logger);
  const storage = await openStorage(config.databaseUrl ?? config.databasePath, now);
  const study = new StudyService({
    students: storage.students,
    settings: storage.settings,
    practice: storage.practice,
    now,
    logger,
    sendsDms: messenger.openDm !== undefined,
  });
  return {
    knowledge,
    storage,
    messenger,
    logger,
    now,
    setup: new SetupService(storage.settings, (guildId, channelId) => messenger.channelFacts(guildId, channelId)),
    askCooldowns: new Cooldowns(config.askCooldownSeconds * 1000, now),
    askFeedback: new AskFeedbackService({ askLog: storage.askLog, picks: storage.picks, itemReports: storage.itemReports, now }),
    quizzes: new QuizManager({
      quizzes: storage.quiz,
      settings: storage.settings,
      knowledge,
      messenger,
      channels: messenger,
      logger,
      now,
      random,
      pauseMs: options.quizPauseMs ?? 3000,
    }),
    records: new QuizRecords({ quizzes: storage.quiz, reports: storage.report }),
    practice: new PracticeService({ practice: storage.practice, knowledge, study, now, random }),
    study,
    termJob: new TermOfTheDayJob({
      storage,
      knowledge,
      messenger,
      channels: messenger,
      logger,
      ownsGuild: options.ownsGuild ?? (() => true),
      instance: options.instance ?? instanceName(config.shardIds),
    }),
    reminders: new ReminderJob({ storage, messenger, channels: messenger, logger }),
    catalog: registry,
    ...registry,
  };
}
