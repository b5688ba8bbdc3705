import type { Knowledge } from '../knowledge/schema.ts';
import { contentTokens, foldText } from '../text.ts';
import { eachOf, sortedOf, type Steps } from './steps.ts';

export interface AutocompleteChoice {
  readonly label: string;
  /** Text that, asked as a question, leads straight back to this item. */
  readonly value: string;
  readonly kind: 'question' | 'term';
  readonly id: string;
}

interface AutocompleteItem extends AutocompleteChoice {
  readonly index: number;
  readonly key: string;
  /** Its stemmed content words, each once: an array, as a few dozen thousand Sets weigh on a reload's garbage collection. */
  readonly stems: readonly string[];
}

/** The marked labels are walked on their own when they are fewer than 1 in this many of those the walk would visit. */
const FEW_MARKED_SHARE = 8;

function addPosting<K>(index: Map<K, number[]>, key: K, value: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The labels autocomplete offers, indexed: built in steps (steps.ts) with the rest of the answer engine. */
export interface AutocompleteLabels {
  readonly items: readonly AutocompleteItem[];
  readonly indexById: ReadonlyMap<string, number>;
  /** The items by folded label. */
  readonly byKey: readonly AutocompleteItem[];
  readonly byStem: ReadonlyMap<string, number[]>;
  /** Every label word, sorted. */
  readonly words: readonly string[];
  readonly byWord: ReadonlyMap<string, number[]>;
}

export function* autocompleteLabels(knowledge: Knowledge): Steps<AutocompleteLabels> {
  const items: AutocompleteItem[] = [];
  const indexById = new Map<string, number>();
  const byStem = new Map<string, number[]>();
  const byWord = new Map<string, number[]>();
  const add = (choice: AutocompleteChoice): void => {
    const key = foldText(choice.label);
    const words = key.split(' ').filter(Boolean);
    const index = items.length;
    const stems = [...new Set(contentTokens(choice.label))];
    items.push({ ...choice, index, key, stems });
    indexById.set(choice.id, index);
    for (const s of stems) addPosting(byStem, s, index);
    for (const word of words) addPosting(byWord, word, index);
  };
  yield* eachOf(knowledge.entries, (entry) => add({ label: entry.question, value: entry.question, kind: 'question', id: entry.id }));
  yield* eachOf(knowledge.terms, (term) => add({ label: term.term, value: term.term, kind: 'term', id: `term:${term.id}` }));
  const byKey = yield* sortedOf(items, (a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const words = yield* sortedOf([...byWord.keys()], (a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { items, indexById, byKey, byStem, words, byWord };
}

/** Question and term labels as the user types: whole-prefix matches, then word matches, then fuzzy ones. */
export class Autocompleter {
  private readonly autocompleteItems: readonly AutocompleteItem[];
  private readonly autocompleteIndexById: ReadonlyMap<string, number>;
  private readonly autocompleteByKey: readonly AutocompleteItem[];
  private readonly autocompleteByStem: ReadonlyMap<string, number[]>;
  private readonly autocompleteWords: readonly string[];
  private readonly autocompleteByWord: ReadonlyMap<string, number[]>;
  /** Scratch for autocomplete(), left zeroed: which labels have a word starting with the one being typed. */
  private readonly autocompleteMarks: Uint8Array;

  constructor(
    labels: AutocompleteLabels,
    /** Ids of the best answers to a (possibly misspelt) text: the answer engine's own ranking. */
    private readonly fuzzy: (text: string, limit: number) => readonly string[],
  ) {
    this.autocompleteItems = labels.items;
    this.autocompleteIndexById = labels.indexById;
    this.autocompleteByKey = labels.byKey;
    this.autocompleteByStem = labels.byStem;
    this.autocompleteWords = labels.words;
    this.autocompleteByWord = labels.byWord;
    this.autocompleteMarks = new Uint8Array(labels.items.length);
  }

  /** Suggestions as the user types: whole-prefix matches, then word matches, then fuzzy ones. */
  suggest(input: unknown, limit = 25): AutocompleteChoice[] {
    const query = foldText(input);
    if (query === '') return this.autocompleteItems.slice(0, limit).map(toChoice);
    const picked = new Set<number>();
    const out: AutocompleteChoice[] = [];
    const take = (index: number): void => {
      if (out.length >= limit || picked.has(index)) return;
      picked.add(index);
      out.push(toChoice(this.autocompleteItems[index] as AutocompleteItem));
    };

    // 1. Labels that start with what was typed.
    for (let i = lowerBound(this.autocompleteByKey, query); i < this.autocompleteByKey.length && out.length < limit; i++) {
      const item = this.autocompleteByKey[i] as AutocompleteItem;
      if (!item.key.startsWith(query)) break;
      take(item.index);
    }

    // 2. Labels holding every finished word, and a word that starts with the one being typed.
    if (out.length < limit) {
      const words = query.split(' ');
      const partial = words.pop() as string;
      const required = contentTokens(words.join(' '));
      // Marks in a typed array, cleared below: at 10,000 entries one typed letter marks thousands of labels.
      const prefixed: number[][] = [];
      for (let i = lowerBound(this.autocompleteWords, partial); i < this.autocompleteWords.length; i++) {
        const word = this.autocompleteWords[i] as string;
        if (!word.startsWith(partial)) break;
        const postings = this.autocompleteByWord.get(word) as number[];
        for (let j = 0; j < postings.length; j++) this.autocompleteMarks[postings[j] as number] = 1;
        prefixed.push(postings);
      }
      // In label order, stopping once full: the labels of the rarest finished word, those the typed word marked when
      // they are few (at 100,000 labels walking them all costs more than sorting a few hundred), or all of them.
      let walk: readonly number[] | null = null;
      for (const s of required) {
        const postings = this.autocompleteByStem.get(s) ?? [];
        if (walk === null || postings.length < walk.length) walk = postings;
      }
      const markedCount = prefixed.reduce((sum, postings) => sum + postings.length, 0);
      if (markedCount * FEW_MARKED_SHARE < (walk?.length ?? this.autocompleteItems.length)) {
        walk = [...new Set(prefixed.flat())].sort((a, b) => a - b);
      }
      const count = walk === null ? this.autocompleteItems.length : walk.length;
      for (let i = 0; i < count && out.length < limit; i++) {
        const index = walk === null ? i : (walk[i] as number);
        const item = this.autocompleteItems[index] as AutocompleteItem;
        if (this.autocompleteMarks[index] === 1 && required.every((s) => item.stems.includes(s))) take(index);
      }
      for (const postings of prefixed) for (let j = 0; j < postings.length; j++) this.autocompleteMarks[postings[j] as number] = 0;
    }

    // 3. Fuzzy: the answer engine's own ranking, for typos and other word orders.
    if (out.length < limit && query.length >= 3) {
      for (const id of this.fuzzy(query, limit)) {
        const index = this.autocompleteIndexById.get(id);
        if (index !== undefined) take(index);
        if (out.length >= limit) break;
      }
    }
    return out;
  }
}

function toChoice(item: AutocompleteItem): AutocompleteChoice {
  return { label: item.label, value: item.value, kind: item.kind, id: item.id };
}

function lowerBound(sorted: readonly { key: string }[] | readonly string[], target: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const value = sorted[mid] as { key: string } | string;
    const key = typeof value === 'string' ? value : value.key;
    if (key < target) low = mid + 1;
    else high = mid;
  }
  return low;
}
