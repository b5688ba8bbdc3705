import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { SetupService } from '../engines/setup.ts';
import type { CommandDefinition, OptionNames, OptionNamesOf } from '../interactions/options.ts';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputInteraction, MessageCommandInteraction, Messenger, ModalSubmitInteraction } from '../interactions/types.ts';
import type { Logger } from '../logger.ts';
import type { Storage } from '../storage/index.ts';
import type { Cooldowns } from './cooldowns.ts';
import type { KnowledgeHolder } from './knowledge-holder.ts';
import type { QuizManager } from './quiz-manager.ts';
import type { TermOfTheDayJob } from '../jobs/term-job.ts';
import type { ReminderJob } from '../jobs/reminder-job.ts';
import type { Random } from '../engines/quiz.ts';
import type { StudyService } from './study.ts';

/** Everything a command handler may use; built once at start-up. */
export interface BotContext {
  readonly knowledge: KnowledgeHolder;
  readonly storage: Storage;
  readonly setup: SetupService;
  readonly askCooldowns: Cooldowns;
  readonly quizzes: QuizManager;
  readonly termJob: TermOfTheDayJob;
  readonly study: StudyService;
  readonly reminders: ReminderJob;
  readonly messenger: Messenger;
  readonly logger: Logger;
  readonly now: () => number;
  readonly random: Random;
  /** Every registered slash command, for /help. */
  readonly commands: readonly CommandModule[];
  /** Every registered message context-menu command. */
  readonly messageCommands: readonly MessageCommandModule[];
  /** Buttons and forms shared by many replies (Share in channel, Report a problem). */
  readonly components: readonly ComponentModule[];
}

/** One slash command: its definition for Discord, and its handlers. */
export interface CommandModule<N extends OptionNames = OptionNames> {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** For /help: one example per line, as a student would type it. */
  readonly examples: readonly string[];
  execute(interaction: ChatInputInteraction<N>, context: BotContext): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, context: BotContext): Promise<void>;
  /** Presses on buttons whose custom id starts with `<command name>:`; `parts` are the rest, split on ":". */
  button?(interaction: ButtonInteraction, parts: readonly string[], context: BotContext): Promise<void>;
}

/**
 * A command module whose handler reads only the options its definition declares: write the
 * definition inline as `data: { … } as const satisfies CommandDefinition`.
 */
export function defineCommand<D extends CommandDefinition>(command: Omit<CommandModule<OptionNamesOf<D>>, 'data'> & { readonly data: D }): CommandModule<OptionNamesOf<D>> {
  // `as const` only froze the literal for the type checker; Discord's JSON types are the same shape, mutable.
  return { ...command, data: command.data as RESTPostAPIChatInputApplicationCommandsJSONBody };
}

/** One message context-menu command ("Explain with Levels Tutor"). */
export interface MessageCommandModule {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  /** For /help: what it does, in one line. */
  readonly summary: string;
  execute(interaction: MessageCommandInteraction, context: BotContext): Promise<void>;
}

/** Buttons and forms whose custom id starts with `<prefix>:`, not tied to one command. */
export interface ComponentModule {
  readonly prefix: string;
  button?(interaction: ButtonInteraction, parts: readonly string[], context: BotContext): Promise<void>;
  modal?(interaction: ModalSubmitInteraction, parts: readonly string[], context: BotContext): Promise<void>;
}
