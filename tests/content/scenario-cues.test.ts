import { describe, expect, test } from 'vitest';
import { ScenarioClassifier } from '../../src/engines/scenario.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const knowledge = loadKnowledge(REAL_KNOWLEDGE_DIR);
const classifier = new ScenarioClassifier(knowledge.cues, (level) => `${level}-definition`);

describe('ScenarioClassifier', () => {
  test.each([
    ['a social worker counsels a teen with depression', 'micro'],
    ['helping one person find housing', 'micro'],
    ['running a support group for grieving parents', 'mezzo'],
    ['training the staff of a local agency', 'mezzo'],
    ['a social worker lobbies the state for a housing bill', 'macro'],
    ['researching child poverty across the country', 'macro'],
    ['the hospital social worker starts helping the whole family adjust to the new baby', 'mezzo'],
    ['a social worker teaches self defence to a few women', 'micro'],
  ])('%j is %s', (text, level) => {
    const verdict = classifier.classify(text);
    expect(verdict?.level).toBe(level);
    expect(verdict?.cues.some((c) => c.level === level)).toBe(true);
  });

  test('says where the sources disagree', () => {
    expect(classifier.classify('family therapy with a couple and their kids')?.contested).toMatch(/source/i);
  });

  test('has nothing to say without a cue', () => {
    expect(classifier.classify('the weather is nice today')).toBeNull();
  });

  test('a hint from the best entry adds weight to its level', () => {
    expect(classifier.classify('writing grants', { level: 'mezzo', weight: 2, see: 'mezzo-examples' })?.level).toBe('mezzo');
  });

  /**
   * The lexicon is curated, not fitted, so leaving one item out changes nothing: this is the
   * leave-one-out accuracy on the knowledge base's own scenario-level quiz items.
   */
  test('classifies the knowledge base scenario quiz items', () => {
    const items = knowledge.quiz.filter((item) => item.kind === 'scenario-level');
    expect(items.length).toBeGreaterThanOrEqual(30);
    const right = items.filter((item) => classifier.classify(item.question)?.level === item.answer).length;
    expect(right / items.length).toBeGreaterThanOrEqual(SCENARIO_ITEM_FLOOR);
  });
});

/** The accuracy reached on the quiz items, rounded down to 0.01. */
const SCENARIO_ITEM_FLOOR = 0.99;
