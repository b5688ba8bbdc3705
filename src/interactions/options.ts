import type { ApplicationCommandOptionType, RESTPostAPIChatInputApplicationCommandsJSONBody } from 'discord-api-types/v10';

type DeepReadonly<T> = T extends (infer E)[] ? readonly DeepReadonly<E>[] : T extends object ? { readonly [K in keyof T]: DeepReadonly<T[K]> } : T;

/**
 * A slash command definition as Discord's API takes it, readonly so that a definition written
 * `{ … } as const satisfies CommandDefinition` keeps its option names as literal types.
 */
export type CommandDefinition = DeepReadonly<RESTPostAPIChatInputApplicationCommandsJSONBody>;

/** The names a handler may read, by option kind; `string` everywhere when nothing is known. */
export interface OptionNames {
  readonly subcommandGroup: string;
  readonly subcommand: string;
  readonly string: string;
  readonly integer: string;
  readonly boolean: string;
  readonly channel: string;
  readonly role: string;
  readonly user: string;
}

type Nested = ApplicationCommandOptionType.Subcommand | ApplicationCommandOptionType.SubcommandGroup;
type OptionsIn<D> = D extends { readonly options?: readonly (infer O)[] } ? O : never;
/** Every option of a definition, through its subcommand groups and subcommands. */
type AllOptions<O> = O extends { readonly type: Nested } ? O | AllOptions<OptionsIn<O>> : O;
type NamesOfType<D, T extends ApplicationCommandOptionType> = Extract<AllOptions<OptionsIn<D>>, { readonly type: T; readonly name: string }>['name'];

/** The option names a definition declares, so reading a misspelt or mistyped option does not compile. */
export interface OptionNamesOf<D extends CommandDefinition> extends OptionNames {
  readonly subcommandGroup: NamesOfType<D, ApplicationCommandOptionType.SubcommandGroup>;
  readonly subcommand: NamesOfType<D, ApplicationCommandOptionType.Subcommand>;
  readonly string: NamesOfType<D, ApplicationCommandOptionType.String>;
  readonly integer: NamesOfType<D, ApplicationCommandOptionType.Integer>;
  readonly boolean: NamesOfType<D, ApplicationCommandOptionType.Boolean>;
  readonly channel: NamesOfType<D, ApplicationCommandOptionType.Channel>;
  readonly role: NamesOfType<D, ApplicationCommandOptionType.Role>;
  readonly user: NamesOfType<D, ApplicationCommandOptionType.User>;
}
