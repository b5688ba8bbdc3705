import type { ChannelFacts } from '../domain/channel.ts';
import { ReplyOnce } from '../interactions/reply-once.ts';
import type { ChannelReader, ChatInputInteraction, Messenger, ReplyPayload, UserRef } from '../interactions/types.ts';

export type OptionValue = string | number | boolean;

/**
 * A slash-command interaction that never leaves the process: it records what the bot
 * would send (the router fits it to Discord's limits, as for every transport), and keeps
 * Discord's rules (one reply, follow-ups after it).
 */
export class SinkChatInput implements ChatInputInteraction {
  readonly subcommandGroup = null;
  readonly subcommand = null;
  readonly channelId = 'bench-channel';
  readonly guildId = 'bench-guild';
  readonly place = 'server' as const;
  /** The reply, then any follow-ups, in order. */
  readonly sent: ReplyPayload[] = [];
  private readonly answering = new ReplyOnce();

  constructor(
    readonly id: string,
    readonly user: UserRef,
    readonly commandName: string,
    private readonly options: Readonly<Record<string, OptionValue>>,
  ) {}

  get replied(): boolean {
    return this.answering.replied;
  }

  can(): boolean {
    return false;
  }

  string(name: string): string | null {
    const value = this.options[name];
    return typeof value === 'string' ? value : null;
  }

  integer(name: string): number | null {
    const value = this.options[name];
    return typeof value === 'number' ? value : null;
  }

  boolean(name: string): boolean | null {
    const value = this.options[name];
    return typeof value === 'boolean' ? value : null;
  }

  channel(): ChannelFacts | null {
    return null;
  }

  role(): { id: string; name: string } | null {
    return null;
  }

  userOption(): UserRef | null {
    return null;
  }

  async reply(payload: ReplyPayload): Promise<void> {
    this.answering.answer();
    this.sent.push(payload);
  }

  async followUp(payload: ReplyPayload): Promise<void> {
    this.answering.followUp();
    this.sent.push(payload);
  }
}

/** Posting outside interactions goes nowhere: /ask never does it. */
export const silentMessenger: Messenger & ChannelReader = {
  send: async () => ({ messageId: '0' }),
  edit: async () => undefined,
  recentMessages: async () => [],
  channelFacts: async () => null,
};
