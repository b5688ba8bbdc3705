import { z } from 'zod';
import type { ItemRef, ReportedKind } from '../../domain/feedback.ts';
import { customId, knowledgeIdPart } from './custom-id.ts';

const LETTER_OF_KIND = { entry: 'e', term: 't', quiz: 'q' } as const satisfies Record<ReportedKind, string>;
const KIND_OF_LETTER = { e: 'entry', t: 'term', q: 'quiz' } as const satisfies Record<string, ReportedKind>;

/**
 * Button and form ids of Share in channel and Report a problem: built by `format/share-report.ts`,
 * parsed back by `commands/share.ts` and `commands/report.ts`.
 */
export const shareButtonId = {
  copy: () => customId('share', 'copy'),
};

export const reportId = {
  /** The Report a problem button, which opens the form. */
  open: (item: ItemRef) => customId('report', 'open', LETTER_OF_KIND[item.kind], item.id),
  /** The form itself, submitted. */
  send: (item: ItemRef) => customId('report', 'send', LETTER_OF_KIND[item.kind], item.id),
};

/** The parts after `share:`. */
export const shareButtonParts = z.tuple([z.literal('copy')]);

const itemLetter = z.enum(['e', 't', 'q']).transform((letter) => KIND_OF_LETTER[letter]);

/** The parts after `report:`, back to the step and the item. */
export const reportParts = z
  .tuple([z.enum(['open', 'send']), itemLetter, knowledgeIdPart])
  .transform(([step, kind, id]) => ({ step, item: { kind, id } satisfies ItemRef }));
