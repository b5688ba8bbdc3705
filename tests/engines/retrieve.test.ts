import { describe, expect, test } from 'vitest';
import { syntheticKnowledge } from '../../src/bench/synthetic-knowledge.ts';
import { DEFAULT_TUNING } from '../../src/engines/answer-engine.ts';
import { SpellCorrector } from '../../src/engines/correct.ts';
import { docsFrom } from '../../src/engines/docs.ts';
import { Retriever, TopK, type AnswerDoc, type Candidate, type QueryToken } from '../../src/engines/retrieve.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { QaEntry } from '../../src/knowledge/schema.ts';
import { stem } from '../../src/text.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const doc = (id: string, kind: 'entry' | 'term' = 'entry'): AnswerDoc => ({
  id,
  kind,
  question: id,
  answer: id,
  levels: ['micro'],
  intent: 'definition',
  related: [],
  sources: ['s'],
  phrasings: [id],
});
const candidate = (id: string, score: number, index: number, kind: 'entry' | 'term' = 'entry'): Candidate => ({
  doc: doc(id, kind),
  index,
  score,
  questionShare: 1,
});

describe('TopK', () => {
  test('keeps the best k in order without sorting everything', () => {
    const top = new TopK(3);
    [0.2, 0.9, 0.5, 0.1, 0.7, 0.3].forEach((score, index) => top.offer(candidate(`d${index}`, score, index)));
    expect(top.items().map((c) => c.doc.id)).toEqual(['d1', 'd4', 'd2']);
  });

  test('breaks ties deterministically: an entry before a term, then the earlier document', () => {
    const top = new TopK(3);
    top.offer(candidate('late', 0.5, 9));
    top.offer(candidate('term', 0.5, 1, 'term'));
    top.offer(candidate('early', 0.5, 2));
    expect(top.items().map((c) => c.doc.id)).toEqual(['early', 'late', 'term']);
  });

  test('keeps nothing when k is 0', () => {
    const top = new TopK(0);
    top.offer(candidate('a', 1, 0));
    expect(top.items()).toEqual([]);
  });
});

describe('Retriever.rarest', () => {
  const real = loadKnowledge(REAL_KNOWLEDGE_DIR);
  const tokensOf = (retriever: Retriever, question: string): QueryToken[] =>
    retriever.queryTokens(question, new SpellCorrector(retriever.wordFrequency)).filter((t) => t.known);

  test('on a base large enough to prune, keeps the rarest words within the budget, in the order asked', () => {
    const synthetic = syntheticKnowledge(real, 1500);
    const retriever = new Retriever(docsFrom(synthetic), DEFAULT_TUNING);
    const place = (synthetic.entries[0] as QaEntry).question.split(' ').at(-2) as string;
    const tokens = tokensOf(retriever, `what is social work practice in ${place}`);
    const kept = retriever.rarest(tokens, 50).map((t) => t.token);
    expect(kept).toContain(stem(place.toLowerCase()));
    expect(kept).not.toContain('social');
    expect(kept).toEqual(tokens.map((t) => t.token).filter((token) => kept.includes(token)));
    expect(retriever.rarest(tokens, 0)).toHaveLength(1);
    expect(retriever.rarest(tokens, Infinity)).toEqual(tokens);
  });

  test('keeps every word on a small base, where every list is short', () => {
    const retriever = new Retriever(docsFrom(real), DEFAULT_TUNING);
    const tokens = tokensOf(retriever, 'what is social work practice at the macro level');
    expect(tokens.length).toBeGreaterThan(2);
    expect(retriever.rarest(tokens, 0)).toEqual(tokens);
  });
});
