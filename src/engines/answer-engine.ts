import Fuse from 'fuse.js';
import type { Knowledge, Level } from '../knowledge/schema.ts';
import { contentTokens, editDistance, expandWords, foldText, isLevelLookalike, isStopword, stem } from './text.ts';

/** Something the bot can answer: a Q&A entry, or a glossary term asked about directly. */
export interface AnswerDoc {
  /** Q&A entry id, or `term:<glossary id>` for a glossary term. */
  readonly id: string;
  readonly kind: 'entry' | 'term';
  readonly question: string;
  readonly answer: string;
  readonly levels: readonly Level[];
  readonly related: readonly string[];
  readonly sources: readonly string[];
  readonly phrasings: readonly string[];
}

export type AskOutcome =
  | 'answered'
  /** Nothing to match: empty, whitespace or only filler words. */
  | 'empty'
  /** The question is mostly about things the knowledge base does not cover. */
  | 'out-of-scope'
  /** Something matched, but not well enough to answer; suggestions may help. */
  | 'unsure';

export interface AskResult {
  readonly query: string;
  readonly outcome: AskOutcome;
  readonly answer: { readonly doc: AnswerDoc; readonly score: number } | null;
  /** Up to three further candidates, best first, never including the answer. */
  readonly suggestions: readonly AnswerDoc[];
}

export interface AutocompleteChoice {
  readonly label: string;
  /** Text that, asked as a question, leads straight back to this item. */
  readonly value: string;
  readonly kind: 'question' | 'term';
  readonly id: string;
}

/** Tuned against tests/fixtures with `npm run eval`; see the README before changing them. */
export type MatchTuning = { readonly [K in keyof typeof DEFAULT_TUNING]: number };

export const DEFAULT_TUNING = {
  /** At least this share of the question's weight must be words the knowledge base knows. */
  minCoverage: 0.55,
  /** …relaxed for "which level is this?" questions, whose scenarios use everyday words. */
  minCoverageLevelQuestion: 0.25,
  /** An unknown word weighs this share of the rarest known word. */
  unknownWeight: 0.6,
  /** Share of a phrasing score that rewards covering the question (the rest: covering the phrasing). */
  questionCoverageWeight: 0.65,
  /** Glossary terms are short; this keeps them from outranking a fuller Q&A entry. */
  termFactor: 0.7,
  /** Answer at or above this confidence; below it, offer suggestions. */
  answerThreshold: 0.35,
  /** …lower for "which level is this?" questions: in scope by construction, their best match is worth giving. */
  answerThresholdLevelQuestion: 0.25,
  /** Below this confidence a candidate is not even worth suggesting. */
  suggestThreshold: 0.2,
  /** Fuse.js score (0 = exact) a misspelt word must reach to be corrected to a known one. */
  typoThreshold: 0.3,
  /** How much a phrasing match counts against a match in the answer text. */
  phrasingWeight: 0.8,
} as const;


const MAX_SUGGESTIONS = 3;
const MIN_TYPO_LENGTH = 6;
/** Asking which level a scenario belongs to: in scope even when the scenario's words are not. */
const LEVEL_QUESTION = /\b(which|what) (social work |practice )?level\b|\b(micro|mezzo|meso|macro) or (micro|mezzo|meso|macro)\b|\bis (that|this|it) (still )?(micro|mezzo|meso|macro)\b/;

interface Phrasing {
  readonly doc: number;
  readonly tokens: ReadonlySet<string>;
}

interface QueryToken {
  readonly token: string;
  readonly weight: number;
  readonly known: boolean;
  readonly lookalike: boolean;
}

interface AutocompleteItem extends AutocompleteChoice {
  readonly index: number;
  readonly key: string;
  readonly words: readonly string[];
  readonly stems: ReadonlySet<string>;
}

function docsFrom(knowledge: Knowledge): AnswerDoc[] {
  const entries: AnswerDoc[] = knowledge.entries.map((entry) => ({
    id: entry.id,
    kind: 'entry',
    question: entry.question,
    answer: entry.answer.trim(),
    levels: entry.levels,
    related: entry.related,
    sources: entry.sources,
    phrasings: [entry.question, ...entry.alternatives],
  }));
  const terms: AnswerDoc[] = knowledge.terms.map((term) => ({
    id: `term:${term.id}`,
    kind: 'term',
    question: `What is ${term.term}?`,
    answer: `${term.definition.trim()}\n\nExample: ${term.example.trim()}`,
    levels: [term.level],
    related: [],
    sources: term.sources,
    phrasings: [term.term, ...term.aliases],
  }));
  return [...entries, ...terms];
}

