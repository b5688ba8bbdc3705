import { z } from 'zod';
import type { AnswerDoc } from '../../engines/answer-engine.ts';
import { customId, knowledgeIdPart } from './custom-id.ts';

type DocRef = Pick<AnswerDoc, 'id'>;
export type AskVote = 'up' | 'down';

/** "term:empathy" → "t:empathy", "micro-definition" → "e:micro-definition": ids stay colon-free per part. */
function docRef(id: string): [kind: 'e' | 't', id: string] {
  return id.startsWith('term:') ? ['t', id.slice(5)] : ['e', id];
}

/** The answer engine's doc id that a button's kind and id stand for. */
export function docIdOf(kind: 'e' | 't', id: string): string {
  return kind === 't' ? `term:${id}` : id;
}

/** Button ids of /ask: built by `format/ask-reply.ts`, parsed back by `commands/ask.ts`. */
export const askButtonId = {
  show: (doc: DocRef) => customId('ask', 'show', ...docRef(doc.id)),
  vote: (doc: DocRef, vote: AskVote) => customId('ask', 'vote', vote, ...docRef(doc.id)),
  /** A "did you mean" pick after the unanswered question logged as `logId`: shows the entry and records the pairing. */
  pick: (logId: number, doc: DocRef) => customId('ask', 'pick', logId, ...docRef(doc.id)),
};

const docKind = z.enum(['e', 't']);

/** The parts after `ask:`. */
export const askButtonParts = z.union([
  z.tuple([z.literal('show'), docKind, knowledgeIdPart]),
  z.tuple([z.literal('vote'), z.enum(['up', 'down']), docKind, knowledgeIdPart]),
  z.tuple([z.literal('pick'), z.coerce.number().int().positive(), docKind, knowledgeIdPart]),
]);
