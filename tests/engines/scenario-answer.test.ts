import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { readShape } from '../../src/engines/intent.ts';
import type { AnswerDoc } from '../../src/engines/retrieve.ts';
import { LevelAnswers, levelCheckText, scenarioText } from '../../src/engines/scenario-answer.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import type { Knowledge } from '../../src/knowledge/schema.ts';
import type { ScenarioVerdict } from '../../src/engines/scenario.ts';

const next: AnswerDoc = {
  id: 'term:support-group',
  kind: 'term',
  question: 'Support group',
  answer: 'A group whose members help each other.',
  levels: ['mezzo'],
  intent: 'definition',
  related: [],
  sources: ['test-source'],
  phrasings: ['Support group'],
};
const verdict = (cues: ScenarioVerdict['cues'], contested: string | null = null): ScenarioVerdict => ({
  level: 'mezzo',
  cues,
  sureness: 'high',
  scores: { micro: 1, mezzo: 6, macro: 0 },
  see: next.id,
  contested,
});

describe('scenarioText', () => {
  test('names the level first, then the cues either way, how sure, where sources disagree and what to read', () => {
    const text = scenarioText(
      verdict(
        [
          { cue: 'support group', level: 'mezzo' },
          { cue: 'client', level: 'micro' },
        ],
        'Group work can be either.',
      ),
      next,
    );
    expect(text).toBe(
      'This sounds like mezzo social work practice. What points there: “support group”. Pulling the other way: “client” (micro). ' +
        "I'm fairly sure. The sources disagree here: Group work can be either. Read next: Support group",
    );
  });
});

describe('levelCheckText', () => {
  test.each([
    [['mezzo'], 'Yes: a support group is mezzo social work practice.'],
    [['macro'], 'No: a support group is mezzo social work practice, not macro.'],
    [['micro', 'mezzo'], 'Mezzo: a support group is mezzo social work practice.'],
    [['micro', 'macro'], 'Neither: a support group is mezzo social work practice.'],
  ] as const)('asked %j: %s', (asked, opening) => {
    const text = levelCheckText(verdict([]), asked, 'a support group', next);
    expect(text.startsWith(`${opening} The glossary files it under mezzo.`)).toBe(true);
  });
});

describe('LevelAnswers.levelsDescribed', () => {
  const knowledge = loadKnowledge(path.resolve('tests/fixtures/class-knowledge'));
  const answers = new LevelAnswers(knowledge, new Map(), 2);

  test.each([
    ['what kind of job would a community organizer have', ['macro']],
    ['are there jobs for school counselors', ['micro']],
    ['jobs in social work', []],
  ])('%j describes %j', (question, levels) => {
    expect(answers.levelsDescribed(question, readShape(question))).toEqual(levels);
  });
});

describe('LevelAnswers.scenario: bare descriptions of practice', () => {
  const base = loadKnowledge(path.resolve('tests/fixtures/class-knowledge'));
  const cue = (text: string, level: 'micro' | 'mezzo' | 'macro', weight: number): Knowledge['cues'][number] => ({ cue: text, level, weight, file: 'test' });
  const knowledge: Knowledge = {
    ...base,
    cues: [cue('teen', 'micro', 1.5), cue('advice', 'micro', 1.5), cue('group', 'mezzo', 2.5), cue('study', 'macro', 2), cue('studying', 'macro', 2)],
  };
  const definitions = new Map(
    (['micro', 'mezzo', 'macro'] as const).map((level) => [`${level}-definition`, { ...next, id: `${level}-definition`, levels: [level] }] as const),
  );
  const answers = new LevelAnswers(knowledge, definitions, 2);
  const levelOf = (text: string): string | null => answers.scenario(text, readShape(text), [], true)?.scenario.level ?? null;

  test.each([
    ['giving a teen a lift to the doctor', 'micro'],
    ['running a grief group at the hospice', 'mezzo'],
  ])('%j, led by what the worker does and naming whom it is for, is %s', (text, level) => {
    expect(levelOf(text)).toBe(level);
  });

  test.each(['studying for the licensing exam tonight', 'running a group in macro social work', 'the group meets on tuesdays at noon'])(
    '%j is not classified: the verb is its only cue, it names a level, or it is no action with a single cue',
    (text) => {
      expect(levelOf(text)).toBeNull();
    },
  );
});

