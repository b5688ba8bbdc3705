import {
  ChannelType,
  ComponentType,
  InteractionContextType,
  TextInputStyle,
  PermissionFlagsBits,
  type AutocompleteInteraction as DjsAutocomplete,
  type ButtonInteraction as DjsButton,
  type ChatInputCommandInteraction as DjsChatInput,
  type Client,
  type GuildBasedChannel,
  type Interaction,
  type MessageContextMenuCommandInteraction as DjsMessageCommand,
  type ModalSubmitInteraction as DjsModalSubmit,
  type User,
} from 'discord.js';
import type { APIModalInteractionResponseCallbackData } from 'discord-api-types/v10';
import type { ChannelFacts } from '../domain/channel.ts';
import type {
  AutocompleteInteraction,
  ButtonInteraction,
  ChatInputInteraction,
  MessageCommandInteraction,
  ModalPayload,
  ModalSubmitInteraction,
  Permission,
  Place,
  ReplyPayload,
  UserRef,
} from '../interactions/types.ts';
import { interactionMessage } from './payload.ts';

/** What the bot can do in a guild channel, from the gateway cache. */
export function channelFacts(client: Client, channel: GuildBasedChannel | null | undefined): ChannelFacts | null {
  if (!channel) return null;
  const kinds: Partial<Record<ChannelType, ChannelFacts['kind']>> = {
    [ChannelType.GuildText]: 'text',
    [ChannelType.GuildAnnouncement]: 'announcement',
    [ChannelType.PublicThread]: 'thread',
    [ChannelType.PrivateThread]: 'thread',
    [ChannelType.AnnouncementThread]: 'thread',
    [ChannelType.GuildVoice]: 'voice',
    [ChannelType.GuildStageVoice]: 'stage',
    [ChannelType.GuildCategory]: 'category',
    [ChannelType.GuildForum]: 'forum',
  };
  const me = client.user ? channel.guild.members.me : null;
  const permissions = me ? channel.permissionsFor(me) : null;
  return {
    id: channel.id,
    kind: kinds[channel.type] ?? 'other',
    botCanView: permissions?.has(PermissionFlagsBits.ViewChannel) ?? false,
    botCanSend: permissions?.has([PermissionFlagsBits.SendMessages, PermissionFlagsBits.EmbedLinks]) ?? false,
    botCanReadHistory: permissions?.has(PermissionFlagsBits.ReadMessageHistory) ?? false,
  };
}

function userRef(user: User, displayName?: string | null): UserRef {
  return { id: user.id, displayName: displayName ?? user.globalName ?? user.username };
}

type AnyInteraction = DjsChatInput | DjsButton | DjsAutocomplete | DjsMessageCommand | DjsModalSubmit;

function can(interaction: AnyInteraction, permission: Permission): boolean {
  return interaction.memberPermissions?.has(PermissionFlagsBits[permission]) ?? false;
}

/**
 * Where an interaction happened, from what the bot already knows: a server is the bot's when
 * the gateway announced it (the bot is a member there; under sharding, its guilds' interactions
 * come to its own shard). A user install, or a server install without the `bot` scope, reaches
 * servers where it is no member; a DM is the bot's own unless Discord says it is another one.
 */
export function placeOf(interaction: Interaction): Place {
  if (interaction.guildId !== null) return interaction.client.guilds.cache.has(interaction.guildId) ? 'server' : 'server-without-bot';
  return interaction.context === InteractionContextType.PrivateChannel ? 'private-channel' : 'bot-dm';
}

function base(interaction: AnyInteraction) {
  const member = interaction.member;
  const nick = member && 'displayName' in member ? member.displayName : (member?.nick ?? null);
  return {
    id: interaction.id,
    user: userRef(interaction.user, nick),
    guildId: interaction.guildId,
    channelId: interaction.channelId ?? '',
    place: placeOf(interaction),
    can: (permission: Permission) => can(interaction, permission),
  };
}

function modalData(modal: ModalPayload): APIModalInteractionResponseCallbackData {
  return {
    custom_id: modal.customId,
    title: modal.title,
    components: modal.fields.map((field) => ({
      type: ComponentType.Label,
      label: field.label,
      component:
        field.kind === 'select'
          ? {
              type: ComponentType.StringSelect,
              custom_id: field.id,
              options: field.options.map((o) => ({ ...o })),
              min_values: 1,
              max_values: 1,
              required: true,
            }
          : {
              type: ComponentType.TextInput,
              custom_id: field.id,
              style: TextInputStyle.Paragraph,
              required: field.required,
              max_length: field.maxLength,
              placeholder: field.placeholder,
            },
    })),
  };
}

