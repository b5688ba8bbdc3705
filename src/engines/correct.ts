import { editDistance, isLevelLookalike, isStopword } from '../text.ts';
import { eachOf, runToEnd, type Steps } from './steps.ts';

/** Words shorter than this are never corrected: too many real words lie one letter apart. */
const MIN_LENGTH = 4;
/** Up to this length (of the typed word or the word meant, the longer) one edit is allowed; longer words may take two. */
const ONE_EDIT_UP_TO = 6;
/** The most edits any correction takes (words longer than ONE_EDIT_UP_TO). */
const MAX_EDITS = 2;
const CACHE_LIMIT = 10_000;
/** A word typed without vowels is read from this many letters ("wrk"): fewer are too ambiguous. */
const MIN_SKELETON_LENGTH = 3;
/** No vowel after the first letter: "lvls", "wrk", "xmpls" ("y" counts as a consonant). */
const VOWELLESS = /^[a-z][^aeiou]+$/;
/** Among words with the same consonants, the most used must be this many times as frequent as the next. */
const CLEAR_LEAD = 3;

/** A word's consonants, its first letter kept whatever it is, doubled letters once: "example" → "exmpl", "community" → "cmnty". */
function skeletonOf(word: string): string {
  return ((word[0] as string) + word.slice(1).replace(/[aeiou]/g, '')).replace(/(.)\1+/g, '$1');
}

/** Whether `typed` is `known` with only vowels after the first letter, or repeats of a letter, left out. */
function dropsOnlyVowels(typed: string, known: string): boolean {
  if (typed[0] !== known[0]) return false;
  let t = 1;
  for (let k = 1; k < known.length; k++) {
    if (t < typed.length && typed[t] === known[k]) t++;
    else if (!/[aeiou]/.test(known[k] as string) && known[k] !== known[k - 1]) return false;
  }
  return t === typed.length;
}

/** How SpellCorrector finds the known words near a typed one. */
interface Lookups {
  readonly buckets: ReadonlyMap<string, ReadonlyMap<number, readonly string[]>>;
  readonly bySkeleton: ReadonlyMap<string, readonly string[]>;
}

function* lookupsOf(frequency: ReadonlyMap<string, number>): Steps<Lookups> {
  const buckets = new Map<string, Map<number, string[]>>();
  const bySkeleton = new Map<string, string[]>();
  yield* eachOf([...frequency.keys()], (word) => {
    if (/\d/.test(word)) return;
    const skeleton = skeletonOf(word);
    if (skeleton !== word) {
      const same = bySkeleton.get(skeleton);
      if (same === undefined) bySkeleton.set(skeleton, [word]);
      else same.push(word);
    }
    if (word.length < MIN_LENGTH) return;
    const first = word[0] as string;
    let byLength = buckets.get(first);
    if (byLength === undefined) buckets.set(first, (byLength = new Map()));
    const list = byLength.get(word.length);
    if (list === undefined) byLength.set(word.length, [word]);
    else list.push(word);
  });
  return { buckets, bySkeleton };
}

/**
 * Corrects misspelt words against the knowledge base's own vocabulary with the
 * Damerau–Levenshtein distance (a swap of neighbours counts once): one edit for words of
 * 4–6 letters, two from 7. Among equally close words the more frequent one wins. The first
 * letter must match (or be swapped with the second), as it does in nearly every real typo.
 */
export class SpellCorrector {
  /** Known words by first letter, then by length. */
  private readonly buckets: ReadonlyMap<string, ReadonlyMap<number, readonly string[]>>;
  private readonly cache = new Map<string, string | null>();
  /** Known words by their consonants: "work" under "wrk", "levels" under "lvls". */
  private readonly bySkeleton: ReadonlyMap<string, readonly string[]>;

