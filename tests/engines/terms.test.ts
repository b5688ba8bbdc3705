import { describe, expect, test } from 'vitest';
import { docsFrom } from '../../src/engines/docs.ts';
import { nameKey, TermNames } from '../../src/engines/terms.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const names = new TermNames(docsFrom(loadKnowledge(MINI_KNOWLEDGE_DIR)));

describe('TermNames', () => {
  test.each([
    ['what is PIE', 'term:person-in-environment'],
    ['define advocacy', 'term:advocacy'],
    ['advocacy in social work', 'term:advocacy'],
  ])('%j names the card %s', (text, id) => {
    expect(names.named(text)?.id).toBe(id);
  });

  test('a yes/no check is read without its level words and scaffolding', () => {
    expect(names.named('is advocacy part of macro')).toBeUndefined();
    expect(names.named('is advocacy part of macro', true)?.id).toBe('term:advocacy');
  });

  test('finds every card a comparison names, in order, with the words that named them', () => {
    const { cards, names: named } = names.namedIn('person in environment vs advocacy');
    expect(cards.map((card) => card.id)).toEqual(['term:person-in-environment', 'term:advocacy']);
    expect(named).toEqual([nameKey('person in environment').split(' '), nameKey('advocacy').split(' ')]);
  });

  test('a level word alone is never a card name', () => {
    expect(names.namedIn('micro vs macro').cards).toEqual([]);
  });
});
