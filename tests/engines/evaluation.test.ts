import { describe, expect, test } from 'vitest';
import { loadEvalFixtures } from '../../src/cli/eval-fixtures.ts';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { evaluate } from '../../src/engines/evaluate.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const knowledge = loadKnowledge(REAL_KNOWLEDGE_DIR);
const engine = new AnswerEngine(knowledge);
const fixtures = loadEvalFixtures();

describe('matching quality on the held-out fixtures', () => {
  test('the fixtures are big enough to mean something', () => {
    expect(fixtures.inScope.length).toBeGreaterThanOrEqual(100);
    expect(fixtures.offTopic.length).toBeGreaterThanOrEqual(30);
  });

  test('every expected id exists', () => {
    const ids = new Set(engine.docs.map((d) => d.id));
    const missing = fixtures.inScope.flatMap(({ expect: e }) => (typeof e === 'string' ? [e] : e)).filter((id) => !ids.has(id));
    expect(missing).toEqual([]);
  });

  test('no fixture phrasing was copied into the knowledge base', () => {
    const phrasings = new Set(knowledge.entries.flatMap((e) => [e.question, ...e.alternatives]).map((p) => p.toLowerCase().trim()));
    expect(fixtures.inScope.map((f) => f.q.toLowerCase().trim()).filter((q) => phrasings.has(q))).toEqual([]);
  });

  test("top-1 accuracy and abstention rate stay at the floor reached (0.85, 0.93)", () => {
    const report = evaluate(engine, fixtures);
    expect(report.top1Accuracy).toBeGreaterThanOrEqual(0.85);
    expect(report.abstentionRate).toBeGreaterThanOrEqual(0.93);
  });
});

describe('the real knowledge base', () => {
  test.each(['how do I bake bread', 'excel macros', 'best microphone', 'macro keyboard', 'microwave popcorn', 'mezzo-soprano range', 'how to level up in a game'])(
    'never answers %j',
    (question) => {
      expect(engine.ask(question).answer).toBeNull();
    },
  );

  test('answers meso and mezzo questions alike', () => {
    expect(engine.ask('what is meso practice').answer).not.toBeNull();
    expect(engine.ask('is meso just another word for mezzo').answer?.doc.id).toBe('meso-same-as-mezzo');
  });

  test('autocomplete stays within Discord limits', () => {
    for (const prefix of ['', 'w', 'what is', 'mezzo', 'lcsw', 'zzz']) {
      const choices = engine.autocomplete(prefix);
      expect(choices.length).toBeLessThanOrEqual(25);
    }
    expect(engine.autocomplete('what is m').length).toBeGreaterThan(3);
  });
});
