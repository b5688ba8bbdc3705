import type { RESTPostAPIChatInputApplicationCommandsJSONBody, RESTPostAPIContextMenuApplicationCommandsJSONBody } from 'discord-api-types/v10';
import type { CommandDefinition, OptionNames, OptionNamesOf } from '../interactions/options.ts';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputInteraction,
  MessageCommandInteraction,
  ModalSubmitInteraction,
} from '../interactions/types.ts';
import type { Logger } from '../logger.ts';
import type { AskFeedbackService } from '../services/ask-feedback.ts';
import type { KnowledgeHolder } from '../services/knowledge-holder.ts';
import type { PracticeService } from '../services/practice.ts';
import type { QuizManager } from '../services/quiz.ts';
import type { QuizRecords } from '../services/records.ts';
import type { SetupService } from '../services/setup.ts';
import type { StudyService } from '../services/study.ts';
import type { TermOfTheDayJob } from '../jobs/term-job.ts';
import type { Cooldowns } from './cooldowns.ts';

/** What `/help` lists: every registered command's name, description and examples. */
export interface CommandCatalog {
  readonly commands: ReadonlyArray<{ readonly data: { readonly name: string; readonly description: string }; readonly examples: readonly string[] }>;
  readonly messageCommands: ReadonlyArray<{ readonly summary: string }>;
}

/**
 * The services command handlers may use, built once at start-up. A handler gets only those its
 * module names in `needs`: the router hands it nothing else.
 */
export interface Services {
  readonly knowledge: KnowledgeHolder;
  readonly setup: SetupService;
  readonly askCooldowns: Cooldowns;
  readonly askFeedback: AskFeedbackService;
  readonly quizzes: QuizManager;
  readonly records: QuizRecords;
  readonly practice: PracticeService;
  readonly study: StudyService;
  readonly termJob: Pick<TermOfTheDayJob, 'todaysTerm'>;
  readonly logger: Logger;
  readonly now: () => number;
  readonly catalog: CommandCatalog;
}

export type Need = keyof Services;

/** What the bot registers and routes: passed in by the entry points, so this layer never imports the commands above it. */
export interface CommandRegistry {
  readonly commands: readonly CommandModule[];
  readonly messageCommands: readonly MessageCommandModule[];
  readonly components: readonly ComponentModule[];
}

/** One slash command: its definition for Discord, and its handlers, each given every service (a `define…` helper narrows them to the module's needs). */
export interface CommandModule<N extends OptionNames = OptionNames> {
  readonly data: RESTPostAPIChatInputApplicationCommandsJSONBody;
  /** For /help: one example per line, as a student would type it. */
  readonly examples: readonly string[];
  execute(interaction: ChatInputInteraction<N>, services: Services): Promise<void>;
  autocomplete?(interaction: AutocompleteInteraction, services: Services): Promise<void>;
  /** Presses on buttons whose custom id starts with `<command name>:`; `parts` are the rest, split on ":". */
  button?(interaction: ButtonInteraction, parts: readonly string[], services: Services): Promise<void>;
}

/** One message context-menu command ("Explain with Levels Tutor"). */
export interface MessageCommandModule {
  readonly data: RESTPostAPIContextMenuApplicationCommandsJSONBody;
  /** For /help: what it does, in one line. */
  readonly summary: string;
  execute(interaction: MessageCommandInteraction, services: Services): Promise<void>;
}

/** Buttons and forms whose custom id starts with `<prefix>:`, not tied to one command. */
export interface ComponentModule {
  readonly prefix: string;
  button?(interaction: ButtonInteraction, parts: readonly string[], services: Services): Promise<void>;
  modal?(interaction: ModalSubmitInteraction, parts: readonly string[], services: Services): Promise<void>;
}

/** The services a module declared, and no others. */
function only<K extends Need>(services: Services, needs: readonly K[]): Pick<Services, K> {
  const picked: Partial<Pick<Services, K>> = {};
  for (const need of needs) picked[need] = services[need];
  return picked as Pick<Services, K>;
}

type Narrowed<M, K extends Need> = {
  [P in keyof M]: M[P] extends ((...args: infer A) => infer R) | undefined
    ? A extends [...infer Head, Services]
      ? ((...args: [...Head, Pick<Services, K>]) => R) | Extract<M[P], undefined>
      : M[P]
    : M[P];
};

/** Every handler of a module, given only the services it needs. */
function narrow<M extends object, K extends Need>(module: Narrowed<M, K>, needs: readonly K[]): M {
  const wired: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(module)) {
    wired[key] =
      typeof value === 'function'
        ? (...args: unknown[]) => (value as (...a: unknown[]) => unknown)(...args.slice(0, -1), only(args.at(-1) as Services, needs))
        : value;
  }
  return wired as M;
}

/**
 * A slash command module whose handlers read only the options its definition declares (write the
 * definition inline as `data: { … } as const satisfies CommandDefinition`) and use only the services in `needs`.
 */
export function defineCommand<D extends CommandDefinition, const K extends Need>(
  command: { readonly needs: readonly K[]; readonly data: D } & Narrowed<Omit<CommandModule<OptionNamesOf<D>>, 'data'>, K>,
): CommandModule<OptionNamesOf<D>> {
  const { needs, data, ...handlers } = command;
  // `as const` only froze the literal for the type checker; Discord's JSON types are the same shape, mutable.
  return { ...narrow<Omit<CommandModule<OptionNamesOf<D>>, 'data'>, K>(handlers, needs), data: data as RESTPostAPIChatInputApplicationCommandsJSONBody };
}

export function defineMessageCommand<const K extends Need>(
  command: { readonly needs: readonly K[] } & Narrowed<MessageCommandModule, K>,
): MessageCommandModule {
  const { needs, ...module } = command;
  return narrow<MessageCommandModule, K>(module, needs);
}

export function defineComponent<const K extends Need>(component: { readonly needs: readonly K[] } & Narrowed<ComponentModule, K>): ComponentModule {
  const { needs, ...module } = component;
  return narrow<ComponentModule, K>(module, needs);
}
