import type { Knowledge } from '../knowledge/schema.ts';
import type { AnswerDoc } from './retrieve.ts';
import { eachOf, runToEnd, type Steps } from './steps.ts';

/** Every Q&A entry and glossary card as one kind of document the engine can answer with. */
export function docsFrom(knowledge: Knowledge): AnswerDoc[] {
  return runToEnd(docsOf(knowledge));
}

/** docsFrom(), in steps (steps.ts). */
export function* docsOf(knowledge: Knowledge): Steps<AnswerDoc[]> {
  const docs: AnswerDoc[] = [];
  yield* eachOf(knowledge.entries, (entry) =>
    docs.push({
      id: entry.id,
      kind: 'entry',
      question: entry.question,
      answer: entry.answer.trim(),
      levels: entry.levels,
      intent: entry.intent,
      related: entry.related,
      sources: entry.sources,
      phrasings: [entry.question, ...entry.alternatives],
    }),
  );
  yield* eachOf(knowledge.terms, (term) =>
    docs.push({
      id: `term:${term.id}`,
      kind: 'term',
      question: cardTitle(term.term, term.aliases),
      answer: `${term.definition.trim()}\n\nExample: ${term.example.trim()}`,
      levels: [term.level],
      intent: 'definition',
      related: [],
      sources: term.sources,
      phrasings: [term.term, ...term.aliases],
    }),
  );
  return docs;
}

/** A glossary card's title is the term; an acronym also spells itself out: "BSW (Bachelor of Social Work)". */
function cardTitle(term: string, aliases: readonly string[]): string {
  const spelled = aliases.find((alias) => alias.length > term.length && /^[A-Z][a-z]/.test(alias));
  return /^[A-Z]{2,6}$/.test(term) && spelled !== undefined ? `${term} (${spelled})` : term;
}

const LEVEL_BIT: Readonly<Record<string, number>> = { micro: 1, mezzo: 2, macro: 4 };

/** Practice levels as bits (micro 1, mezzo 2, macro 4), so agreement is a bitwise and. */
export function levelMask(levels: readonly string[]): number {
  let mask = 0;
  for (const level of levels) mask |= LEVEL_BIT[level] ?? 0;
  return mask;
}

export function bitCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}
