import { ApplicationCommandOptionType, ComponentType, type APIEmbed } from 'discord-api-types/v10';
import type { ChannelFacts } from '../domain/channel.ts';
import { ReplyOnce } from '../interactions/reply-once.ts';
import type {
  ButtonInteraction,
  ChannelReader,
  ChatInputInteraction,
  MessageCommandInteraction,
  MessagePayload,
  Messenger,
  ModalPayload,
  ModalSubmitInteraction,
  ReplyPayload,
  UserRef,
} from '../interactions/types.ts';
import { KEPT_MESSAGES } from './buttons.ts';
import type { CommandData, Directory, Invocation } from './parse.ts';

/**
 * The console is one member in one text channel of a small server; ids look like Discord's.
 * The server's other channels and its role are there so that every `/setup` path can be tried.
 */
export const OFFLINE_GUILD = { id: '100000000000000001', name: 'offline' } as const;
export const STUDY_CHANNEL = { id: '100000000000000002', name: 'study-channel' } as const;
export const CONSOLE_USER: UserRef = { id: '100000000000000003', displayName: 'you' };

const CHANNELS: ReadonlyArray<{ readonly name: string; readonly facts: ChannelFacts }> = [
  { name: STUDY_CHANNEL.name, facts: { id: STUDY_CHANNEL.id, kind: 'text', botCanView: true, botCanSend: true } },
  { name: 'general', facts: { id: '100000000000000004', kind: 'text', botCanView: true, botCanSend: true } },
  { name: 'announcements', facts: { id: '100000000000000005', kind: 'announcement', botCanView: true, botCanSend: true } },
  { name: 'read-only', facts: { id: '100000000000000006', kind: 'text', botCanView: true, botCanSend: false } },
  { name: 'voice-lounge', facts: { id: '100000000000000007', kind: 'voice', botCanView: true, botCanSend: true } },
];
const ROLES = [{ id: '100000000000000008', name: 'students' }];

export const DIRECTORY: Directory = {
  channels: CHANNELS.map((c) => ({ id: c.facts.id, name: c.name })),
  roles: ROLES,
  users: [{ id: CONSOLE_USER.id, name: CONSOLE_USER.displayName }],
};

/** Names for rendering mentions. */
export const NAMES: Readonly<Record<string, string>> = Object.fromEntries(
  [...DIRECTORY.channels, ...DIRECTORY.roles, ...DIRECTORY.users].map((e) => [e.id, e.name]),
);

const factsOf = (channelId: string) => CHANNELS.find((c) => c.facts.id === channelId)?.facts ?? null;

/** How many earlier public messages the channel history remembers (for the daily post's footer check). */
const HISTORY = 50;

export interface ShownMessage {
  readonly messageId: string;
  /** The whole message as it now stands. */
  readonly payload: MessagePayload;
  readonly ephemeral: boolean;
  readonly edited: boolean;
}

/** An edit leaves out what it doesn't change, as Discord's PATCH does. */
function applyEdit(old: MessagePayload, edit: MessagePayload): MessagePayload {
  return {
    content: edit.content ?? old.content,
    embeds: edit.embeds ?? old.embeds,
    components: edit.components ?? old.components,
    files: edit.files ?? old.files,
    allowedMentions: edit.allowedMentions ?? old.allowedMentions,
  };
}

const hasPressableButton = (payload: MessagePayload) =>
  (payload.components ?? []).some((row) => row.components.some((c) => c.type === ComponentType.Button && 'custom_id' in c && c.disabled !== true));

/**
 * The offline server's one channel: keeps the messages whose buttons can still be pressed,
 * so edits and presses find them (at most a few: memory stays bounded however long the
 * session), and hands each new or changed message to `show`.
 */
export class OfflineChannel {
  private readonly messages = new Map<string, { payload: MessagePayload; ephemeral: boolean }>();
  /** The latest public (non-ephemeral) messages, oldest first, as Discord's channel history holds them. */
  private readonly history: Array<{ id: string; footer: string | null }> = [];
  private lastId = 100_000_000_000_010_000n;

