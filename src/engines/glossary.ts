import Fuse from 'fuse.js';
import type { GlossaryTerm } from '../knowledge/schema.ts';
import { hashSeed, seededRandom, shuffle } from './random.ts';
import { foldText, isStopword } from '../text.ts';

export type TermLookup = { found: GlossaryTerm } | { suggestions: GlossaryTerm[] };

/** Finds glossary terms by name or alias, exactly first, then fuzzily (fuse.js). */
export class GlossaryIndex {
  private readonly byName = new Map<string, GlossaryTerm>();
  private readonly byId = new Map<string, GlossaryTerm>();
  private readonly fuse: Fuse<{ name: string; term: GlossaryTerm }>;

  constructor(readonly terms: readonly GlossaryTerm[]) {
    const names: Array<{ name: string; term: GlossaryTerm }> = [];
    for (const term of terms) {
      this.byId.set(term.id, term);
      for (const name of [term.term, ...term.aliases]) {
        names.push({ name, term });
        if (!this.byName.has(foldText(name))) this.byName.set(foldText(name), term);
      }
    }
    this.fuse = new Fuse(names, { keys: ['name'], includeScore: true, threshold: 0.4, ignoreLocation: true });
  }

  get(id: string): GlossaryTerm | undefined {
    return this.byId.get(id);
  }

  lookup(name: string): TermLookup {
    const folded = foldText(name);
    const exact = this.byName.get(folded);
    if (exact !== undefined) return { found: exact };
    const unique = this.fuzzy(folded);
    const best = unique[0];
    // A clear winner is an answer; anything less is a "did you mean".
    if (best !== undefined && best.score <= 0.15 && (unique[1] === undefined || unique[1].score - best.score > 0.1)) return { found: best.term };
    return { suggestions: unique.slice(0, 3).map((r) => r.term) };
  }

  /** Fuzzy matches of the whole input and of each longer word in it, best score per term first. */
  private fuzzy(folded: string): Array<{ term: GlossaryTerm; score: number }> {
    if (folded === '') return [];
    const queries = [folded, ...folded.split(' ').filter((word) => word.length >= 4)].map((q) => q.slice(0, 64));
    const best = new Map<string, { term: GlossaryTerm; score: number }>();
    for (const query of new Set(queries)) {
      for (const result of this.fuse.search(query, { limit: 8 })) {
        const score = result.score ?? 1;
        if (score < (best.get(result.item.term.id)?.score ?? Infinity)) best.set(result.item.term.id, { term: result.item.term, score });
      }
    }
    return [...best.values()].sort((a, b) => a.score - b.score);
  }

  /** Term names for autocomplete: names starting with the input, then fuzzy matches. */
  suggest(input: string, limit = 25): GlossaryTerm[] {
    const folded = foldText(input);
    if (folded === '') return this.terms.slice(0, limit);
    const prefixed = this.terms.filter((t) => [t.term, ...t.aliases].some((name) => foldText(name).startsWith(folded)));
    const fuzzy = this.fuzzy(folded).map((r) => r.term);
    return [...new Map([...prefixed, ...fuzzy].map((t) => [t.id, t])).values()].slice(0, limit);
  }
}

/**
 * The next term for a server: each cycle through the glossary is shuffled with a seed from
 * the server id and cycle number, so the order is reproducible across restarts and no term
 * repeats until all have been posted.
 */
export function nextTermId(guildId: string, termIds: readonly string[], history: readonly string[]): string | undefined {
  if (termIds.length === 0) return undefined;
  const sorted = [...termIds].sort();
  const known = new Set(sorted);
  const posted = history.filter((id) => known.has(id));
  const cycle = Math.floor(posted.length / sorted.length);
  const thisCycle = new Set(posted.slice(cycle * sorted.length));
  const order = shuffle(sorted, seededRandom(hashSeed(`${guildId}:${cycle}`)));
  return order.find((id) => !thisCycle.has(id)) ?? order[0];
}

const MASK = '▢▢▢';

/** The words of a term's names, folded: "Mezzo social work" and its aliases → mezzo, social, work, meso, … */
function nameWords(term: GlossaryTerm): Set<string> {
  return new Set([term.term, ...term.aliases].flatMap((name) => foldText(name).split(' ')).filter((word) => word.length >= 3 && !isStopword(word)));
}

/** Words in the names of this many terms or more ("social", "work") say nothing about which term is meant. */
const COMMON_IN_NAMES = 4;

/**
 * A one-question quiz on a term: its definition with every trace of the answer hidden
 * (its names, and any word of them that no other choice's name shares, in any form:
 * "meso", "workers"), and four names to pick from.
 */
export function termQuiz(terms: readonly GlossaryTerm[], term: GlossaryTerm, seed: string): { clue: string; choices: GlossaryTerm[] } {
  const random = seededRandom(hashSeed(seed));
  const others = terms.filter((t) => t.id !== term.id);
  const sameLevel = shuffle(
    others.filter((t) => t.level === term.level),
    random,
  );
  const rest = shuffle(
    others.filter((t) => t.level !== term.level),
    random,
  );
  const distractors = [...sameLevel, ...rest].slice(0, 3);
  const choices = shuffle([term, ...distractors], random);
  const shared = new Set(distractors.flatMap((t) => [...nameWords(t)]));
  const inNames = (word: string) => terms.filter((t) => nameWords(t).has(word)).length;
  const telling = [...nameWords(term)].filter((word) => !shared.has(word) && inNames(word) < COMMON_IN_NAMES);
  let clue = term.definition;
  for (const name of [term.term, ...term.aliases].sort((a, b) => b.length - a.length)) {
    // Any punctuation between its words: "person in environment" is "Person-in-Environment".
    const words = foldText(name)
      .split(' ')
      .filter((word) => word !== '');
    if (words.length > 0)
      clue = clue.replace(new RegExp(words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\p{L}\\p{N}]+'), 'giu'), MASK);
  }
  // Whole words only, so no stub is left ("▢▢▢ers"); a word that starts with a telling word is masked too.
  clue = clue.replace(/[\p{L}\p{N}]*▢▢▢[\p{L}\p{N}]*/gu, MASK).replace(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu, (word) =>
    foldText(word)
      .split(' ')
      .some((part) => telling.some((t) => part.startsWith(t)))
      ? MASK
      : word,
  );
  return { clue, choices };
}