describe('LevelAnswers.levelsDescribed: a word that only leans says nothing', () => {
  const base = loadKnowledge(path.resolve('tests/fixtures/class-knowledge'));
  const knowledge: Knowledge = { ...base, cues: [...base.cues, { cue: 'nonprofits', level: 'mezzo', weight: 0.5, file: 'test' }] };
  const answers = new LevelAnswers(knowledge, new Map(), 2);

  test.each([
    ['which jobs do nonprofits hire for', []],
    ['which jobs work with a group', ['mezzo']],
  ])('%j describes %j', (question, levels) => {
    expect(answers.levelsDescribed(question, readShape(question))).toEqual(levels);
  });
});

describe('LevelAnswers.scenario: the entry to read next', () => {
  const knowledge = loadKnowledge(path.resolve('tests/fixtures/class-knowledge'));
  const definitions = new Map(
    (['micro', 'mezzo', 'macro'] as const).map((level) => [`${level}-definition`, { ...next, id: `${level}-definition`, levels: [level] }] as const),
  );
  const answers = new LevelAnswers(knowledge, definitions, 2);
  const entry = (id: string, intent: AnswerDoc['intent'], levels: AnswerDoc['levels']): AnswerDoc => ({ ...next, id, kind: 'entry', intent, levels });
  const candidate = (doc: AnswerDoc, score: number, index: number) => ({ doc, score, index, questionShare: score });
  const question = 'a social worker runs a support group at the hospital, which level is that';
  const seen = (candidates: ReturnType<typeof candidate>[]) => answers.scenario(question, readShape(question), candidates, true)?.doc.id;
  const comparison = entry('micro-vs-mezzo', 'comparison', ['micro', 'mezzo']);

  test('an entry that answers a classification of that level is read next: the first candidate, or the second scoring no lower', () => {
    const classification = entry('hospital-work-levels', 'classification', ['micro', 'mezzo']);
    expect(seen([candidate(classification, 0.6, 1)])).toBe('hospital-work-levels');
    expect(seen([candidate(comparison, 0.58, 0), candidate(classification, 0.6, 1)])).toBe('hospital-work-levels');
    expect(seen([candidate(comparison, 0.7, 0), candidate(classification, 0.6, 1)])).toBe('mezzo-definition');
    expect(seen([candidate(comparison, 0.58, 0), candidate(entry('mixing-levels', 'explanation', ['micro', 'mezzo']), 0.6, 1)])).toBe('mezzo-definition');
  });

  test('the glossary card the question names, when it is filed under the level found, unless an entry answers the classification', () => {
    const card = entry('term:support-group', 'definition', ['mezzo']);
    const named = (candidates: ReturnType<typeof candidate>[], doc: AnswerDoc) =>
      answers.scenario(question, readShape(question), candidates, true, question, doc)?.doc.id;
    expect(named([candidate(comparison, 0.7, 0)], card)).toBe('term:support-group');
    expect(named([candidate(comparison, 0.7, 0)], { ...card, levels: ['micro'] })).toBe('mezzo-definition');
    expect(named([candidate(entry('hospital-work-levels', 'classification', ['mezzo']), 0.8, 1)], card)).toBe('hospital-work-levels');
  });

  test('not a weak one, one of another level or one further down: the level is defined', () => {
    const classification = entry('hospital-work-levels', 'classification', ['micro', 'mezzo']);
    expect(seen([candidate(comparison, 0.4, 0), candidate(classification, 0.5, 1)])).toBe('mezzo-definition');
    expect(seen([candidate(comparison, 0.58, 0), candidate(entry('macro-check', 'classification', ['macro']), 0.8, 1)])).toBe('mezzo-definition');
    expect(seen([candidate(comparison, 0.58, 0), candidate(comparison, 0.6, 2), candidate(classification, 0.9, 1)])).toBe('mezzo-definition');
    expect(seen([candidate(comparison, 0.9, 0)])).toBe('mezzo-definition');
  });
});
