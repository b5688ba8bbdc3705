import type { ShownButton } from './render.ts';

export type ButtonPick =
  | { readonly ok: true; readonly messageId: string; readonly customId: string }
  /** `notButton`: what was typed is neither a number nor a label, so it is a question to ask. */
  | { readonly ok: false; readonly reason: string; readonly notButton: boolean };

/** How many earlier messages keep their buttons pressable by label; older ones are forgotten. */
export const KEPT_MESSAGES = 10;

/** Case and spacing aside, the label as shown ("👍 Not helpful"), or without its leading emoji ("not helpful"). */
function sameLabel(typed: string, label: string): boolean {
  const plain = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();
  const wanted = plain(typed);
  return wanted !== '' && (wanted === plain(label) || wanted === plain(label.replace(/^[^\p{L}\p{N}]+/u, '')));
}

interface Pressable {
  readonly messageId: string;
  readonly buttons: readonly ShownButton[];
}

const enabled = (message: Pressable) => message.buttons.filter((b) => !b.disabled);
/** Share and Report sit beside the next step (a quiz reveal, an answer): they never make a set of buttons new. */
const ASIDE = /^(share|report):/;
const enabledKey = (message: Pressable | undefined) =>
  message === undefined
    ? ''
    : enabled(message)
        .filter((b) => !ASIDE.test(b.customId))
        .map((b) => b.customId)
        .join('\n');

/**
 * The buttons typing can press. A number presses a button of the latest message shown with
 * buttons ("the current message"), kept current when that message is edited, until a newer
 * message with buttons replaces it; an exact label presses a button of the current message,
 * or else of the latest earlier message that still has it. Only messages with buttons still
 * pressable are kept, at most KEPT_MESSAGES. Each new set of pressable buttons counts as
 * fresh until a press or a command uses it, so a script can wait for the next quiz question
 * instead of pressing the previous one again.
 */
export class ButtonBoard {
  private current: Pressable | null = null;
  /** Earlier messages whose buttons can still be pressed by label, newest first. */
  private earlier: Pressable[] = [];
  private generation = 0;
  private consumed = 0;
  private waiters: Array<() => void> = [];

  /** Called for every message shown; `edited` when it replaces an earlier version of that message. */
  shown(messageId: string, buttons: readonly ShownButton[], edited: boolean): void {
    const message = { messageId, buttons };
    if (this.current?.messageId === messageId) {
      const before = enabledKey(this.current);
      this.current = message;
      if (enabledKey(message) !== '' && enabledKey(message) !== before) this.freshen();
      return;
    }
    if (edited) {
      // An edit of an earlier message keeps it where it is, or drops it once nothing on it can be pressed.
      this.earlier = this.earlier.flatMap((m) => (m.messageId !== messageId ? [m] : enabled(message).length > 0 ? [message] : []));
      return;
    }
    // A new message without buttons leaves the last buttons pressable.
    if (buttons.length === 0) return;
    if (this.current !== null && enabled(this.current).length > 0) this.earlier = [this.current, ...this.earlier].slice(0, KEPT_MESSAGES);
    this.current = message;
    if (enabledKey(message) !== '') this.freshen();
  }

  private freshen(): void {
    this.generation++;
    for (const resolve of this.waiters.splice(0)) resolve();
  }

  /** Ids of the messages whose buttons can still be pressed: the console keeps only these. */
  get messageIds(): string[] {
    return [this.current, ...this.earlier].filter((m): m is Pressable => m !== null && enabled(m).length > 0).map((m) => m.messageId);
  }

  /** Whether pressable buttons appeared since the last press or command. */
  get fresh(): boolean {
    return this.generation > this.consumed;
  }

  /** A press or a command line uses up the buttons on screen. */
  consume(): void {
    this.consumed = this.generation;
  }

  /** Resolves once fresh buttons are shown. */
  untilFresh(): Promise<void> {
    return this.fresh ? Promise.resolve() : new Promise((resolve) => this.waiters.push(resolve));
  }

  /** The button a typed number ("2") or exact label ("mezzo", any case) names. */
  pick(typed: string): ButtonPick {
    const text = typed.trim();
    if (!/^\d+$/.test(text)) {
      for (const message of [this.current, ...this.earlier]) {
        const button = message === null ? undefined : enabled(message).find((b) => sameLabel(text, b.label));
        if (message !== null && button !== undefined) return { ok: true, messageId: message.messageId, customId: button.customId };
      }
      return { ok: false, reason: `"${text}" is not one of the buttons.`, notButton: true };
    }
    if (this.current === null) return { ok: false, reason: 'There are no buttons to press.', notButton: false };
    const pressable = enabled(this.current);
    if (pressable.length === 0) return { ok: false, reason: 'Those buttons are closed now.', notButton: false };
    const button = pressable[Number(text) - 1];
    const range = pressable.length === 1 ? '1' : `1-${pressable.length}`;
    return button === undefined
      ? { ok: false, reason: `There is no button ${text}: type ${range} or a button's label.`, notButton: false }
      : { ok: true, messageId: this.current.messageId, customId: button.customId };
  }

  /** What `buttons` prints: the current message's buttons by number, then earlier ones by label. */
  describe(): string {
    const lines: string[] = [];
    const current = this.current === null ? [] : enabled(this.current);
    if (current.length > 0) lines.push(`  by number: ${current.map((b, i) => `[${i + 1}] ${b.label}`).join('   ')}`);
    const labels = [...new Set(this.earlier.flatMap((m) => enabled(m).map((b) => b.label)))].filter((label) => !current.some((b) => sameLabel(label, b.label)));
    if (labels.length > 0) lines.push(`  by label, on earlier messages: ${labels.join(' · ')}`);
    return lines.length === 0 ? 'No buttons to press right now.' : ['Buttons you can press:', ...lines].join('\n');
  }
}
