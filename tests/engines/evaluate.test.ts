import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { evaluate, type EvalQuestion } from '../../src/engines/evaluate.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';

const engine = new AnswerEngine(loadKnowledge(path.resolve('tests/fixtures/class-knowledge')));
const question = (q: string, expected: readonly string[], level?: readonly string[]): EvalQuestion => ({
  q,
  category: 'test',
  expect: expected,
  split: 'tune',
  ...(level === undefined ? {} : { level }),
});

describe('evaluate', () => {
  test('a scenario with no entry to point to is graded on its level, never as a question to refuse', () => {
    const report = evaluate(engine, { questions: [question('a social worker lobbies lawmakers for a new law', [], ['macro'])] });
    expect(report.scenarios).toBe(1);
    expect(report.refusable).toBe(0);
    expect(report.scenarioLevelAccuracy).toBe(1);
    expect(report.top1Accuracy).toBe(1);
  });

  test('a scenario answered with the wrong level is a miss', () => {
    const report = evaluate(engine, { questions: [question('a social worker lobbies lawmakers for a new law', [], ['micro'])] });
    expect(report.scenarioLevelAccuracy).toBe(0);
    expect(report.misses.map((miss) => miss.q)).toEqual(['a social worker lobbies lawmakers for a new law']);
  });

  test('a question with nothing expected and no level must be refused', () => {
    const report = evaluate(engine, { questions: [question('how do I bake bread', []), question('what is micro social work', [])] });
    expect(report.refusable).toBe(2);
    expect(report.abstentionRate).toBe(0.5);
  });
});
