import { describe, expect, test } from 'vitest';
import { GlossaryIndex, termQuiz } from '../../src/engines/glossary.ts';
import { foldText, isStopword } from '../../src/engines/text.ts';
import type { GlossaryTerm } from '../../src/knowledge/schema.ts';
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

  test.each(terms.map((t) => [t.id, t] as const))('%s: the clue shows no trace of the answer', (_, term) => {
    const { clue, choices } = termQuiz(terms, term, `${term.id}:user`);
    const folded = foldText(clue);
    for (const name of [term.term, ...term.aliases]) expect(folded).not.toContain(foldText(name));
    // A word only this term's names use ("meso", "geriatric") would give it away, in any form.
    const nameWords = (t: GlossaryTerm) => [t.term, ...t.aliases].flatMap((n) => foldText(n).split(' ')).filter((w) => w.length >= 4 && !isStopword(w));
    const own = nameWords(term).filter((w) => terms.every((t) => t.id === term.id || !nameWords(t).includes(w)));
    for (const word of folded.split(' ')) expect(own.some((w) => word.startsWith(w)), `${word} in ${clue}`).toBe(false);
    expect(choices.map((c) => c.id)).toContain(term.id);
    expect(clue).not.toMatch(/▢▢▢[\p{L}]/u);
  });
});
