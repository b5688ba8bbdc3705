import { ButtonStyle, ComponentType, type APIEmbed } from 'discord-api-types/v10';
import type { MessagePayload } from '../interactions/types.ts';

export interface RenderContext {
  /** Display names by id, for `<#id>`, `<@id>` and `<@&id>`. */
  readonly names: Readonly<Record<string, string>>;
  /** For relative timestamps (`<t:…:R>`). */
  readonly now: number;
  /** Where each attached file of the message was saved, by file name. */
  readonly savedFiles?: ReadonlyMap<string, string>;
}

/** A button with a custom id, in the order shown; only enabled ones get a number. */
export interface ShownButton {
  readonly customId: string;
  readonly label: string;
  readonly disabled: boolean;
}

export interface RenderedMessage {
  readonly text: string;
  readonly buttons: readonly ShownButton[];
}

function plural(count: number, unit: string): string {
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

function relativeTime(ms: number, now: number): string {
  // A countdown rounds up, as a clock's does: 19.4 s left reads "in 20 seconds".
  const seconds = ms >= now ? Math.ceil((ms - now) / 1000) : Math.round((now - ms) / 1000);
  const span =
    seconds < 60
      ? plural(seconds, 'second')
      : seconds < 3600
        ? plural(Math.round(seconds / 60), 'minute')
        : seconds < 86_400
          ? plural(Math.round(seconds / 3600), 'hour')
          : plural(Math.round(seconds / 86_400), 'day');
  return ms >= now ? `in ${span}` : `${span} ago`;
}

function timestamp(unix: number, style: string | undefined, now: number): string {
  const ms = unix * 1000;
  if (style === 'R') return relativeTime(ms, now);
  const date = new Date(ms);
  if (style === 't') return date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  if (style === 'T') return date.toLocaleTimeString();
  if (style === 'd' || style === 'D') return date.toLocaleDateString();
  return date.toLocaleString();
}

/** Discord markdown → readable plain text: markers dropped, mentions and timestamps spelled out. */
export function plainText(markdown: string, context: RenderContext): string {
  // Escaped characters and code spans are set aside so the rules below leave them alone.
  const kept: string[] = [];
  const keep = (text: string) => `\uE000${kept.push(text) - 1}\uE001`;
  const { names } = context;
  return (
    markdown
      .replace(/[\uE000\uE001]/g, '')
      // One pass, leftmost first: an escaped backtick (\`) is a character, not the start of a code span.
      .replace(/\\([^\p{L}\p{N}\s])|`[^`\n]+`/gu, (span: string, char: string | undefined) => keep(char ?? span))
      .replace(/<#(\d+)>/g, (_, id: string) => `#${names[id] ?? 'unknown-channel'}`)
      .replace(/<@&(\d+)>/g, (_, id: string) => `@${names[id] ?? 'unknown-role'}`)
      .replace(/<@!?(\d+)>/g, (_, id: string) => `@${names[id] ?? 'unknown-member'}`)
      .replace(/<\/([\w -]+):\d+>/g, '/$1')
      .replace(/<t:(-?\d+)(?::([tTdDfFR]))?>/g, (_, unix: string, style: string | undefined) => timestamp(Number(unix), style, context.now))
      .replace(/<a?(:\w+:)\d+>/g, '$1')
      .replace(/\[([^\]\n]+)\]\(<?(https?:\/\/[^)\s>]+)>?\)/g, '$1 ($2)')
      .replace(/<(https?:\/\/[^>\s]+)>/g, '$1')
      .replace(/^(?:#{1,3}|-#) +/gm, '')
      .replace(/\*\*(.+?)\*\*/g, '$1')
      .replace(/__(.+?)__/g, '$1')
      .replace(/~~(.+?)~~/g, '$1')
      .replace(/(^|[^\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])/gm, '$1$2')
      .replace(/(^|\W)_(?=\S)(.+?)(?<=\S)_(?!\w)/gm, '$1$2')
      .replace(/\uE000(\d+)\uE001/g, (_, index: string) => kept[Number(index)] ?? '')
  );
}

function embedLines(embed: APIEmbed, context: RenderContext): string[] {
  const text = (markdown: string) => plainText(markdown, context);
  const lines = [embed.title === undefined ? '╭─' : `╭ ${text(embed.title)}`];
  const body: string[] = [];
  if (embed.author !== undefined) body.push(text(embed.author.name));
  if (embed.description !== undefined) body.push(...text(embed.description).split('\n'));
  const fields = embed.fields ?? [];
  if (body.length > 0 && fields.length > 0) body.push('');
  for (const field of fields) {
    const name = text(field.name);
    const value = text(field.value).split('\n');
    if (value.length === 1) body.push(`${name}: ${value[0]}`);
    else body.push(`${name}:`, ...value.map((line) => (line === '' ? '' : `  ${line}`)));
  }
  lines.push(...body.map((line) => (line === '' ? '│' : `│ ${line}`)));
  lines.push(embed.footer === undefined ? '╰─' : `╰ ${text(embed.footer.text)}`);
  return lines;
}

/**
 * One message as terminal text: a note when edited or private, the content, each embed
 * (title, description, fields, footer) in a frame, the attached files (where they were
 * saved), then the buttons, numbered so that
 * typing the number (or the label) presses one. Disabled buttons show as [-].
 */
export function renderMessage(payload: MessagePayload, flags: { ephemeral: boolean; edited: boolean }, context: RenderContext): RenderedMessage {
  const notes = [flags.edited ? 'edited' : null, flags.ephemeral ? 'only you see this' : null].filter((note) => note !== null);
  const lines = notes.length > 0 ? [`(${notes.join(', ')})`] : [];
  if (payload.content !== undefined && payload.content !== '') lines.push(plainText(payload.content, context));
  for (const embed of payload.embeds ?? []) lines.push(...embedLines(embed, context));
  for (const file of payload.files ?? []) {
    const saved = context.savedFiles?.get(file.name);
    lines.push(`📎 ${file.name}${saved === undefined ? '' : `: saved to ${saved}`}`);
  }

  const buttons: ShownButton[] = [];
  for (const row of payload.components ?? []) {
    const cells: string[] = [];
    for (const component of row.components) {
      if (component.type !== ComponentType.Button) {
        cells.push('(a menu: not available offline)');
        continue;
      }
      if (component.style === ButtonStyle.Premium) {
        cells.push('(a purchase button: not available offline)');
        continue;
      }
      const label = [component.emoji?.name, component.label].filter((part) => part !== undefined && part !== '').join(' ');
      if (component.style === ButtonStyle.Link) cells.push(`[link] ${label}: ${component.url}`);
      else if (component.disabled) {
        buttons.push({ customId: component.custom_id, label, disabled: true });
        cells.push(`[-] ${label}`);
      } else {
        buttons.push({ customId: component.custom_id, label, disabled: false });
        cells.push(`[${buttons.filter((b) => !b.disabled).length}] ${label}`);
      }
    }
    lines.push(`  ${cells.join('   ')}`);
  }
  return { text: lines.join('\n'), buttons };
}
