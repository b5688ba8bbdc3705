import { ButtonStyle, type APIEmbed } from 'discord-api-types/v10';
import type { ModalPayload, ReplyPayload } from '../interactions/types.ts';
import type { ItemRef } from '../domain/feedback.ts';
import { reportId, shareButtonId } from './custom-ids/share-report.ts';
import { button } from './components.ts';
import { LIMITS, truncate } from './limits.ts';

export const REASON_LABELS = { wrong: 'It’s wrong', unclear: 'It’s unclear', outdated: 'It’s outdated', other: 'Something else' } as const;

/** An answer doc's id ("term:empathy" or "micro-definition") as the item a report is about. */
export function docItem(docId: string): ItemRef {
  return docId.startsWith('term:') ? { kind: 'term', id: docId.slice(5) } : { kind: 'entry', id: docId };
}

export function shareButton() {
  return button(shareButtonId.copy(), '📣 Share in channel', ButtonStyle.Secondary);
}

export function reportButton(item: ItemRef) {
  return button(reportId.open(item), '🚩 Report a problem', ButtonStyle.Secondary);
}

/** The fields of the report form, as its handler reads them. */
export type ReportField = 'reason' | 'comment';

export function reportModal(item: ItemRef): ModalPayload<ReportField> {
  return {
    customId: reportId.send(item),
    title: 'Report a problem',
    fields: [
      { kind: 'select', id: 'reason', label: 'What’s the problem?', options: Object.entries(REASON_LABELS).map(([value, label]) => ({ label, value })) },
      { kind: 'text', id: 'comment', label: 'Anything to add? (optional)', required: false, maxLength: 500, placeholder: 'What should it say instead?' },
    ],
  };
}

/** The public copy of a private reply: its embeds, marked as shared by the student, without buttons. */
export function sharedCopy(embeds: readonly APIEmbed[], sharedBy: string): ReplyPayload {
  return {
    ephemeral: false,
    embeds: embeds.map((embed, i) =>
      i === 0 ? { ...embed, author: { name: truncate(`Shared by ${sharedBy.replace(/\s+/g, ' ').trim()}`, LIMITS.fieldName) } } : embed,
    ),
    components: [],
  };
}
