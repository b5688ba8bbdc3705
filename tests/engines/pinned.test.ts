import { describe, expect, test } from 'vitest';
import { DEFAULT_TUNING } from '../../src/engines/answer-engine.ts';
import { SpellCorrector } from '../../src/engines/correct.ts';
import { docsFrom } from '../../src/engines/docs.ts';
import { readShape } from '../../src/engines/intent.ts';
import { PinnedAnswers } from '../../src/engines/pinned.ts';
import { Retriever } from '../../src/engines/retrieve.ts';
import { TermNames } from '../../src/engines/terms.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const docs = docsFrom(loadKnowledge(REAL_KNOWLEDGE_DIR));
const retriever = new Retriever(docs, DEFAULT_TUNING);
const pinned = new PinnedAnswers(docs, new Map(docs.map((doc) => [doc.id, doc])), new TermNames(docs), retriever, DEFAULT_TUNING.answerThreshold);

describe('PinnedAnswers', () => {
  test.each([
    ['what is macro', 'macro-definition'],
    ['tell me about mezzo practice', 'mezzo-definition'],
    ['meso social work?', 'mezzo-definition'],
  ])('%j is that level’s definition', (question, id) => {
    expect(pinned.levelDefinition(question, readShape(question))?.doc.id).toBe(id);
  });

  test('a level named with a topic is no level definition', () => {
    const question = 'what is macro policy advocacy';
    expect(pinned.levelDefinition(question, readShape(question))).toBeNull();
  });

  test.each([
    ['msw', 'term:msw'],
    ['define oppression in macro social work', 'term:oppression'],
    ['what is oppression according to the textbook', 'term:oppression'],
  ])('%j is a glossary term asked for as such: its card', (question, id) => {
    const found = pinned.termDefined(question, readShape(question));
    expect(found?.doc.id).toBe(id);
    expect(found?.score).toBe(1);
  });

  test.each(['how does case management work', 'can social workers do case management', 'do workers do lobbying'])(
    '%j asks how or whether, not for the card',
    (question) => {
      expect(pinned.termNamed(question)).not.toBeNull();
      expect(pinned.termDefined(question, readShape(question))).toBeNull();
    },
  );

  test('two terms compared get their cards, unless the best entry compares them', () => {
    expect(pinned.comparedTerms('lobbying vs policy analysis', [], false).map((doc) => doc.id)).toEqual(['term:lobbying', 'term:policy-analysis']);
    const ranked = retriever.rank(retriever.queryTokens('advocacy vs lobbying', new SpellCorrector(retriever.wordFrequency)), 3);
    expect(ranked[0]?.doc.id).toBe('advocacy-vs-lobbying');
    expect(pinned.comparedTerms('advocacy vs lobbying', ranked.slice(0, 1), false)).toEqual([]);
    // The comparison entry second, after an entry on one of the two: still no cards.
    expect(pinned.comparedTerms('advocacy vs lobbying', [...ranked.slice(1), ranked[0]!], false)).toEqual([]);
  });
});
