import { editDistance, isLevelLookalike } from './text.ts';

/** Words shorter than this are never corrected: too many real words lie one letter apart. */
const MIN_LENGTH = 4;
/** Up to this length one edit is allowed; longer words may take two. */
const ONE_EDIT_UP_TO = 6;
const CACHE_LIMIT = 10_000;

/**
 * Corrects misspelt words against the knowledge base's own vocabulary with the
 * Damerau–Levenshtein distance (a swap of neighbours counts once): one edit for words of
 * 4–6 letters, two from 7. Among equally close words the more frequent one wins. The first
 * letter must match (or be swapped with the second), as it does in nearly every real typo.
 */
export class SpellCorrector {
  /** Known words by first letter, then by length. */
  private readonly buckets = new Map<string, Map<number, string[]>>();
  private readonly cache = new Map<string, string | null>();

  constructor(
    private readonly frequency: ReadonlyMap<string, number>,
    /** Real words that are never corrected, however close to a known one ("bread" is not "broad"). */
    private readonly realWords: ReadonlySet<string> = new Set(),
  ) {
    for (const word of frequency.keys()) {
      if (word.length < MIN_LENGTH || /\d/.test(word)) continue;
      const first = word[0] as string;
      let byLength = this.buckets.get(first);
      if (byLength === undefined) this.buckets.set(first, (byLength = new Map()));
      const list = byLength.get(word.length);
      if (list === undefined) byLength.set(word.length, [word]);
      else list.push(word);
    }
  }

  isKnown(word: string): boolean {
    return this.frequency.has(word);
  }

  /** The known word meant by `word`, itself when already known, or null when nothing is close enough. */
  correct(word: string): string | null {
    if (this.frequency.has(word)) return word;
    // "microwave", "macros", "microsoft" are other words, never a level misspelt.
    if (word.length < MIN_LENGTH || /\d/.test(word) || isLevelLookalike(word) || this.realWords.has(word)) return null;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached;
    const corrected = this.search(word);
    if (this.cache.size < CACHE_LIMIT) this.cache.set(word, corrected);
    return corrected;
  }

  private search(word: string): string | null {
    const max = word.length <= ONE_EDIT_UP_TO ? 1 : 2;
    let best: string | null = null;
    let bestDistance = Infinity;
    let bestFrequency = 0;
    const consider = (candidate: string): void => {
      const distance = editDistance(word, candidate, Math.min(max, bestDistance));
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
      for (let length = word.length - max; length <= word.length + max; length++) {
        for (const candidate of byLength.get(length) ?? []) {
          // From the second letter's bucket, only words that swap the first two letters.
          if (index === 1 && candidate[1] !== word[0]) continue;
          consider(candidate);
        }
      }
    }
    return best;
  }
}
