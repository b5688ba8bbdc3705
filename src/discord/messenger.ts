import { Routes, type APIChannel, type APIMessage } from 'discord-api-types/v10';
import { SnowflakeUtil, type Client } from 'discord.js';
import type { ChannelReader, MessagePayload, Messenger } from '../interactions/types.ts';
import { channelFacts } from './adapter.ts';
import { apiMessage } from './payload.ts';

const PAGE = 100;
const DISCORD_EPOCH = 1_420_070_400_000;

/** Posts outside interactions through Discord's REST API (no cache needed). */
export class DiscordMessenger implements Messenger, ChannelReader {
  constructor(private readonly client: Client) {}

  async send(channelId: string, payload: MessagePayload, options: { nonce?: string } = {}) {
    const nonce = options.nonce === undefined ? {} : { nonce: options.nonce, enforce_nonce: true };
    const { body, files } = apiMessage(payload);
    const message = (await this.client.rest.post(Routes.channelMessages(channelId), { body: { ...body, ...nonce }, files })) as APIMessage;
    return { messageId: message.id };
  }

  async edit(channelId: string, messageId: string, payload: MessagePayload) {
    await this.client.rest.patch(Routes.channelMessage(channelId, messageId), apiMessage(payload));
  }

  async recentMessages(channelId: string, limit: number, since?: number) {
    const summary = (m: APIMessage) => ({ id: m.id, authorIsMe: m.author.id === this.client.user?.id, footer: m.embeds[0]?.footer?.text ?? null });
    const page = async (query: Record<string, string>) =>
      (await this.client.rest.get(Routes.channelMessages(channelId), { query: new URLSearchParams(query) })) as APIMessage[];
    if (since === undefined) return (await page({ limit: String(Math.min(limit, PAGE)) })).map(summary);
    // Paged forwards from a snowflake for that instant: chat after the post cannot push it out of view.
    const found: APIMessage[] = [];
    let after = SnowflakeUtil.generate({ timestamp: Math.max(DISCORD_EPOCH, since) }).toString();
    while (found.length < limit) {
      const batch = await page({ limit: String(PAGE), after });
      found.push(...batch);
      if (batch.length < PAGE) break;
      after = batch.reduce((max, m) => (BigInt(m.id) > BigInt(max) ? m.id : max), after);
    }
    return found.slice(0, limit).map(summary);
  }

  async openDm(userId: string) {
    const channel = (await this.client.rest.post(Routes.userChannels(), { body: { recipient_id: userId } })) as APIChannel;
    return channel.id;
  }

  async channelFacts(guildId: string, channelId: string) {
    return channelFacts(this.client, this.client.guilds.cache.get(guildId)?.channels.cache.get(channelId));
  }
}
