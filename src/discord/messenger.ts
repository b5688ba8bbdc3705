import { Routes, type APIChannel, type APIMessage } from 'discord-api-types/v10';
import type { Client } from 'discord.js';
import { fitPayload } from '../format/limits.ts';
import type { MessagePayload, Messenger } from '../interactions/types.ts';
import { channelFacts } from './adapter.ts';

function body(payload: MessagePayload) {
  const fitted = fitPayload(payload);
  return { content: fitted.content, embeds: fitted.embeds, components: fitted.components, allowed_mentions: fitted.allowedMentions };
}

/** Posts outside interactions through Discord's REST API (no cache needed). */
export class DiscordMessenger implements Messenger {
  constructor(private readonly client: Client) {}

  async send(channelId: string, payload: MessagePayload) {
    const message = (await this.client.rest.post(Routes.channelMessages(channelId), { body: body(payload) })) as APIMessage;
    return { messageId: message.id };
  }

  async edit(channelId: string, messageId: string, payload: MessagePayload) {
    await this.client.rest.patch(Routes.channelMessage(channelId, messageId), { body: body(payload) });
  }

  async recentMessages(channelId: string, limit: number) {
    const messages = (await this.client.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams({ limit: String(limit) }) })) as APIMessage[];
    return messages.map((m) => ({ id: m.id, authorIsMe: m.author.id === this.client.user?.id, footer: m.embeds[0]?.footer?.text ?? null }));
  }

  async openDm(userId: string) {
    const channel = (await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    return channel.id;
  }

  async channelFacts(guildId: string, channelId: string) {
    return channelFacts(this.client, this.client.guilds.cache.get(guildId)?.channels.cache.get(channelId));
  }
}