type Replying = DjsChatInput | DjsButton | DjsMessageCommand | DjsModalSubmit;
type Replies = Pick<ChatInputInteraction, 'reply' | 'followUp' | 'replied'>;

/**
 * Adds the reply methods every answerable interaction shares. `replied` stays a live getter,
 * which a spread would freeze at its first value; the methods stay writable like any object's,
 * so that bot/outgoing.ts can fit them.
 */
function replying<R extends Replies>(interaction: Replying, fields: Omit<R, keyof Replies>): R {
  return Object.defineProperties(fields, {
    reply: {
      enumerable: true,
      writable: true,
      value: async (payload: ReplyPayload) => {
        await interaction.reply(interactionMessage(interaction, payload));
      },
    },
    followUp: {
      enumerable: true,
      writable: true,
      value: async (payload: ReplyPayload) => {
        await interaction.followUp(interactionMessage(interaction, payload));
      },
    },
    replied: { enumerable: true, get: () => interaction.replied || interaction.deferred },
  }) as R;
}

export function toChatInput(interaction: DjsChatInput): ChatInputInteraction {
  const options = interaction.options;
  return replying<ChatInputInteraction>(interaction, {
    ...base(interaction),
    commandName: interaction.commandName,
    subcommandGroup: options.getSubcommandGroup(false),
    subcommand: options.getSubcommand(false),
    string: (name) => options.getString(name),
    integer: (name) => options.getInteger(name),
    boolean: (name) => options.getBoolean(name),
    channel: (name) => {
      const resolved = options.getChannel(name);
      if (resolved === null) return null;
      const cached = interaction.guild?.channels.cache.get(resolved.id);
      return channelFacts(interaction.client, cached) ?? { id: resolved.id, kind: 'other', botCanView: false, botCanSend: false };
    },
    role: (name) => {
      const role = options.getRole(name);
      return role ? { id: role.id, name: role.name } : null;
    },
    userOption: (name) => {
      const user = options.getUser(name);
      return user ? userRef(user) : null;
    },
  });
}

/** Null when Discord sent no focused option (a forged or malformed autocomplete). */
export function toAutocomplete(interaction: DjsAutocomplete): AutocompleteInteraction | null {
  let focused: { name: string; value: unknown };
  try {
    focused = interaction.options.getFocused(true);
  } catch {
    return null;
  }
  return {
    ...base(interaction),
    commandName: interaction.commandName,
    focused: { name: focused.name, value: String(focused.value) },
    respond: async (choices) => {
      if (!interaction.responded) await interaction.respond(choices);
    },
  };
}

export function toButton(interaction: DjsButton): ButtonInteraction {
  return replying<ButtonInteraction>(interaction, {
    ...base(interaction),
    customId: interaction.customId,
    messageId: interaction.message.id,
    messageEmbeds: interaction.message.embeds.map((embed) => embed.toJSON()),
    showModal: async (modal) => {
      await interaction.showModal(modalData(modal));
    },
    update: async (payload) => {
      await interaction.update(interactionMessage(interaction, payload));
    },
  });
}

export function toMessageCommand(interaction: DjsMessageCommand): MessageCommandInteraction {
  const message = interaction.targetMessage;
  const embedText = message.embeds.flatMap((embed) => [embed.title, embed.description, ...embed.fields.map((f) => `${f.name}: ${f.value}`)]).filter((t) => t);
  return replying<MessageCommandInteraction>(interaction, {
    ...base(interaction),
    commandName: interaction.commandName,
    targetText: [message.content, ...embedText].filter((t) => t).join('\n'),
  });
}

export function toModalSubmit(interaction: DjsModalSubmit): ModalSubmitInteraction {
  return replying<ModalSubmitInteraction>(interaction, {
    ...base(interaction),
    customId: interaction.customId,
    value: (fieldId) => {
      // A field the form never had (a forged submit) reads as empty, not as an error.
      const field = interaction.fields.fields.get(fieldId);
      if (field === undefined) return null;
      if ('values' in field && Array.isArray(field.values)) return field.values[0] ?? null;
      return 'value' in field && typeof field.value === 'string' ? field.value : null;
    },
  });
}
