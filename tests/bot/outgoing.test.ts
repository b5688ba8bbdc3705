import { describe, expect, test } from 'vitest';
import { SinkChatInput } from '../../src/bench/sink.ts';
import { fitMessages, fitReplies } from '../../src/bot/outgoing.ts';
import type { ChannelReader, MessagePayload, Messenger } from '../../src/interactions/types.ts';

const tooLong = { content: 'x'.repeat(3000), embeds: [{ title: 't'.repeat(300) }] };

describe('every payload is fitted once, above the transports', () => {
  test('replies and follow-ups are cut to Discord’s limits and mention nobody; replied reads through', async () => {
    const sink = new SinkChatInput('1', { id: 'u', displayName: 'U' }, 'ask', {});
    const interaction = fitReplies(sink);
    expect(interaction.replied).toBe(false);
    await interaction.reply(tooLong);
    expect(interaction.replied).toBe(true);
    await interaction.followUp({ content: '<@&1> ping', allowedMentions: { parse: [], roles: ['1'] } });
    expect(sink.sent.map((p) => [p.content?.length, p.embeds?.[0]?.title?.length, p.allowedMentions])).toEqual([
      [2000, 256, { parse: [] }],
      [10, undefined, { parse: [], roles: ['1'] }],
    ]);
  });

  test('posts and edits outside interactions are fitted too; reading channels passes through', async () => {
    const sent: MessagePayload[] = [];
    const transport: Messenger & ChannelReader = {
      send: async (_channelId, payload) => {
        sent.push(payload);
        return { messageId: 'm' };
      },
      edit: async (_channelId, _messageId, payload) => void sent.push(payload),
      recentMessages: async () => [{ id: 'r', authorIsMe: true, footer: 'marker' }],
      channelFacts: async (_guildId, channelId) => ({ id: channelId, kind: 'text', botCanView: true, botCanSend: true }),
    };
    const messenger = fitMessages(transport);
    expect(await messenger.send('c', tooLong)).toEqual({ messageId: 'm' });
    await messenger.edit('c', 'm', tooLong);
    expect(sent.map((p) => [p.content?.length, p.allowedMentions])).toEqual([
      [2000, { parse: [] }],
      [2000, { parse: [] }],
    ]);
    expect(messenger.openDm).toBeUndefined();
    expect(await messenger.recentMessages('c', 5)).toEqual([{ id: 'r', authorIsMe: true, footer: 'marker' }]);
    expect((await messenger.channelFacts('g', 'c'))?.id).toBe('c');
  });
});
