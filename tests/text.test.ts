import { describe, expect, test } from 'vitest';
import { contentTokens, editDistance, expandWords, foldText, hasLookalikeCompanion, isLevelLookalike, MAX_QUERY_CHARS, RecentCache } from '../src/text.ts';

describe('foldText', () => {
  test.each([
    ['What IS Micro-Practice?!', 'what is micro practice'],
    ['Méso  niveau — équipe', 'meso niveau equipe'],
    ['what’s   mezzo', 'whats mezzo'],
    ['zero\u200Bwidth\uFEFF joiner', 'zerowidth joiner'],
    ['ｍａｃｒｏ (full width)', 'macro full width'],
    ['**bold** `code` @everyone <@123>', 'bold code everyone 123'],
  ])('folds %j to %j', (input, expected) => {
    expect(foldText(input)).toBe(expected);
  });

  test.each([[''], ['   \n\t  '], [null], [undefined], [42]])('returns an empty string for %j', (input) => {
    expect(foldText(input)).toBe('');
  });

  test('cuts very long input before working on it', () => {
    expect(foldText('a'.repeat(10_000)).length).toBe(MAX_QUERY_CHARS);
  });

  test('folds plain ASCII (its quick path) as the Unicode path does', () => {
    const ascii = `${Array.from({ length: 128 }, (_, code) => String.fromCharCode(code)).join('')} It's \`Micro\`-level, isn't it? 3x_y`;
    // An invisible character, which folding removes, sends the same text down the Unicode path.
    expect(foldText(ascii)).toBe(foldText(`${ascii}\u200B`));
    expect(foldText(ascii)).toMatch(/ its micro level isnt it 3x y$/);
  });
});

describe('RecentCache', () => {
  test('keeps recently used values and forgets ones unused for a while', () => {
    const cache = new RecentCache<number>(4);
    cache.set('a', 1);
    cache.set('b', 2);
    cache.set('c', 3);
    expect(cache.get('a')).toBe(1);
    cache.set('d', 4);
    cache.set('e', 5);
    cache.set('f', 6);
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('c')).toBeUndefined();
    expect([cache.get('d'), cache.get('e'), cache.get('f')]).toEqual([4, 5, 6]);
  });
});

describe('expandWords', () => {
  test.each([
    ['sw', ['social', 'work']],
    ['meso', ['mezzo', 'meso']],
    ['3 levels', ['three', 'levels']],
    ['careers', ['job']],
    ['masters or bachelors', ['msw', 'or', 'bsw']],
    ['a good example of macro', ['a', 'example', 'of', 'macro']],
    ['what good does macro do', ['what', 'good', 'does', 'macro', 'do']],
    ['social work in general', ['social', 'work', 'in']],
    ['general practice', ['general', 'practice']],
    ['diff micro vs macro', ['difference', 'micro', 'difference', 'macro']],
    ['PIE theory', ['person', 'environment', 'theory']],
    ['community organising', ['community', 'organizing']],
    ['family counselling', ['family', 'counseling']],
    ['neighbourhood behaviour', ['neighborhood', 'behavior']],
    ['licence', ['license']],
    ['nonprofit admin grp', ['nonprofit', 'administration', 'group']],
    ['approaches strategies interventions tools', ['methods', 'methods', 'methods', 'methods']],
    ['y r u here', ['why', 'are', 'u', 'here']],
    ['uni reqs info', ['university', 'requirements', 'information']],
    ['eachother', ['each', 'other']],
    ['mezzzo sooo helllpful', ['mezzo', 'soo', 'hellpful']], // a held-down key leaves two, and "mezzzo" is no look-alike
  ])('expands %j', (input, expected) => {
    expect(expandWords(input)).toEqual(expected);
  });
});

describe('isLevelLookalike', () => {
  test.each(['microwave', 'microphone', 'macroeconomics', 'mezzanine', 'macros', 'micros'])('flags %j', (word) => {
    expect(isLevelLookalike(word)).toBe(true);
  });
  test.each(['micro', 'macro', 'mezzo', 'meso', 'mic'])('does not flag %j', (word) => {
    expect(isLevelLookalike(word)).toBe(false);
  });
});

