import { escapeMarkdown } from '@discordjs/formatters';
import type { APIEmbed } from 'discord-api-types/v10';
import type { MessagePayload } from '../interactions/types.ts';

/** Discord's documented limits; payloads are cut to fit rather than rejected. */
export const LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  embedTotal: 6000,
  buttonLabel: 80,
  customId: 100,
  choiceName: 100,
  choiceValue: 100,
  choices: 25,
} as const;

const GRAPHEMES = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/**
 * Cuts text to `max` characters (code points), ending with an ellipsis when cut; cuts only
 * between graphemes, so an emoji, a flag or an accented letter is never split.
 */
export function truncate(text: string, max: number): string {
  if (Array.from(text).length <= max) return text;
  let kept = '';
  let length = 0;
  for (const { segment } of GRAPHEMES.segment(text)) {
    const size = Array.from(segment).length;
    if (length + size > max - 1) break;
    kept += segment;
    length += size;
  }
  return `${kept.trimEnd()}…`;
}

/** User-supplied text made safe to echo: one line, no markdown, no working mentions, bounded. */
export function quoteUserText(text: string, max = 200): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return truncate(escapeMarkdown(oneLine), max).replace(/@/g, '@\u200b').replace(/<#/g, '<\u200b#');
}

function embedSize(embed: APIEmbed): number {
  return (
    (embed.title?.length ?? 0) +
    (embed.description?.length ?? 0) +
    (embed.footer?.text.length ?? 0) +
    (embed.author?.name.length ?? 0) +
    (embed.fields ?? []).reduce((sum, f) => sum + f.name.length + f.value.length, 0)
  );
}

function fitEmbed(embed: APIEmbed): APIEmbed {
  const fitted: APIEmbed = {
    ...embed,
    title: embed.title === undefined ? undefined : truncate(embed.title, LIMITS.embedTitle),
    description: embed.description === undefined ? undefined : truncate(embed.description, LIMITS.embedDescription),
    footer: embed.footer === undefined ? undefined : { ...embed.footer, text: truncate(embed.footer.text, LIMITS.footer) },
    fields: embed.fields
      ?.slice(0, LIMITS.embedFields)
      .map((f) => ({ ...f, name: truncate(f.name, LIMITS.fieldName), value: truncate(f.value, LIMITS.fieldValue) })),
  };
  const excess = embedSize(fitted) - LIMITS.embedTotal;
  if (excess > 0 && fitted.description !== undefined) fitted.description = truncate(fitted.description, Math.max(1, fitted.description.length - excess));
  return fitted;
}

/** Applies every limit and the no-mentions default; each transport calls this last. */
export function fitPayload<T extends MessagePayload>(payload: T): T {
  return {
    ...payload,
    content: payload.content === undefined ? undefined : truncate(payload.content, LIMITS.content),
    embeds: payload.embeds?.slice(0, 10).map(fitEmbed),
    allowedMentions: payload.allowedMentions ?? { parse: [] },
  };
}
