import { describe, expect, test } from 'vitest';
import { TopK, type AnswerDoc, type Candidate } from '../../src/engines/retrieve.ts';

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