  constructor(private readonly show: (message: ShownMessage) => void) {}

  nextId(): string {
    this.lastId += 1n;
    return String(this.lastId);
  }

  /** How many messages are held, for the memory bound. */
  get size(): number {
    return this.messages.size;
  }

  private keep(messageId: string, message: { payload: MessagePayload; ephemeral: boolean }): void {
    this.messages.delete(messageId);
    if (!hasPressableButton(message.payload)) return;
    this.messages.set(messageId, message);
    for (const oldest of this.messages.keys()) {
      if (this.messages.size <= KEPT_MESSAGES + 1) break;
      this.messages.delete(oldest);
    }
  }

  /** Posts a payload the router or the messenger has already fitted to Discord's limits. */
  post(payload: MessagePayload, ephemeral: boolean): string {
    const messageId = this.nextId();
    this.keep(messageId, { payload, ephemeral });
    if (!ephemeral) {
      this.history.push({ id: messageId, footer: payload.embeds?.[0]?.footer?.text ?? null });
      if (this.history.length > HISTORY) this.history.shift();
    }
    this.show({ messageId, payload, ephemeral, edited: false });
    return messageId;
  }

  edit(messageId: string, payload: MessagePayload): void {
    const message = this.messages.get(messageId);
    if (message === undefined) throw new Error(`Unknown Message ${messageId}`);
    const edited = { payload: applyEdit(message.payload, payload), ephemeral: message.ephemeral };
    this.keep(messageId, edited);
    this.show({ messageId, payload: edited.payload, ephemeral: edited.ephemeral, edited: true });
  }

  embedsOf(messageId: string): APIEmbed[] {
    return this.messages.get(messageId)?.payload.embeds ?? [];
  }

  recent(limit: number): Array<{ id: string; authorIsMe: boolean; footer: string | null }> {
    return this.history
      .slice(-limit)
      .reverse()
      .map(({ id, footer }) => ({ id, authorIsMe: true, footer }));
  }
}

function requireChannel(channelId: string): void {
  // What Discord answers for a channel the bot can't reach.
  if (channelId !== STUDY_CHANNEL.id) throw new Error(`Unknown Channel ${channelId}`);
}

/** Posts outside interactions (quiz rounds, the term of the day) into the offline channel. */
export class ConsoleMessenger implements Messenger, ChannelReader {
  constructor(private readonly channel: OfflineChannel) {}

  async send(channelId: string, payload: MessagePayload) {
    requireChannel(channelId);
    return { messageId: this.channel.post(payload, false) };
  }

  async edit(channelId: string, messageId: string, payload: MessagePayload) {
    requireChannel(channelId);
    this.channel.edit(messageId, payload);
  }

  async recentMessages(channelId: string, limit: number) {
    requireChannel(channelId);
    return this.channel.recent(limit);
  }

  async channelFacts(guildId: string, channelId: string) {
    return guildId === OFFLINE_GUILD.id ? factsOf(channelId) : null;
  }
}

function base(channel: OfflineChannel) {
  return {
    id: channel.nextId(),
    user: CONSOLE_USER,
    guildId: OFFLINE_GUILD.id,
    channelId: STUDY_CHANNEL.id,
    place: 'server' as const,
    // The console's user runs the place: Manage Server and Manage Messages included.
    can: () => true,
  };
}

/** What withReplyOnce adds. */
type Answering = 'reply' | 'followUp' | 'replied';

