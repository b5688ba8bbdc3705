import type { ChannelFacts } from '../domain/channel.ts';

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "7:05" → "07:05"; anything that is not a 24-hour clock time → null. */
export function parseTime(input: string): string | null {
  const match = TIME.exec(input.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/** Why the bot cannot use a channel: `src/format/setup.ts` says it to the admin. */
export type ChannelProblem = 'voice' | 'category' | 'not-text' | 'cannot-view' | 'cannot-send' | 'cannot-read-history' | 'gone';

/** Why the bot cannot use a channel for posting, or null when it can. */
export function channelProblem(channel: ChannelFacts): ChannelProblem | null {
  if (channel.kind === 'voice' || channel.kind === 'stage') return 'voice';
  if (channel.kind === 'category') return 'category';
  if (channel.kind === 'forum' || channel.kind === 'other') return 'not-text';
  if (!channel.botCanView) return 'cannot-view';
  if (!channel.botCanSend) return 'cannot-send';
  return null;
}

/** Why the bot cannot post the term of the day in a channel (it reads the history so a term is never posted twice), or null when it can. */
export function termChannelProblem(channel: ChannelFacts): ChannelProblem | null {
  return channelProblem(channel) ?? (channel.botCanReadHistory === false ? 'cannot-read-history' : null);
}
