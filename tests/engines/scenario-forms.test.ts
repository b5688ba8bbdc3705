import { describe, expect, test } from 'vitest';
import { cueVariants, pluralOf, verbForms } from '../../src/engines/scenario-forms.ts';

describe('verbForms', () => {
  test.each([
    ['lobby', ['lobbies', 'lobbying', 'lobbied']],
    ['organize', ['organizes', 'organizing', 'organized']],
    ['push', ['pushes', 'pushing', 'pushed']],
    ['testify', ['testifies', 'testifying', 'testified']],
    ['run', ['runs', 'running', 'ran']],
    ['lead', ['leads', 'leading', 'led']],
  ])('%s has %j', (verb, forms) => {
    expect(verbForms(verb)).toEqual(expect.arrayContaining(forms));
    expect(verbForms(verb)).not.toContain(verb);
  });

  test('a short closing consonant is doubled, and left single too ("visit" does not double)', () => {
    expect(verbForms('plan')).toEqual(expect.arrayContaining(['planning', 'planned']));
    expect(verbForms('visit')).toEqual(expect.arrayContaining(['visiting', 'visited']));
  });
});

describe('pluralOf', () => {
  test.each([
    ['policy', 'policies'],
    ['coalition', 'coalitions'],
    ['church', 'churches'],
    ['day', 'days'],
  ])('%s → %s', (noun, plural) => {
    expect(pluralOf(noun)).toBe(plural);
  });
});

describe('cueVariants', () => {
  test('a verb phrase inflects its first word, a noun phrase its last', () => {
    expect(cueVariants(['push', 'for'], 'verb')).toContainEqual(['pushing', 'for']);
    expect(cueVariants(['support', 'group'], 'noun')).toEqual([['support', 'groups']]);
  });
});