/** A typed slash command, with Discord's reply rules: one reply, then follow-ups. */
export function consoleChatInput(channel: OfflineChannel, invocation: Invocation): ChatInputInteraction {
  const option = (name: string) => invocation.options[name];
  return withReplyOnce<Omit<ChatInputInteraction, Answering>>(channel, {
    ...base(channel),
    commandName: invocation.commandName,
    subcommandGroup: invocation.subcommandGroup,
    subcommand: invocation.subcommand,
    string: (name) => {
      const value = option(name);
      return value?.kind === 'string' ? value.value : null;
    },
    integer: (name) => {
      const value = option(name);
      return value?.kind === 'integer' ? value.value : null;
    },
    boolean: (name) => {
      const value = option(name);
      return value?.kind === 'boolean' ? value.value : null;
    },
    channel: (name) => {
      const value = option(name);
      return value?.kind === 'channel' ? factsOf(value.id) : null;
    },
    role: (name) => {
      const value = option(name);
      const role = value?.kind === 'role' ? DIRECTORY.roles.find((r) => r.id === value.id) : undefined;
      return role === undefined ? null : { id: role.id, name: role.name };
    },
    userOption: (name: string) => (option(name)?.kind === 'user' ? CONSOLE_USER : null),
  });
}

/** A press on a button of message `messageId`; a form it opens goes to `onModal`. */
export function consoleButton(channel: OfflineChannel, customId: string, messageId: string, onModal: (modal: ModalPayload) => void): ButtonInteraction {
  const answering = new ReplyOnce();
  return withReplyOnce<Omit<ButtonInteraction, Answering>>(
    channel,
    {
      ...base(channel),
      customId,
      messageId,
      messageEmbeds: channel.embedsOf(messageId),
      showModal: async (modal: ModalPayload) => {
        answering.answer();
        onModal(modal);
      },
      update: async (payload: MessagePayload) => {
        answering.answer();
        channel.edit(messageId, payload);
      },
    },
    answering,
  );
}

/**
 * `rest` with a reply-once answering half, with Discord's rules (`answering`, shared with any
 * other first answer `rest` has). The getter is defined here, not spread in: spreading an
 * object copies a getter's value once, freezing `replied`.
 */
function withReplyOnce<T extends object>(channel: OfflineChannel, rest: T, answering = new ReplyOnce()) {
  return {
    ...rest,
    reply: async (payload: ReplyPayload) => {
      answering.answer();
      channel.post(payload, payload.ephemeral ?? false);
    },
    followUp: async (payload: ReplyPayload) => {
      answering.followUp();
      channel.post(payload, payload.ephemeral ?? false);
    },
    get replied() {
      return answering.replied;
    },
  };
}

/** Offline, a message command runs on typed text: `/explain text: …` stands for right-click → Apps → the command. */
export const TYPED_MESSAGE_COMMANDS: ReadonlyMap<string, { readonly commandName: string; readonly data: CommandData }> = new Map([
  [
    'explain',
    {
      commandName: 'Explain with Levels Tutor',
      data: {
        name: 'explain',
        description: 'Explain with Levels Tutor, on a typed message',
        options: [{ type: ApplicationCommandOptionType.String, name: 'text', description: 'The message to explain', required: true }],
      },
    },
  ],
]);

export function consoleMessageCommand(channel: OfflineChannel, commandName: string, targetText: string): MessageCommandInteraction {
  return withReplyOnce(channel, { ...base(channel), commandName, targetText });
}

/** A form as a one-line command: each field an option (`reason: wrong comment: …`), a select's values as its choices. */
export function formCommand(modal: ModalPayload): CommandData {
  return {
    name: 'form',
    description: modal.title,
    options: modal.fields.map((field) =>
      field.kind === 'select'
        ? {
            type: ApplicationCommandOptionType.String,
            name: field.id,
            description: field.label,
            required: true,
            choices: field.options.map((o) => ({ name: o.label, value: o.value })),
          }
        : { type: ApplicationCommandOptionType.String, name: field.id, description: field.label, required: field.required, max_length: field.maxLength },
    ),
  };
}

export function consoleModalSubmit(channel: OfflineChannel, customId: string, values: ReadonlyMap<string, string>): ModalSubmitInteraction {
  return withReplyOnce(channel, { ...base(channel), customId, value: (fieldId: string) => values.get(fieldId) ?? null });
}
