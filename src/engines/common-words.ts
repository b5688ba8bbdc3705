import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** Enough to hold everyday English ("bake", "tree", "hitting") without its rarer misspelling-like words. */
const COMMON_WORD_COUNT = 30_000;

let cached: ReadonlySet<string> | null = null;

/**
 * The most frequent English words (popular-english-words, ordered by frequency). A word on this
 * list is a real word the student meant, so it is never "corrected" into a knowledge-base word.
 * Only the head of the file is parsed: the whole list would cost the bot ~10 MB of memory.
 */
export function commonEnglishWords(): ReadonlySet<string> {
  if (cached !== null) return cached;
  const file = createRequire(import.meta.url).resolve('popular-english-words/words.js');
  const source = readFileSync(file, 'utf8');
  const words = new Set<string>();
  const quoted = /'([a-z]+)'/g;
  // Each word is copied out (a Buffer round trip), so no substring keeps the 2 MB file alive.
  for (let match = quoted.exec(source); match !== null && words.size < COMMON_WORD_COUNT; match = quoted.exec(source)) {
    words.add(Buffer.from(match[1] as string, 'latin1').toString('latin1'));
  }
  cached = words;
  return words;
}