  /** A SpellCorrector built in steps (steps.ts). */
  static *build(frequency: ReadonlyMap<string, number>, realWords: ReadonlySet<string> = new Set()): Steps<SpellCorrector> {
    return new SpellCorrector(frequency, realWords, yield* lookupsOf(frequency));
  }

  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    /** Real words that are never corrected, however close to a known one ("bread" is not "broad"). */
    private readonly realWords: ReadonlySet<string> = new Set(),
    lookups: Lookups = runToEnd(lookupsOf(frequency)),
  ) {
    ({ buckets: this.buckets, bySkeleton: this.bySkeleton } = lookups);
  }

  isKnown(word: string): boolean {
    return this.frequency.has(word);
  }

  /**
   * The known word closest to a real word the knowledge base never uses ("tree", "mater"), for a
   * caller that checks the words around it first: correct() leaves real words alone.
   */
  closestToRealWord(word: string): string | null {
    if (!this.realWords.has(word) || this.frequency.has(word) || word.length < MIN_LENGTH || isLevelLookalike(word)) return null;
    const closest = this.search(word, false);
    // One edit only: a real word two edits from a known one ("medicare", "medical") is what was meant.
    return closest !== null && editDistance(word, closest, 1) <= 1 ? closest : null;
  }

  /** The known word meant by `word`, itself when already known, or null when nothing is close enough. */
  correct(word: string): string | null {
    if (this.frequency.has(word)) return word;
    // "microwave", "macros", "microsoft" are other words, never a level misspelt.
    if (word.length < MIN_SKELETON_LENGTH || /\d/.test(word) || isLevelLookalike(word) || this.realWords.has(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    // A word with no vowel is shorthand ("wrk"), or an acronym one edit from a word ("lmft" is not "left").
    const vowelless = VOWELLESS.test(word);
    const searched = word.length >= MIN_LENGTH ? this.search(word, vowelless) : null;
    const corrected = vowelless ? (this.unabbreviated(word) ?? searched) : (searched ?? this.unabbreviated(word));
    // A four-letter word typed with a letter dropped ("jos", "cae", "lcw"): too short to search, but one letter short of few words.
    const completed = corrected ?? (word.length === MIN_LENGTH - 1 ? this.completed(word) : null);
    if (this.cache.size < CACHE_LIMIT) this.cache.set(word, completed);
    return completed;
  }

  /**
   * The four-letter word that is `word` with one letter added after its first: a stopword when one is ("fom" is
   * "from", not "form"), else the known word when it is the only one or clearly the most used.
   */
  private completed(word: string): string | null {
    const stopwords = new Set<string>();
    for (let at = 1; at <= word.length; at++) {
      for (const letter of 'abcdefghijklmnopqrstuvwxyz') {
        const candidate = word.slice(0, at) + letter + word.slice(at);
        if (isStopword(candidate)) stopwords.add(candidate);
      }
    }
    if (stopwords.size > 0) return stopwords.size === 1 ? ([...stopwords][0] as string) : null;
    // A word with no vowel is completed only to an acronym ("lcw" is "lcsw"); "rly" may be "really" as well as "rely".
    const acronymsOnly = VOWELLESS.test(word);
    const matches = (this.buckets.get(word[0] as string)?.get(word.length + 1) ?? []).filter(
      (known) =>
        (!acronymsOnly || VOWELLESS.test(known)) &&
        Array.from({ length: known.length - 1 }, (_, i) => known.slice(0, i + 1) + known.slice(i + 2)).includes(word),
    );
    const [first, second] = [...matches].sort((a, b) => (this.frequency.get(b) ?? 0) - (this.frequency.get(a) ?? 0));
    if (first === undefined) return null;
    return second === undefined || (this.frequency.get(first) ?? 0) >= CLEAR_LEAD * (this.frequency.get(second) ?? 0) ? first : null;
  }

  /**
   * A word typed without its vowels, or some of them ("wrk", "lvls", "socl", "cmnty"): the known
   * word it is with only vowels and doubled letters left out, when exactly one is, or one is
   * clearly the most used.
   */
  private unabbreviated(word: string): string | null {
    const matches = (this.bySkeleton.get(skeletonOf(word)) ?? []).filter((known) => known.length > word.length && dropsOnlyVowels(word, known));
    const [first, second] = [...matches].sort((a, b) => (this.frequency.get(b) ?? 0) - (this.frequency.get(a) ?? 0));
    if (first === undefined) return null;
    return second === undefined || (this.frequency.get(first) ?? 0) >= CLEAR_LEAD * (this.frequency.get(second) ?? 0) ? first : null;
  }

  /** The closest known word; for a word with no vowels ("lcssw"), only an acronym like it ("lcsw"), never "left" for "lmft". */
  private search(word: string, acronymsOnly: boolean): string | null {
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    const consider = (candidate: string): void => {
      // The length that counts is the longer of the two: "prupse" (six letters) is "purpose" (seven) with two edits.
      const allowed = Math.max(word.length, candidate.length) <= ONE_EDIT_UP_TO ? 1 : MAX_EDITS;
      const distance = editDistance(word, candidate, Math.min(allowed, bestDistance));
      if (distance === Infinity || distance > bestDistance) return;
      const frequency = this.frequency.get(candidate) ?? 0;
      // Closer first, then more frequent, then alphabetical: the same answer every time.
      if (distance < bestDistance || frequency > bestFrequency || (frequency === bestFrequency && best !== null && candidate < best)) {
        best = candidate;
        bestDistance = distance;
        bestFrequency = frequency;
      }
    };
    const firstLetters = word.length > 1 && word[0] !== word[1] ? [word[0] as string, word[1] as string] : [word[0] as string];
    for (const [index, letter] of firstLetters.entries()) {
      const byLength = this.buckets.get(letter);
      if (byLength === undefined) continue;
      for (let length = word.length - MAX_EDITS; length <= word.length + MAX_EDITS; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          // From the second letter's bucket, only words that swap the first two letters.
          if (index === 1 && candidate[1] !== word[0]) continue;
          if (acronymsOnly && !VOWELLESS.test(candidate)) continue;
          consider(candidate);
        }
      }
    }
    return best;
  }
}
