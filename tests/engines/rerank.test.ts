import { describe, expect, test } from 'vitest';
import { keyWords, rerank } from '../../src/engines/rerank.ts';
import { Retriever, type AnswerDoc } from '../../src/engines/retrieve.ts';
import { SpellCorrector } from '../../src/engines/correct.ts';

const doc = (id: string, phrasing: string, answer: string, levels: AnswerDoc['levels'] = ['micro']): AnswerDoc => ({
  id,
  kind: 'entry',
  question: phrasing,
  answer,
  levels,
  intent: 'examples',
  related: [],
  sources: ['s'],
  phrasings: [phrasing],
});

const docs = [
  doc('generic-examples', 'examples of micro social work', 'Counseling a family, helping a child who is bullied at school, case management.'),
  doc('school-work', 'social work in a school', 'A school social worker supports one pupil at a time.'),
  doc('macro-jobs', 'jobs in macro social work', 'Analysts and organisers change laws.', ['macro']),
  doc('history', 'why policy drew women into social work', 'A history of policy work.', ['general']),
];
const tuning = { unknownWeight: 0.6, questionCoverageWeight: 0.65, termFactor: 0.7, phrasingWeight: 0.8 };
const retriever = new Retriever(docs, tuning);
const corrector = new SpellCorrector(retriever.wordFrequency);
const rerankTuning = { keyWordPenalty: 0.5, answerOnlyShare: 0.6, fewKeyWords: 3, fewKeyWordsMaxPenalty: 0.3 };

function order(question: string, cueLevels = new Map()): string[] {
  const tokens = retriever.queryTokens(question, corrector);
  return rerank(retriever.rank(tokens, 4), keyWords(tokens), retriever, cueLevels, rerankTuning).map((c) => c.doc.id);
}

describe('keyWords', () => {
  test('leaves out the words that only say what kind of answer is wanted, heaviest first', () => {
    const tokens = retriever.queryTokens('examples of micro work in schools', corrector);
    expect(keyWords(tokens).map((t) => t.token)).toEqual(['school']);
  });

  test('every scaffolding word is left out, the last on the list too ("a therapist-type social worker")', () => {
    const asKnown = (token: string) => ({ token, weight: 1, known: true, lookalike: false });
    expect(keyWords(['type', 'school', 'consid', 'between'].map(asKnown)).map((t) => t.token)).toEqual(['school']);
  });

  test('a quantifier is never a key word ("whats driving all the hiring")', () => {
    const asKnown = (token: string) => ({ token, weight: 1, known: true, lookalike: false });
    expect(keyWords(['drive', 'all', 'hire'].map(asKnown)).map((t) => t.token)).toEqual(['drive', 'hire']);
  });
});

describe('rerank', () => {
  test('an entry about the key word beats one whose answer only mentions it', () => {
    const tokens = retriever.queryTokens('examples of micro work in schools', corrector);
    expect(retriever.rank(tokens, 4)[0]?.doc.id).toBe('generic-examples');
    expect(order('examples of micro work in schools')[0]).toBe('school-work');
  });

  test('with few key words, a candidate far ahead loses at most the capped penalty for leaving one out', () => {
    const tokens = retriever.queryTokens('examples of micro work in schools', corrector);
    const candidate = (id: string, score: number) => {
      const index = docs.findIndex((d) => d.id === id);
      return { doc: docs[index] as AnswerDoc, index, score, questionShare: score };
    };
    const far = [candidate('macro-jobs', 0.9), candidate('school-work', 0.5)];
    const near = [candidate('macro-jobs', 0.7), candidate('school-work', 0.5)];
    const ids = (list: typeof far, t = rerankTuning) => rerank(list, keyWords(tokens), retriever, new Map(), t).map((c) => c.doc.id);
    expect(ids(far)).toEqual(['macro-jobs', 'school-work']);
    expect(ids(near)).toEqual(['school-work', 'macro-jobs']);
    expect(ids(far, { ...rerankTuning, fewKeyWords: 0 })).toEqual(['school-work', 'macro-jobs']);
  });

  test('a word that names a level is covered by every document of that level', () => {
    expect(order('macro jobs for policy people')[0]).toBe('history');
    expect(order('macro jobs for policy people', new Map([['polici', 'macro']]))[0]).toBe('macro-jobs');
  });

  test('changes nothing without key words, and keeps the scores as retrieved', () => {
    const plain = retriever.queryTokens('examples of micro work', corrector);
    const ranked = retriever.rank(plain, 4);
    expect(rerank(ranked, keyWords(plain), retriever, new Map(), rerankTuning)).toEqual(ranked);
    const tokens = retriever.queryTokens('examples of micro work in schools', corrector);
    const scores = new Map(retriever.rank(tokens, 4).map((c) => [c.doc.id, c.score]));
    for (const c of rerank(retriever.rank(tokens, 4), keyWords(tokens), retriever, new Map(), rerankTuning)) expect(c.score).toBe(scores.get(c.doc.id));
  });
});