function addPosting<K>(index: Map<K, number[]>, key: K, value: number): void {
  const list = index.get(key);
  if (list === undefined) index.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/**
 * Matches free-text questions to the knowledge base. An inverted index over stemmed
 * words finds candidates quickly; fuse.js corrects misspelt words against the
 * vocabulary; scores weigh rare words more (IDF) and are normalised to 0..1.
 */
export class AnswerEngine {
  readonly docs: readonly AnswerDoc[];
  private readonly docById = new Map<string, AnswerDoc>();
  private readonly phrasingIndex = new Map<string, number[]>();
  /** Each phrasing's document and IDF weight, by phrasing index. */
  private readonly phrasingDoc: Int32Array;
  private readonly phrasingWeight: Float64Array;
  /**
   * Scratch space for rank(), left zeroed after each call. At 10,000 entries a common word
   * matches most phrasings, and typed arrays are far cheaper there than Maps and objects.
   */
  private readonly matchedWeight: Float64Array;
  private readonly touchedPhrasings: Int32Array;
  private readonly bestScore: Float64Array;
  private readonly bestExact: Uint8Array;
  private readonly touchedDocs: Int32Array;
  private readonly answerWeight: Float64Array;
  /** Documents whose answer holds each word. */
  private readonly answerIndex = new Map<string, number[]>();
  private readonly idf = new Map<string, number>();
  private readonly maxIdf: number;
  /** Known words (folded, not stemmed) by first letter, for typo correction. */
  private readonly typoIndex = new Map<string, Fuse<string>>();
  private readonly corrections = new Map<string, string | null>();
  private readonly autocompleteItems: AutocompleteItem[] = [];
  private readonly autocompleteIndexById = new Map<string, number>();
  private readonly autocompleteByKey: AutocompleteItem[];
  private readonly autocompleteByStem = new Map<string, number[]>();
  private readonly autocompleteWords: string[];
  private readonly autocompleteByWord = new Map<string, number[]>();
  /** Scratch for autocomplete(), left zeroed: which labels have a word starting with the one being typed. */
  private readonly autocompleteMarks: Uint8Array;

  private readonly tuning: MatchTuning;

  constructor(knowledge: Knowledge, tuning: Partial<MatchTuning> = {}) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.docs = docsFrom(knowledge);
    const documentFrequency = new Map<string, number>();
    const knownWords = new Set<string>();
    const phrasings: Phrasing[] = [];

    this.docs.forEach((doc, docIndex) => {
      this.docById.set(doc.id, doc);
      const docTokens = new Set<string>();
      // Each text is expanded once; its content words stemmed are what contentTokens() would give.
      for (const text of doc.phrasings) {
        const words = expandWords(text).filter((word) => !isStopword(word));
        words.forEach((word) => knownWords.add(word));
        const tokens = new Set(words.map(stem));
        tokens.forEach((token) => docTokens.add(token));
        phrasings.push({ doc: docIndex, tokens });
      }
      const answerWords = expandWords(doc.answer).filter((word) => !isStopword(word));
      const answerTokens = new Set(answerWords.map(stem));
      answerWords.forEach((word) => knownWords.add(word));
      answerTokens.forEach((token) => docTokens.add(token));
      answerTokens.forEach((token) => addPosting(this.answerIndex, token, docIndex));
      docTokens.forEach((token) => documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1));
    });

    const docCount = Math.max(this.docs.length, 1);
    for (const [token, frequency] of documentFrequency) this.idf.set(token, Math.log(1 + docCount / frequency));
    this.maxIdf = Math.log(1 + docCount);

    this.phrasingDoc = new Int32Array(phrasings.length);
    this.phrasingWeight = new Float64Array(phrasings.length);
    phrasings.forEach((phrasing, index) => {
      let weight = 0;
      for (const token of phrasing.tokens) {
        weight += this.idf.get(token) ?? 0;
        addPosting(this.phrasingIndex, token, index);
      }
      this.phrasingDoc[index] = phrasing.doc;
      this.phrasingWeight[index] = weight;
    });
    this.matchedWeight = new Float64Array(phrasings.length);
    this.touchedPhrasings = new Int32Array(phrasings.length);
    this.bestScore = new Float64Array(this.docs.length);
    this.bestExact = new Uint8Array(this.docs.length);
    this.touchedDocs = new Int32Array(this.docs.length);
    this.answerWeight = new Float64Array(this.docs.length);

    const byLetter = new Map<string, string[]>();
    for (const word of knownWords) {
      if (word.length < 4 || /\d/.test(word)) continue;
      const letter = word[0] as string;
      const words = byLetter.get(letter);
      if (words === undefined) byLetter.set(letter, [word]);
      else words.push(word);
    }
    for (const [letter, words] of byLetter) {
      this.typoIndex.set(letter, new Fuse(words, { includeScore: true, threshold: this.tuning.typoThreshold, ignoreLocation: true }));
    }

    this.buildAutocomplete(knowledge);
    this.autocompleteByKey = [...this.autocompleteItems].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    this.autocompleteWords = [...this.autocompleteByWord.keys()].sort();
    this.autocompleteMarks = new Uint8Array(this.autocompleteItems.length);
  }

  getDoc(id: string): AnswerDoc | undefined {
    return this.docById.get(id);
  }

  /** Answers a question, or abstains. Never throws, whatever the input. */
  ask(query: unknown): AskResult {
    const text = typeof query === 'string' ? query : '';
    const tokens = this.queryTokens(text);
    if (tokens.length === 0) return { query: text, outcome: 'empty', answer: null, suggestions: [] };

    const ranked = this.rank(tokens);
    const totalWeight = tokens.reduce((sum, t) => sum + t.weight, 0);
    const knownWeight = tokens.reduce((sum, t) => sum + (t.known ? t.weight : 0), 0);
    const coverage = knownWeight / totalWeight;
    const levelQuestion = LEVEL_QUESTION.test(foldText(text));
    const minCoverage = levelQuestion ? this.tuning.minCoverageLevelQuestion : this.tuning.minCoverage;
    const answerThreshold = levelQuestion ? this.tuning.answerThresholdLevelQuestion : this.tuning.answerThreshold;
    const candidates = ranked.filter((c) => c.score >= this.tuning.suggestThreshold);

    if (coverage < minCoverage || candidates.length === 0 || tokens.some((t) => t.lookalike)) {
      return { query: text, outcome: 'out-of-scope', answer: null, suggestions: [] };
    }
    const [best, ...rest] = candidates;
    if (best !== undefined && best.score >= answerThreshold) {
      return {
        query: text,
        outcome: 'answered',
        answer: { doc: best.doc, score: round(best.score) },
        suggestions: rest.slice(0, MAX_SUGGESTIONS).map((c) => c.doc),
      };
    }
    return { query: text, outcome: 'unsure', answer: null, suggestions: candidates.slice(0, MAX_SUGGESTIONS).map((c) => c.doc) };
  }

  /** The query as the matcher sees it: for `npm run eval -- --verbose` and curious curators. */
  explain(query: string): string {
    return this.queryTokens(query)
      .map((t) => `${t.token}${t.known ? '' : t.lookalike ? '(look-alike)' : '(unknown)'}:${t.weight.toFixed(2)}`)
      .join(' ');
  }

  /** Content words of the query, corrected where misspelt, each weighted by rarity. */
  private queryTokens(text: string): QueryToken[] {
    const seen = new Map<string, QueryToken>();
    for (const word of expandWords(text)) {
      if (isStopword(word)) continue;
      // A number the knowledge base never mentions ("like I'm 5") says nothing about the topic.
      if (/^\d+$/.test(word) && !this.idf.has(word)) continue;
      const lookalike = isLevelLookalike(word) && !this.idf.has(stem(word));
      let token = lookalike ? word : stem(word);
      let known = !lookalike && this.idf.has(token);
      if (!known && !lookalike) {
        const corrected = this.correct(word);
        if (corrected !== null) {
          token = stem(corrected);
          known = this.idf.has(token);
        }
      }
      if (seen.has(token)) continue;
      const weight = known ? (this.idf.get(token) as number) : this.maxIdf * this.tuning.unknownWeight;
      seen.set(token, { token, known, lookalike, weight });
    }
    return [...seen.values()];
  }

  private correct(word: string): string | null {
    if (word.length < MIN_TYPO_LENGTH || /\d/.test(word)) return null;
    const cached = this.corrections.get(word);
    if (cached !== undefined) return cached;
    // Fuse proposes; a true edit distance decides, since Fuse also finds words inside longer ones.
    const candidates = this.typoIndex.get(word[0] as string)?.search(word, { limit: 5 }) ?? [];
    const corrected = candidates.find((c) => editDistance(word, c.item, 1) <= 1)?.item ?? null;
    if (this.corrections.size < 10_000) this.corrections.set(word, corrected);
    return corrected;
  }

  /** Every document that shares a word with the query, scored 0..1, best first. */
  private rank(tokens: readonly QueryToken[]): Array<{ doc: AnswerDoc; score: number }> {
    const totalWeight = tokens.reduce((sum, t) => sum + t.weight, 0);
    const { matchedWeight, touchedPhrasings, bestScore, bestExact, touchedDocs, answerWeight } = this;
    // Phrasings and documents are visited in order of first match, as before: ties keep their order.
    let phrasingCount = 0;
    for (const { token, weight, known } of tokens) {
      if (!known) continue;
      const postings = this.phrasingIndex.get(token);
      if (postings === undefined) continue;
      for (let i = 0; i < postings.length; i++) {
        const index = postings[i] as number;
        // A known token's weight (its IDF) is always positive, so zero means "not matched yet".
        if (matchedWeight[index] === 0) touchedPhrasings[phrasingCount++] = index;
        (matchedWeight[index] as number) += weight;
      }
    }
    let docCount = 0;
    const coverQuestion = this.tuning.questionCoverageWeight;
    for (let i = 0; i < phrasingCount; i++) {
      const index = touchedPhrasings[i] as number;
      const matched = matchedWeight[index] as number;
      matchedWeight[index] = 0;
      const docIndex = this.phrasingDoc[index] as number;
      // Reward covering the question, and (less) covering the whole phrasing.
      const questionShare = matched / totalWeight;
      const phrasingShare = matched / Math.max(this.phrasingWeight[index] as number, matched);
      const score = coverQuestion * questionShare + (1 - coverQuestion) * phrasingShare;
      const best = bestScore[docIndex] as number;
      if (score > best) {
        if (best === 0) touchedDocs[docCount++] = docIndex;
        bestScore[docIndex] = score;
        bestExact[docIndex] = questionShare > 0.999 && phrasingShare > 0.999 ? 1 : 0;
      }
    }
    // Each answer's matched weight adds up in query-token order, as a per-document loop would.
    for (const { token, weight } of tokens) {
      const postings = this.answerIndex.get(token);
      if (postings !== undefined) for (let i = 0; i < postings.length; i++) (answerWeight[postings[i] as number] as number) += weight;
    }
    const results: Array<{ doc: AnswerDoc; score: number }> = [];
    for (let i = 0; i < docCount; i++) {
      const docIndex = touchedDocs[i] as number;
      const phrasingScore = bestScore[docIndex] as number;
      const exact = bestExact[docIndex] === 1;
      const answerMatched = answerWeight[docIndex] as number;
      bestScore[docIndex] = 0;
      const doc = this.docs[docIndex] as AnswerDoc;
      const score = this.tuning.phrasingWeight * phrasingScore + (1 - this.tuning.phrasingWeight) * (answerMatched / totalWeight);
      // A glossary term is the answer when it is exactly what was asked; otherwise a fuller entry should win.
      const factor = doc.kind === 'entry' ? 1 : exact ? 1.02 : this.tuning.termFactor;
      results.push({ doc, score: Math.min(1, score * factor) });
    }
    for (const { token } of tokens) {
      const postings = this.answerIndex.get(token);
      if (postings !== undefined) for (let i = 0; i < postings.length; i++) answerWeight[postings[i] as number] = 0;
    }
    return results.sort((a, b) => b.score - a.score || (a.doc.kind === 'entry' ? -1 : 1));
  }

  private buildAutocomplete(knowledge: Knowledge): void {
    const add = (choice: AutocompleteChoice): void => {
      const key = foldText(choice.label);
      const words = key.split(' ').filter(Boolean);
      const index = this.autocompleteItems.length;
      const stems = new Set(contentTokens(choice.label));
      this.autocompleteItems.push({ ...choice, index, key, words, stems });
      this.autocompleteIndexById.set(choice.id, index);
      for (const s of stems) addPosting(this.autocompleteByStem, s, index);
      for (const word of words) addPosting(this.autocompleteByWord, word, index);
    };
    for (const entry of knowledge.entries) add({ label: entry.question, value: entry.question, kind: 'question', id: entry.id });
    for (const term of knowledge.terms) add({ label: term.term, value: term.term, kind: 'term', id: `term:${term.id}` });
  }

  /** Suggestions as the user types: whole-prefix matches, then word matches, then fuzzy ones. */
  autocomplete(input: unknown, limit = 25): AutocompleteChoice[] {
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
      // In label order, stopping once full: the labels of the rarest finished word, or all of them.
      let walk: readonly number[] | null = null;
      for (const s of required) {
        const postings = this.autocompleteByStem.get(s) ?? [];
        if (walk === null || postings.length < walk.length) walk = postings;
      }
      const count = walk === null ? this.autocompleteItems.length : walk.length;
      for (let i = 0; i < count && out.length < limit; i++) {
        const index = walk === null ? i : (walk[i] as number);
        const item = this.autocompleteItems[index] as AutocompleteItem;
        if (this.autocompleteMarks[index] === 1 && required.every((s) => item.stems.has(s))) take(index);
      }
      for (const postings of prefixed) for (let j = 0; j < postings.length; j++) this.autocompleteMarks[postings[j] as number] = 0;
    }

    // 3. Fuzzy: the answer engine's own ranking, for typos and other word orders.
    if (out.length < limit && query.length >= 3) {
      const tokens = this.queryTokens(query).filter((t) => t.known);
      for (const { doc } of tokens.length > 0 ? this.rank(tokens) : []) {
        const index = this.autocompleteIndexById.get(doc.id);
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

function round(score: number): number {
  return Math.round(score * 1000) / 1000;
}
