import { describe, expect, test } from 'vitest';
import { bitCount, docsFrom, levelMask } from '../../src/engines/docs.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

describe('docsFrom', () => {
  const docs = docsFrom(loadKnowledge(MINI_KNOWLEDGE_DIR));

  test('entries answer with their question and alternatives as phrasings; cards with their term and aliases', () => {
    const entry = docs.find((doc) => doc.id === 'micro-definition');
    expect(entry?.phrasings).toEqual(['What is micro social work?', 'micro practice meaning', 'define micro level work']);
    const card = docs.find((doc) => doc.id === 'term:person-in-environment');
    expect(card).toMatchObject({ kind: 'term', intent: 'definition', levels: ['general'], phrasings: ['Person-in-Environment', 'PIE'] });
    expect(card?.answer).toMatch(/\n\nExample: A worker asks/);
  });
});

describe('level masks', () => {
  test('one bit per practice level; general and unknown names add none', () => {
    expect(levelMask(['micro', 'macro'])).toBe(5);
    expect(levelMask(['general', 'nano'])).toBe(0);
    expect(bitCount(levelMask(['micro', 'mezzo', 'macro']))).toBe(3);
  });
});
