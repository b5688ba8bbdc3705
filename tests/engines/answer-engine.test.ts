import { describe, expect, test } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const engine = new AnswerEngine(loadKnowledge(MINI_KNOWLEDGE_DIR));

describe('AnswerEngine.ask', () => {
  test.each([
    ['What is micro social work?', 'micro-definition'],
    ['whats MICRO practice', 'micro-definition'],
    ['diff between micro vs macro', 'micro-vs-macro'],
    ['do macro sws need a licence', 'licence-needed'],
    ['mircro socail work', 'micro-definition'],
    ['what is PIE', 'term:person-in-environment'],
    ['advocacy', 'term:advocacy'],
  ])('answers %j with %s', (question, id) => {
    const result = engine.ask(question);
    expect(result.outcome).toBe('answered');
    expect(result.answer?.doc.id).toBe(id);
    expect(result.answer?.score).toBeGreaterThan(0);
    expect(result.answer?.score).toBeLessThanOrEqual(1);
  });

  test('offers other candidates as suggestions, never the answer itself', () => {
    const result = engine.ask('what is macro social work');
    expect(result.answer?.doc.id).toBe('macro-definition');
    expect(result.suggestions.map((d) => d.id)).not.toContain('macro-definition');
    expect(result.suggestions.length).toBeGreaterThan(0);
    expect(result.suggestions.length).toBeLessThanOrEqual(3);
  });

  test.each([
    'how do I bake bread',
    'excel macros tutorial',
    'best microphone for streaming',
    'macro keyboard shortcuts',
    'mezzo-soprano singing lessons',
    'macro ratio for eating clean',
    'how do i hit my macro targets while bulking',
  ])('abstains on off-topic %j', (question) => {
    const result = engine.ask(question);
    expect(result.answer).toBeNull();
    expect(result.outcome).toBe('out-of-scope');
  });

  test.each([[''], ['    \n  '], ['???!!!'], ['what is it'], ['🙂🙂🙂'], [null], [{ evil: true }]])('returns a clean empty result for %j', (input) => {
    const result = engine.ask(input);
    expect(result.answer).toBeNull();
    expect(result.outcome).toBe('empty');
  });

  test('answers a 10,000-character question from the words it can use', () => {
    const result = engine.ask(`what is micro social work ${'blah '.repeat(2000)}`);
    expect(result.outcome).toBe('answered');
    expect(result.answer?.doc.id).toBe('micro-definition');
  });

  test('survives odd Unicode', () => {
    for (const input of ['\u0000\u0001micro', 'ｍｉｃｒｏ ｓｏｃｉａｌ ｗｏｒｋ', 'micro\u202Emacro', '\uD800 lone surrogate', 'Z̴̢a̷l̶g̵o micro']) {
      expect(() => engine.ask(input)).not.toThrow();
    }
    expect(engine.ask('ｍｉｃｒｏ ｓｏｃｉａｌ ｗｏｒｋ').answer?.doc.id).toBe('micro-definition');
  });

  test('a bare level name gets its definition, with the comparison as a related suggestion', () => {
    const result = engine.ask('micro');
    expect(result.answer?.doc.id).toBe('micro-definition');
    expect(result.suggestions.map((doc) => doc.id)).toEqual(['micro-vs-macro']);
  });
});

describe('AnswerEngine.autocomplete', () => {
  test('offers questions and terms when nothing is typed yet', () => {
    const choices = engine.autocomplete('');
    expect(choices.map((c) => c.id)).toEqual([
      'micro-definition',
      'macro-definition',
      'micro-vs-macro',
      'licence-needed',
      'term:person-in-environment',
      'term:advocacy',
    ]);
  });

  test('puts whole-prefix matches first', () => {
    expect(engine.autocomplete('what is ma')[0]?.id).toBe('macro-definition');
  });

  test('matches a word being typed anywhere in the question', () => {
    const ids = engine.autocomplete('lic').map((c) => c.id);
    expect(ids[0]).toBe('licence-needed');
  });

  test('matches glossary terms and their values lead back to them', () => {
    const [choice] = engine.autocomplete('person-in');
    expect(choice).toMatchObject({ kind: 'term', id: 'term:person-in-environment', value: 'Person-in-Environment' });
    expect(engine.ask(choice!.value).answer?.doc.id).toBe('term:person-in-environment');
  });

  test('falls back to fuzzy matches for typos', () => {
    expect(engine.autocomplete('mcaro socail work').map((c) => c.id)).toContain('macro-definition');
  });

  test('respects the limit and never throws on odd input', () => {
    expect(engine.autocomplete('', 2)).toHaveLength(2);
    for (const input of ['', ' ', '@everyone', 'x'.repeat(10_000), '\uD800', null]) expect(() => engine.autocomplete(input)).not.toThrow();
  });
});

describe('words that name Object.prototype members', () => {
  test.each([
    ['constructor', 'out-of-scope'],
    ['__proto__', 'out-of-scope'],
    ['toString', 'out-of-scope'],
    ['hasOwnProperty', 'out-of-scope'],
    ['what is constructor in micro social work', 'answered'],
    ['valueOf macro __proto__ toString', 'out-of-scope'],
  ])('%j is an ordinary word: %s', (question, outcome) => {
    expect(engine.ask(question).outcome).toBe(outcome);
    expect(() => engine.autocomplete(question)).not.toThrow();
  });

  test('a prototype word next to a real question does not get in the way', () => {
    expect(engine.ask('constructor what is micro social work').answer?.doc.id).toBe('micro-definition');
  });
});

describe('chit-chat', () => {
  test.each(['hi', 'thanks!', 'who made you', 'hello there'])('%j gets no entry', (question) => {
    const result = engine.ask(question);
    expect(result.outcome).toBe('chit-chat');
    expect(result.answer).toBeNull();
  });
});

describe('comparisons and refusals', () => {
  test("two glossary terms compared, that no entry compares, get the first one's card and the other as a suggestion", () => {
    const result = engine.ask('person in environment vs advocacy');
    expect(result.answer?.doc.id).toBe('term:person-in-environment');
    expect(result.suggestions[0]?.id).toBe('term:advocacy');
  });

  test('a comparison of the levels still gets the entry that compares them', () => {
    expect(engine.ask('micro vs macro').answer?.doc.id).toBe('micro-vs-macro');
  });

  test('how long something takes is refused when the best entry does not say', () => {
    const result = engine.ask('how long does a macro social work license take');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('duration');
  });
});

describe('follow-ups', () => {
  test('read in the context of the previous question', () => {
    expect(engine.ask('and macro?', { question: 'what is micro social work' }).answer?.doc.id).toBe('macro-definition');
  });
  test('without context, a follow-up is asked as it stands', () => {
    expect(engine.ask('and macro? what is that one').answer?.doc.id).toBe('macro-definition');
  });
  test('a question that stands on its own ignores the context', () => {
    expect(engine.ask('do macro sws need a licence', { question: 'what is micro social work' }).answer?.doc.id).toBe('licence-needed');
  });
});
