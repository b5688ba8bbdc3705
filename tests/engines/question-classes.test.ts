import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

/**
 * One test per class of question the engine once got wrong, on a small made-up knowledge base:
 * each class is fixed in the pipeline, so phrasings the knowledge base never lists pass too.
 */
const engine = new AnswerEngine(loadKnowledge(path.resolve('tests/fixtures/class-knowledge')));
const answerId = (question: string): string | null => engine.ask(question).answer?.doc.id ?? null;

describe('explanation questions get the entry that explains, not a near one that defines', () => {
  test.each([
    ['explain how the ripple effect works', 'ripple-effect-spread'],
    ['how does the ripple effect work', 'ripple-effect-spread'],
    ['why is mezzo called the group level', 'group-level-name'],
  ])('%j → %s', (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  test('"explain X" alone still asks for its definition', () => {
    expect(answerId('explain the ripple effect')).toBe('term:ripple-effect');
  });
});

describe('"who said / wrote / founded X"', () => {
  test.each([
    ['who came up with the idea of private troubles becoming public issues', 'troubles-into-issues'],
    ['who says macro work has direct outcomes', 'macro-outcomes'],
  ])('%j is answered by the entry that names or quotes someone: %s', (question, id) => {
    expect(answerId(question)).toBe(id);
  });

  test.each(['who founded social work', 'who invented the three levels of social work', 'who started the history of social work'])(
    '%j is refused: no entry names who',
    (question) => {
      const result = engine.ask(question);
      expect(result.answer).toBeNull();
      expect(result.uncovered).toBe('person');
      expect(result.suggestions.length).toBeGreaterThan(0);
    },
  );
});
