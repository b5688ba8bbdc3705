import { describe, expect, test } from 'vitest';
import { SpellCorrector } from '../../src/engines/correct.ts';

const vocabulary = new Map([
  ['social', 10],
  ['work', 12],
  ['levels', 5],
  ['examples', 4],
  ['difference', 3],
  ['practice', 8],
  ['macro', 9],
  ['micro', 9],
  ['mezzo', 7],
  ['licensing', 2],
  ['clinical', 3],
  ['broad', 1],
  ['constructive', 1],
]);
const corrector = new SpellCorrector(vocabulary, new Set(['bread', 'hitting']));

describe('SpellCorrector', () => {
  test('a real word the knowledge base never uses offers the known word one edit away, for a caller to check against its neighbours', () => {
    const near = new SpellCorrector(
      new Map([
        ['three', 5],
        ['matter', 4],
        ['medical', 3],
      ]),
      new Set(['tree', 'mater', 'medicare', 'bread']),
    );
    expect(near.correct('tree')).toBeNull(); // never corrected on its own
    expect(near.closestToRealWord('tree')).toBe('three');
    expect(near.closestToRealWord('mater')).toBe('matter');
    expect(near.closestToRealWord('medicare')).toBeNull(); // two edits from medical
    expect(near.closestToRealWord('bread')).toBeNull(); // nothing one edit away
    expect(near.closestToRealWord('three')).toBeNull(); // known already
  });

  test('a four-letter word typed with a letter dropped is completed: a stopword first, else a clear lead', () => {
    const short = new SpellCorrector(
      new Map([
        ['work', 12],
        ['jobs', 5],
        ['form', 3],
        ['case', 4],
        ['care', 4],
        ['lcsw', 6],
      ]),
      new Set(['wok']),
    );
    expect(short.correct('jbs')).toBe('jobs');
    expect(short.correct('lcw')).toBe('lcsw');
    expect(short.correct('fom')).toBe('from'); // not "form"
    expect(short.correct('cae')).toBeNull(); // case and care tie
    expect(short.correct('wok')).toBeNull(); // a real word
  });

  test.each([
    ['socail', 'social'], // transposition counts as one edit
    ['wrok', 'work'],
    ['levles', 'levels'],
    ['socal', 'social'], // dropped letter
    ['exmaples', 'examples'],
    ['diffrence', 'difference'],
    ['practce', 'practice'],
    ['licesning', 'licensing'], // 9 letters: two edits allowed
    ['clincal', 'clinical'],
  ])('corrects %s to %s', (typo, word) => {
    expect(corrector.correct(typo)).toBe(word);
  });

  test('allows one edit up to six letters and two from seven', () => {
    expect(corrector.correct('sxcixl')).toBeNull(); // six letters, two edits
    expect(corrector.correct('prectise')).toBe('practice'); // eight letters, two edits
    expect(corrector.correct('clincl')).toBe('clinical'); // six letters typed, but the word meant has eight
  });

  test.each(['microwave', 'macros', 'mezzanine', 'microsoft'])('never turns the look-alike %s into a level word', (word) => {
    expect(corrector.correct(word)).toBeNull();
  });

  test('leaves real words alone, however close', () => {
    expect(corrector.correct('bread')).toBeNull();
    expect(corrector.correct('hitting')).toBeNull();
  });

  test('prefers the more frequent of two equally close words', () => {
    const tie = new SpellCorrector(
      new Map([
        ['micro', 1],
        ['macro', 5],
      ]),
    );
    expect(tie.correct('mxcro')).toBe('macro');
    expect(tie.correct('micrp')).toBe('micro'); // but a closer word always wins
  });

  test('treats prototype names as ordinary words', () => {
    for (const word of ['constructor', '__proto__', 'tostring', 'hasownproperty']) expect(() => corrector.correct(word)).not.toThrow();
    expect(corrector.correct('constructiv')).toBe('constructive');
    expect(corrector.correct('__proto__')).toBeNull();
  });
});

describe('SpellCorrector: acronyms', () => {
  const acronyms = new SpellCorrector(
    new Map([
      ['lcsw', 4],
      ['left', 9],
    ]),
  );

  test('corrects a mistyped acronym to the acronym, not to a word', () => {
    expect(acronyms.correct('lcssw')).toBe('lcsw'); // a letter doubled
    expect(acronyms.correct('lscw')).toBe('lcsw'); // two swapped
    expect(acronyms.correct('lmft')).toBeNull(); // another acronym, not "left"
  });
});

describe('SpellCorrector: words typed without their vowels', () => {
  const typed = new SpellCorrector(
    new Map([
      ['work', 12],
      ['worker', 4],
      ['levels', 5],
      ['community', 3],
      ['social', 10],
      ['school', 2],
      ['micro', 9],
      ['macro', 9],
      ['left', 3],
      ['really', 2],
      ['rely', 2],
    ]),
  );

  test.each([
    ['wrk', 'work'],
    ['wrkr', 'worker'],
    ['lvls', 'levels'],
    ['cmnty', 'community'], // a doubled letter typed once
    ['socl', 'social'], // some vowels kept
    ['scl', 'social'], // "school" too, but "social" is clearly the more used
  ])('%j → %j', (word, expected) => {
    expect(typed.correct(word)).toBe(expected);
  });

  test.each([
    ['mcr', 'micro and macro are equally used'],
    ['rly', 'really and rely are equally used'],
    ['lmft', 'an acronym one edit from "left" is not "left"'],
  ])('%j is left alone: %s', (word) => {
    expect(typed.correct(word)).toBeNull();
  });
});
