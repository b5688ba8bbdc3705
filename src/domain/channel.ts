/** What the bot knows of a channel when an admin names it; the Discord layer fills it in. */
export interface ChannelFacts {
  readonly id: string;
  readonly kind: 'text' | 'announcement' | 'thread' | 'voice' | 'stage' | 'category' | 'forum' | 'other';
  readonly botCanView: boolean;
  readonly botCanSend: boolean;
  /** Read Message History: the term of the day checks the channel before re-posting after a crash. */
  readonly botCanReadHistory?: boolean;
}
