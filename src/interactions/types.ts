import type { APIActionRowComponent, APIAllowedMentions, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';
import type { ChannelFacts } from '../engines/setup.ts';
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

export type Permission = 'ManageGuild' | 'ManageMessages';

export interface UserRef {
  readonly id: string;
  readonly displayName: string;
}

export interface InteractionBase {
  readonly id: string;
  readonly user: UserRef;
  readonly guildId: string | null;
  readonly channelId: string;
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
  /** A new message in answer to the press (ephemeral: only the presser sees it). */
  reply(payload: ReplyPayload): Promise<void>;
  /** Replaces the message the button sits on. */
  update(payload: MessagePayload): Promise<void>;
  followUp(payload: ReplyPayload): Promise<void>;
  readonly replied: boolean;
}

/** Posting outside of an interaction: quiz rounds, the term of the day. */
export interface Messenger {
  /** With a nonce, Discord posts at most once per nonce (`enforce_nonce`), however often the request is retried. */
  send(channelId: string, payload: MessagePayload, options?: { nonce?: string }): Promise<{ messageId: string }>;
  edit(channelId: string, messageId: string, payload: MessagePayload): Promise<void>;
  /**
   * Messages' ids and the custom markers we put in their embeds' footers: the most recent ones,
   * or, with `since` (epoch ms), the first ones posted from that time on, however busy the channel.
   */
  recentMessages(channelId: string, limit: number, since?: number): Promise<Array<{ id: string; authorIsMe: boolean; footer: string | null }>>;
  channelFacts(guildId: string, channelId: string): Promise<ChannelFacts | null>;
}
