/**
 * Discord's answering rules, for a transport that must keep them itself (the offline console,
 * the bench's sink): one first answer (a reply, an update or a form), then only follow-ups.
 * discord.js keeps them for the Discord adapter.
 */
export class ReplyOnce {
  private answered = false;

  get replied(): boolean {
    return this.answered;
  }

  /** Before the first answer; throws, as Discord does, when there already was one. */
  answer(): void {
    if (this.answered) throw new Error('The reply to this interaction has already been sent or deferred.');
    this.answered = true;
  }

  /** Before a follow-up; throws, as Discord does, when nothing was answered yet. */
  followUp(): void {
    if (!this.answered) throw new Error('The reply to this interaction has not been sent or deferred.');
  }
}
