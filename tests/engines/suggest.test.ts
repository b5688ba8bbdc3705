import { load as parseYaml } from 'js-yaml';
import { describe, expect, test } from 'vitest';
import { phrasingKey, proposalsYaml, proposePhrasings } from '../../src/engines/suggest.ts';

const entries = [
  { id: 'mezzo-definition', question: 'What is mezzo social work?', alternatives: ['mezzo practice meaning'], file: 'knowledge/qa/levels.yaml' },
  { id: 'micro-jobs', question: 'What jobs are micro?', alternatives: [], file: 'knowledge/qa/examples-and-jobs.yaml' },
];

describe('kb:suggest proposals', () => {
  test('near-duplicates share a key: case, punctuation, word order and filler words do not matter', () => {
    expect(phrasingKey('Mezzo vibe?')).toBe(phrasingKey('  the vibe of MEZZO '));
    expect(phrasingKey('mezzo vibe')).not.toBe(phrasingKey('macro vibe'));
  });

  test('groups picks per entry with counts, most picked first; never proposes a known phrasing, a fixture, a term or a vanished entry', () => {
    const proposals = proposePhrasings({
      picks: [
        { question: 'mezzo vibe', docId: 'mezzo-definition' },
        { question: 'Mezzo vibe?', docId: 'mezzo-definition' },
        { question: 'group level thing', docId: 'mezzo-definition' },
        { question: 'Mezzo practice, meaning?', docId: 'mezzo-definition' },
        { question: 'micro jobs near me', docId: 'micro-jobs' },
        { question: 'which jobs does micro have', docId: 'micro-jobs' },
        { question: 'empathy meaning', docId: 'term:empathy' },
        { question: 'old entry', docId: 'gone' },
      ],
      unanswered: ['mezzo vibe', 'Mezzo vibe?', 'MEZZO VIBE', 'group level thing', 'micro jobs near me'],
      entries,
      fixtures: ['Which jobs does micro have?'],
    });
    expect(proposals).toEqual([
      {
        entryId: 'mezzo-definition',
        file: 'knowledge/qa/levels.yaml',
        phrasings: [
          { text: 'mezzo vibe', picked: 2, asked: 3 },
          { text: 'group level thing', picked: 1, asked: 1 },
        ],
      },
      { entryId: 'micro-jobs', file: 'knowledge/qa/examples-and-jobs.yaml', phrasings: [{ text: 'micro jobs near me', picked: 1, asked: 1 }] },
    ]);
  });

  test('the YAML pastes under an entry, whatever the student typed', () => {
    const yaml = proposalsYaml(
      [{ entryId: 'mezzo-definition', file: 'knowledge/qa/levels.yaml', phrasings: [{ text: 'is "mezzo": # a level?', picked: 1, asked: 2 }] }],
      1,
    );
    expect(parseYaml(yaml)).toEqual([{ id: 'mezzo-definition', alternatives: ['is "mezzo": # a level?'] }]);
    expect(yaml).toMatch(/# picked 1×, asked 2×$/m);
    expect(parseYaml(proposalsYaml([], 0))).toEqual([]);
  });
});
