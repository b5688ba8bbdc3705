import FlexSearch from 'flexsearch';
import Fuse from 'fuse.js';
import MiniSearch from 'minisearch';
import type { EvalFixtures } from '../engines/evaluate.ts';
import type { Knowledge } from '../knowledge/schema.ts';

/** One answerable thing as the other libraries index it: the same entries and glossary terms the engine answers from. */
export interface RivalDoc {
  readonly id: string;
  readonly question: string;
  readonly alternatives: string;
  readonly answer: string;
}

/** The id of the best match for a question, or null when there is none. */
export type TopHit = (question: string) => string | null;

/** Term ids as the engine gives them (`term:` + id), so every library is scored on the same labels. */
export function rivalDocs(knowledge: Knowledge): RivalDoc[] {
  return [
    ...knowledge.entries.map((entry) => ({ id: entry.id, question: entry.question, alternatives: entry.alternatives.join('\n'), answer: entry.answer })),
    ...knowledge.terms.map((term) => ({ id: `term:${term.id}`, question: term.term, alternatives: term.aliases.join('\n'), answer: term.definition })),
  ];
}

const FIELDS = ['question', 'alternatives', 'answer'] as const;

/** MiniSearch as its documentation suggests for typed questions: fuzzy 0.2, prefix search, phrasings weighing more than answers (its best top-1 here). */
export function miniSearchOver(docs: readonly RivalDoc[]): TopHit {
  const index = new MiniSearch<RivalDoc>({ fields: [...FIELDS], searchOptions: { fuzzy: 0.2, prefix: true, boost: { question: 2, alternatives: 2 } } });
  index.addAll(docs);
  return (question) => (index.search(question)[0]?.id as string | undefined) ?? null;
}

/**
 * FlexSearch's plain index over each document's phrasings, forward tokenizer (prefixes),
 * suggestions on so partial matches still rank: the best of its simple set-ups on the eval fixtures.
 */
export function flexSearchOver(docs: readonly RivalDoc[]): TopHit {
  const index = new FlexSearch.Index({ tokenize: 'forward' });
  docs.forEach((doc, position) => index.add(position, `${doc.question}\n${doc.alternatives}`));
  return (question) => {
    const [best] = index.search(question, { limit: 1, suggest: true });
    return best === undefined ? null : (docs[best as number]?.id ?? null);
  };
}

/** Plain fuse.js, default options, over the phrasings: what a bot gets without an engine of its own. */
export function fuseOver(docs: readonly RivalDoc[]): TopHit {
  const fuse = new Fuse(docs, { keys: ['question', 'alternatives'] });
  return (question) => fuse.search(question, { limit: 1 })[0]?.item.id ?? null;
}

/**
 * Share of the answerable fixture questions whose top hit is one of the expected ids (no hit is
 * a miss). Scenarios are left out: they are graded on a level, which plain search cannot give.
 */
export function top1Accuracy(fixtures: EvalFixtures, top: TopHit): number {
  const answerable = fixtures.questions.filter(({ expect, level }) => expect.length > 0 && level === undefined);
  const hits = answerable.filter(({ q, expect }) => {
    const id = top(q);
    return id !== null && expect.includes(id);
  }).length;
  return answerable.length === 0 ? 0 : hits / answerable.length;
}
