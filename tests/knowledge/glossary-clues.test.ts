import { describe, expect, test } from 'vitest';
import { termQuiz } from '../../src/engines/glossary.ts';
import { foldText, isStopword } from '../../src/text.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { GlossaryTerm } from '../../src/knowledge/schema.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const { terms } = loadKnowledge(REAL_KNOWLEDGE_DIR);

/** The real glossary's definitions must hide their own term for "Quiz me" (engines/glossary.ts) to be fair. */
describe('every glossary term of knowledge/ as a "Quiz me" clue', () => {
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
