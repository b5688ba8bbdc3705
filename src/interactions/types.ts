import type { APIActionRowComponent, APIAllowedMentions, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import type { ChannelFacts } from '../domain/channel.ts';
import type { OptionNames } from './options.ts';

/**
 * The transport-neutral shape of everything a command handler sees and sends.
 * The Discord adapter (src/discord/) and the offline console (src/console/) both
 * implement it, so one set of handlers serves both.
 */
/** A file attached to a message; an embed shows an image one as `attachment://<name>`. */
export interface MessageFile {
  readonly name: string;
  readonly data: Buffer;
  /** Alt text, read out by screen readers. */
  readonly description?: string;
}

export interface MessagePayload {
  content?: string;
  embeds?: APIEmbed[];
  components?: Array<APIActionRowComponent<APIComponentInMessageActionRow>>;
  files?: readonly MessageFile[];
  /** Defaults to no mentions at all: user text can never ping anyone. */
  allowedMentions?: APIAllowedMentions;
}

export interface ReplyPayload extends MessagePayload {
  ephemeral?: boolean;
}

export interface AutocompleteChoicePayload {
  name: string;
  value: string;
}

export type Permission = 'ManageGuild' | 'ManageMessages' | 'UseExternalApps';

export interface UserRef {
  readonly id: string;
  readonly displayName: string;
}

/**
 * Where an interaction happened. `server`: a server that added the bot. `server-without-bot`:
 * a server the student's own install reaches, where the bot is no member (no channel access,
 * no gateway data). `bot-dm`: a DM with the bot. `private-channel`: any other DM or group DM.
 */
export type Place = 'server' | 'server-without-bot' | 'bot-dm' | 'private-channel';

export interface InteractionBase {
  readonly id: string;
  readonly user: UserRef;
  /** The guild as Discord sent it, even where the bot is no member: check `place` before server features. */
  readonly guildId: string | null;
  readonly channelId: string;
  readonly place: Place;
  /** Whether the member has this permission in the channel, per Discord. */
  can(permission: Permission): boolean;
}

/** A slash command use; `N` narrows the option names to those its command declares (see `options.ts`). */
export interface ChatInputInteraction<N extends OptionNames = OptionNames> extends InteractionBase {
  readonly commandName: string;
  readonly subcommandGroup: N['subcommandGroup'] | null;
  readonly subcommand: N['subcommand'] | null;
  string(name: N['string']): string | null;
  integer(name: N['integer']): number | null;
  boolean(name: N['boolean']): boolean | null;
  channel(name: N['channel']): ChannelFacts | null;
  role(name: N['role']): { id: string; name: string } | null;
  userOption(name: N['user']): UserRef | null;
  reply(payload: ReplyPayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
  readonly replied: boolean;
}

export interface AutocompleteInteraction extends InteractionBase {
  readonly commandName: string;
  readonly focused: { name: string; value: string };
  respond(choices: AutocompleteChoicePayload[]): Promise<void>;
}

export interface ButtonInteraction extends InteractionBase {
  readonly customId: string;
  readonly messageId: string;
  /** The embeds of the message the button sits on, as Discord sent them (for Share in channel). */
  readonly messageEmbeds: readonly APIEmbed[];
  /** Opens a form (a modal); it must be the first answer to the press. */
  showModal(modal: ModalPayload): Promise<void>;
  /** A new message in answer to the press (ephemeral: only the presser sees it). */
  reply(payload: ReplyPayload): Promise<void>;
  /** Replaces the message the button sits on. */
  update(payload: MessagePayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
  readonly replied: boolean;
}

/** A message context-menu command ("Explain with Levels Tutor") on one message. */
export interface MessageCommandInteraction extends InteractionBase {
  readonly commandName: string;
  /** The text of the message the command was used on (content, then any embed text). */
  readonly targetText: string;
  reply(payload: ReplyPayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
  readonly replied: boolean;
}

/** A form: a string select and text inputs, each under a label; `Field` names their ids, so a handler cannot read a field the form lacks. */
export interface ModalPayload<Field extends string = string> {
  readonly customId: string;
  readonly title: string;
  readonly fields: ReadonlyArray<
    | { readonly kind: 'select'; readonly id: Field; readonly label: string; readonly options: ReadonlyArray<{ label: string; value: string }> }
    | {
        readonly kind: 'text';
        readonly id: Field;
        readonly label: string;
        readonly required: boolean;
        readonly maxLength: number;
        readonly placeholder?: string;
      }
  >;
}

/** A submitted form: values by field id (a select's first chosen value). */
export interface ModalSubmitInteraction<Field extends string = string> extends InteractionBase {
  readonly customId: string;
  value(fieldId: Field): string | null;
  reply(payload: ReplyPayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
  readonly replied: boolean;
}

/** Posting outside of an interaction: quiz rounds, the term of the day, reminders. */
export interface Messenger {
  /** With a nonce, Discord posts at most once per nonce (`enforce_nonce`), however often the request is retried. */
  send(channelId: string, payload: MessagePayload, options?: { nonce?: string }): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void>;
  /** The id of the bot's DM channel with a user (Discord opens it, or returns the one open); absent offline. */
  openDm?(userId: string): Promise<string>;
}

/** What the bot can read of channels outside an interaction. */
export interface ChannelReader {
  /**
   * Messages' ids and the custom markers we put in their embeds' footers: the most recent ones,
   * or, with `since` (epoch ms), the first ones posted from that time on, however busy the channel.
   */
  recentMessages(channelId: string, limit: number, since?: number): Promise<Array<{ id: string; authorIsMe: boolean; footer: string | null }>>;
  channelFacts(guildId: string, channelId: string): Promise<ChannelFacts | null>;
}
