import { z } from 'zod';
import type { GlossaryTerm } from '../../knowledge/schema.ts';
import { customId, knowledgeIdPart } from './custom-id.ts';

type TermRef = Pick<GlossaryTerm, 'id'>;

/** Button ids of /term: built by `format/term.ts`, parsed back by `commands/term.ts`. */
export const termButtonId = {
  quizMe: (term: TermRef) => customId('term', 'q', term.id),
  answer: (term: TermRef, choice: TermRef) => customId('term', 'qa', term.id, choice.id),
  show: (term: TermRef) => customId('term', 'show', term.id),
};

/** The parts after `term:`. */
export const termButtonParts = z.union([
  z.tuple([z.literal('q'), knowledgeIdPart]),
  z.tuple([z.literal('qa'), knowledgeIdPart, knowledgeIdPart]),
  z.tuple([z.literal('show'), knowledgeIdPart]),
]);
