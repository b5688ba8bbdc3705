import { describe, expect, test } from 'vitest';
import { GlossaryIndex, termQuiz } from '../../src/engines/glossary.ts';
import { FIXTURE_TERMS } from '../helpers/glossary-terms.ts';

const terms = FIXTURE_TERMS;
const glossary = new GlossaryIndex(terms);

describe('GlossaryIndex.lookup', () => {
  test.each([
    ['Empathy', 'empathy'],
    ['PIE', 'person-in-environment'],
    ['  lcsw ', 'lcsw'],
    ['lobying', 'lobbying'],
    ['advocat', 'advocacy'],
    ['case managment', 'case-management'],
  ])('finds %j', (name, id) => {
    expect(glossary.lookup(name)).toEqual({ found: expect.objectContaining({ id }) });
  });

  test('offers the closest term for a name too far off to be sure of', () => {
    expect(glossary.lookup('empthy')).toEqual({ suggestions: [expect.objectContaining({ id: 'empathy' })] });
  });

  test.each(['x'.repeat(500), '', '🙂'])('offers nothing for %j, and does not throw', (name) => {
    expect(glossary.lookup(name)).toEqual({ suggestions: [] });
  });
});

describe('termQuiz', () => {
  test('hides the term in its definition and offers four different names including it', () => {
    const term = terms.find((t) => t.id === 'advocacy')!;
    const { clue, choices } = termQuiz(terms, term, 'seed');
    expect(clue.toLowerCase()).not.toContain('advocacy');
    expect(clue.toLowerCase()).not.toContain('advocate');
    expect(choices).toHaveLength(4);
    expect(new Set(choices.map((c) => c.id)).size).toBe(4);
    expect(choices.map((c) => c.id)).toContain('advocacy');
    expect(termQuiz(terms, term, 'seed').choices.map((c) => c.id)).toEqual(choices.map((c) => c.id));
  });
});