describe('hasLookalikeCompanion', () => {
  test.each(['how to make a macro in vim', 'record a macro in emacs', 'excel macro to copy rows', 'micro usb cable'])(
    '%j: the level word is another thing',
    (text) => {
      expect(hasLookalikeCompanion(expandWords(text))).toBe(true);
    },
  );

  test('a level word among social-work words is a level', () => {
    expect(hasLookalikeCompanion(expandWords('how do macro social workers change policy'))).toBe(false);
  });
});

describe('editDistance', () => {
  test.each([
    ['socail', 'social', 1],
    ['licsense', 'license', 1],
    ['bread', 'broad', 1],
    ['micro', 'macro', 1],
    ['clincal', 'clinical', 1],
    ['comprehension', 'comprehensive', 2],
  ])('%s → %s is %i', (a, b, distance) => {
    expect(editDistance(a, b, 3)).toBe(distance);
  });
  test('gives up past the limit', () => {
    expect(editDistance('keyboard', 'kindness', 1)).toBe(Infinity);
  });
});

describe('contentTokens', () => {
  test('drops question scaffolding and stems what is left', () => {
    expect(contentTokens('What is the difference between micro and macro practices?')).toEqual(['differ', 'between', 'micro', 'macro', 'practic']);
  });

  test('treats British and American spellings alike', () => {
    expect(contentTokens('organisation')).toEqual(contentTokens('organization'));
    expect(contentTokens('mezzo practice')).toEqual(contentTokens('mezzo practise'));
  });

  test('has nothing to say about filler', () => {
    expect(contentTokens('hey can you please explain what it is')).toEqual([]);
  });

  test('has nothing to say about chat filler, plural scaffolding or a typo of a stopword', () => {
    expect(contentTokens('nah yeah yep kinds sorts bruh teh adn hte we had, she said wym, bc my notes are trash')).toEqual([]);
    expect(contentTokens('the main thing, what suits someone who wants it')).toEqual([]);
  });

  test('drops the idioms "at the same time", "each other" and "where\'s the line": no topic of their own', () => {
    expect(contentTokens('how is mezzo different from micro and macro at the same time')).toEqual(contentTokens('how is mezzo different from micro and macro'));
    expect(contentTokens('how do micro and mezzo differ from each other')).toEqual(contentTokens('how do micro and mezzo differ'));
    expect(contentTokens('is meso the same as mezzo')).toContain('same');
    expect(contentTokens("mezzo and macro, where's the line")).toEqual(contentTokens('mezzo and macro'));
    expect(contentTokens('where do you draw the line between micro and mezzo')).toEqual(contentTokens('between micro and mezzo'));
    expect(contentTokens('a line manager')).toContain('line');
    expect(contentTokens('show me some mezzo examples')).toEqual(contentTokens('mezzo examples'));
  });

  test('drops the story about studying that long questions wrap around the real one', () => {
    expect(contentTokens('for my intro class, in the textbook, for my exam tomorrow: mezzo goals')).toEqual(contentTokens('mezzo goals'));
    expect(contentTokens('mezzo definition for my flashcards, from the seminar slides')).toEqual(contentTokens('mezzo definition'));
  });

  test("keeps a professor, teacher or class that is not someone's: a job or a group is a topic", () => {
    expect(contentTokens('can social workers become professors')).toContain('professor');
    expect(contentTokens('self defense classes for teens')).toContain('class');
    expect(contentTokens('my professor said our class is about macro')).toEqual(contentTokens('said about macro'));
  });

  test('keeps organizing apart from organizations, which Porter stems alike', () => {
    expect(contentTokens('community organizing')).not.toEqual(contentTokens('community organization'));
    expect(contentTokens('organisational')).toEqual(contentTokens('organizations'));
    expect(contentTokens('organising')).toEqual(contentTokens('organized'));
  });
});
