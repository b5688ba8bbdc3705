import { describe, expect, test } from 'vitest';
import { ScenarioClassifier } from '../../src/engines/scenario.ts';
import type { ScenarioCue } from '../../src/knowledge/schema.ts';

/** A made-up lexicon: each cue exercises one rule of the matcher. */
const cues: ScenarioCue[] = [
  { cue: 'teen', level: 'micro', weight: 1.5, file: 'test' },
  { cue: 'teens', level: 'mezzo', weight: 1.5, file: 'test' },
  { cue: 'counsel', level: 'micro', weight: 1.5, forms: 'verb', file: 'test' },
  { cue: 'lobby', level: 'macro', weight: 3, forms: 'verb', file: 'test' },
  { cue: 'support group', level: 'mezzo', weight: 2.5, forms: 'noun', file: 'test' },
  { cue: 'group', level: 'mezzo', weight: 2.5, file: 'test' },
  { cue: 'law', level: 'macro', weight: 3, forms: 'noun', file: 'test' },
  { cue: 'laws', level: 'micro', weight: 0.5, file: 'test' },
  { cue: 'class', level: 'mezzo', weight: 2, forms: 'noun', setting: true, file: 'test' },
  { cue: 'hospital', level: 'mezzo', weight: 2, setting: true, file: 'test' },
];
const classifier = new ScenarioClassifier(cues, (level) => `${level}-definition`);

describe('ScenarioClassifier word forms', () => {
  test('a cue with verb forms matches its -s, -ing and -ed forms, counted once', () => {
    for (const text of ['she lobbies the state', 'lobbying the state', 'they lobbied the state']) {
      expect(classifier.classify(text)?.scores.macro).toBe(3);
    }
    expect(classifier.classify('lobbying and lobbying again')?.scores.macro).toBe(3);
  });

  test('a noun phrase matches its plural', () => {
    expect(classifier.classify('running support groups')?.cues).toEqual([{ cue: 'support group', level: 'mezzo' }]);
  });

  test('number is kept where the lexicon says it decides: a teen is micro, teens mezzo', () => {
    expect(classifier.classify('counselling a teen')?.level).toBe('micro');
    expect(classifier.classify('counselling teens in a room')?.scores).toEqual({ micro: 1.5, mezzo: 1.5, macro: 0 });
  });

  test('a form written as a cue of its own keeps its own level and weight', () => {
    expect(classifier.classify('laws')?.scores).toEqual({ micro: 0.5, mezzo: 0, macro: 0 });
  });

  test('each word counts once, in the longest cue that holds it', () => {
    expect(classifier.classify('a support group')?.scores.mezzo).toBe(2.5);
  });

  test('a setting after "at" or "in" counts a quarter: it says where, not who is helped', () => {
    expect(classifier.classify('counselling a teen bullied in class')?.level).toBe('micro');
    expect(classifier.classify('counselling a teen bullied in class')?.scores.mezzo).toBe(0.5);
    expect(classifier.classify('teaching a class')?.scores.mezzo).toBe(2);
  });

  test('a setting just before the worker names their workplace, not the client', () => {
    expect(classifier.classify('a hospital social worker counsels a teen')?.scores).toEqual({ micro: 3, mezzo: 0.5, macro: 0 });
    expect(classifier.classify('changing how the hospital discharges people')?.scores.mezzo).toBe(2);
  });

  test('a cue the text denies counts for nothing: "never counsels", "rather than counselling"', () => {
    expect(classifier.classify('she never counsels a teen but lobbies the state')?.scores).toEqual({ micro: 0, mezzo: 0, macro: 3 });
    expect(classifier.classify('she counsels a teen and never lobbies')?.scores).toEqual({ micro: 3, mezzo: 0, macro: 0 });
    expect(classifier.classify('lobbying rather than counselling')?.scores).toEqual({ micro: 0, mezzo: 0, macro: 3 });
  });

  test('lists every word of every form it matches', () => {
    expect([...classifier.words()]).toEqual(expect.arrayContaining(['lobbies', 'groups', 'teens', 'counseling']));
  });
});
