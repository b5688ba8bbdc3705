import { describe, expect, test } from 'vitest';
import { GlossaryIndex, termQuiz } from '../../src/engines/glossary.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const { terms } = loadKnowledge(REAL_KNOWLEDGE_DIR);
const glossary = new GlossaryIndex(terms);

describe('GlossaryIndex.lookup', () => {
  test.each([
    ['Empathy', 'empathy'],
    ['PIE', 'person-in-environment'],
    ['  lcsw ', 'lcsw'],
    ['lobying', 'lobbying'],
  ])('finds %j', (name, id) => {
    expect(glossary.lookup(name)).toEqual({ found: expect.objectContaining({ id }) });
  });

  test.each(['empthy', 'x'.repeat(500), '', '🙂'])('offers suggestions (maybe none) for %j, never throws', (name) => {
    const result = glossary.lookup(name);
    if ('suggestions' in result) expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });
});

describe('termQuiz', () => {
  test('hides the term in its definition and offers four different names including it', () => {
    const term = terms.find((t) => t.id === 'advocacy')!;
    const { clue, choices } = termQuiz(terms, term, 'seed');
    expect(clue.toLowerCase()).not.toContain('advocacy');
    expect(choices).toHaveLength(4);
    expect(new Set(choices.map((c) => c.id)).size).toBe(4);
    expect(choices.map((c) => c.id)).toContain('advocacy');
    expect(termQuiz(terms, term, 'seed').choices.map((c) => c.id)).toEqual(choices.map((c) => c.id));
  });
});
