import { describe, expect, test } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { toAskJson } from '../../src/format/ask-json.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

/** Every example in the table of issue 12, on the real knowledge base: each behaves as its last column says. */
const engine = new AnswerEngine(loadKnowledge(REAL_KNOWLEDGE_DIR));

describe('the examples of issue 12', () => {
  test.each([
    ['what is macro', 'macro-definition'],
    ['define macro', 'macro-definition'],
    ['what is mezzo', 'mezzo-definition'],
    ['tell me about mezzo', 'mezzo-definition'],
    ['mezzo', 'mezzo-definition'],
    ['what is the difference between micro, mezzo and macro social work', 'compare-all-three-levels'],
    ['jobs for macro socal workers', 'macro-jobs'],
    ['wht is macro practise in social wrok', 'macro-definition'],
    ['socail work levles', 'three-levels-overview'],
  ])('%j is answered with %s', (question, id) => {
    expect(engine.ask(question).answer?.doc.id).toBe(id);
  });

  test('"what degree do I need" gets a degree entry', () => {
    expect(engine.ask('what degree do I need').answer?.doc.intent).toBe('degree');
  });

  test.each([
    ['a social worker counsels a teen with depression. which level', 'micro'],
    ['social worker running a support group for grieving parents, what level', 'mezzo'],
  ])('%j is classified %s, level first, with why', (question, level) => {
    const json = toAskJson(engine.ask(question));
    expect(json.answer?.level).toEqual([level]);
    const firstSentence = json.answer?.answer.split('.')[0] ?? '';
    expect(firstSentence.toLowerCase()).toContain(level);
    expect(json.answer?.answer).toMatch(/points there/);
    expect(engine.getDoc(json.answer?.id ?? '')).toBeDefined();
  });

  test('pay is refused honestly, with nearby entries', () => {
    const result = engine.ask('how much do macro social workers make');
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe('salary');
    expect(result.suggestions.length).toBeGreaterThan(0);
  });

  test.each([
    ['what is motivational interviewing', 'technique'],
    ['how do I apply to the MSW program at Columbia', 'university'],
  ])('%j is refused (%s not covered)', (question, kind) => {
    const result = engine.ask(question);
    expect(result.answer).toBeNull();
    expect(result.uncovered).toBe(kind);
  });
});
