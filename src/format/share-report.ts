import { ButtonStyle, type APIEmbed } from 'discord-api-types/v10';
import type { ModalPayload, ReplyPayload } from '../interactions/types.ts';
import type { ReportedKind } from '../storage/item-report-repo.ts';
import { button } from './components.ts';
import { LIMITS, truncate } from './limits.ts';

/** What a report is about: a Q&A entry, a glossary term or a quiz item. */
export interface ItemRef {
  readonly kind: ReportedKind;
  readonly id: string;
}

const KIND_LETTER: Readonly<Record<ReportedKind, string>> = { entry: 'e', term: 't', quiz: 'q' };
export const KIND_OF_LETTER: ReadonlyMap<string, ReportedKind> = new Map([
  ['e', 'entry'],
  ['t', 'term'],
  ['q', 'quiz'],
]);

export const REASON_LABELS = { wrong: 'It’s wrong', unclear: 'It’s unclear', outdated: 'It’s outdated', other: 'Something else' } as const;

/** An answer doc's id ("term:empathy" or "micro-definition") as the item a report is about. */
export function docItem(docId: string): ItemRef {
  return docId.startsWith('term:') ? { kind: 'term', id: docId.slice(5) } : { kind: 'entry', id: docId };
}

export const shareReportIds = {
  share: () => 'share:copy',
  report: (item: ItemRef) => `report:open:${KIND_LETTER[item.kind]}:${item.id}`,
  form: (item: ItemRef) => `report:send:${KIND_LETTER[item.kind]}:${item.id}`,
};

export function shareButton() {
  return button(shareReportIds.share(), '📣 Share in channel', ButtonStyle.Secondary);
}

export function reportButton(item: ItemRef) {
  return button(shareReportIds.report(item), '🚩 Report a problem', ButtonStyle.Secondary);
}

export function reportModal(item: ItemRef): ModalPayload {
  return {
    customId: shareReportIds.form(item),
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
    embeds: embeds.map((embed, i) => (i === 0 ? { ...embed, author: { name: truncate(`Shared by ${sharedBy.replace(/\s+/g, ' ').trim()}`, LIMITS.fieldName) } } : embed)),
    components: [],
  };
}
