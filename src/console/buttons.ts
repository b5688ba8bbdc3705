import type { ShownButton } from './render.ts';

export type ButtonPick = { readonly ok: true; readonly messageId: string; readonly customId: string } | { readonly ok: false; readonly reason: string };

/** "👍 Not helpful" → "not helpful": what a person types for a label. */
function normalise(label: string): string {
  return label
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Share and Report sit beside the next step (a quiz reveal, an answer): they never make a set of buttons new. */
const ASIDE = /^(share|report):/;

function enabledKey(buttons: readonly ShownButton[]): string {
  return buttons
    .filter((b) => !b.disabled && !ASIDE.test(b.customId))
    .map((b) => b.customId)
    .join('\n');
}

/**
 * The buttons a typed number or label presses: those of the latest message shown with
 * buttons, kept current when that message is edited. Each new set of pressable buttons
 * counts as fresh until a press or a command uses it, so a script can wait for the next
 * quiz question instead of pressing the previous one again.
 */
export class ButtonBoard {
  private current: { readonly messageId: string; readonly buttons: readonly ShownButton[] } | null = null;
  private generation = 0;
  private consumed = 0;
  private waiters: Array<() => void> = [];

  /** Called for every message shown; `edited` when it replaces an earlier version of that message. */
  shown(messageId: string, buttons: readonly ShownButton[], edited: boolean): void {
    const isCurrent = this.current?.messageId === messageId;
    // An edit of an older message doesn't move the focus; a new message without buttons leaves the last buttons pressable.
    if (edited ? !isCurrent : buttons.length === 0) return;
    const before = isCurrent && this.current !== null ? enabledKey(this.current.buttons) : '';
    const after = enabledKey(buttons);
    this.current = { messageId, buttons };
    if (after !== '' && after !== before) {
      this.generation++;
      for (const resolve of this.waiters.splice(0)) resolve();
    }
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

  /** The button a typed number ("2") or label ("mezzo", any case) names. */
  pick(typed: string): ButtonPick {
    if (this.current === null) return { ok: false, reason: 'There are no buttons to press.' };
    const { messageId } = this.current;
    const enabled = this.current.buttons.filter((b) => !b.disabled);
    if (enabled.length === 0) return { ok: false, reason: 'Those buttons are closed now.' };
    const range = enabled.length === 1 ? '1' : `1-${enabled.length}`;
    const text = typed.trim();
    if (/^\d+$/.test(text)) {
      const button = enabled[Number(text) - 1];
      return button === undefined ? { ok: false, reason: `There is no button ${text}: type ${range} or a button's label.` } : { ok: true, messageId, customId: button.customId };
    }
    const wanted = normalise(text);
    const exact = wanted === '' ? undefined : enabled.find((b) => normalise(b.label) === wanted);
    if (exact !== undefined) return { ok: true, messageId, customId: exact.customId };
    // A label cut short ("…") may be the start of what was typed; other labels must match whole.
    const partial = wanted === '' ? [] : enabled.filter((b) => b.label.endsWith('…') && wanted.startsWith(normalise(b.label)));
    const [only] = partial;
    if (partial.length === 1 && only !== undefined) return { ok: true, messageId, customId: only.customId };
    if (partial.length > 1) return { ok: false, reason: `"${text}" matches ${partial.length} buttons: type more of the label, or its number.` };
    return { ok: false, reason: `"${text}" is not one of the buttons: type ${range} or a button's label.` };
  }
}
