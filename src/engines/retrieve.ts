import type { Level } from '../domain/levels.ts';
import type { Intent } from '../knowledge/schema.ts';
import type { SpellCorrector } from './correct.ts';
import { expandWord, expandWords, foldText, isLevelLookalike, isFillerWord, isStopword, stem } from '../text.ts';
import { pauseAt, runToEnd, type Steps } from './steps.ts';

/** Something the bot can answer: a Q&A entry, or a glossary term asked about directly. */
export interface AnswerDoc {
  /** Q&A entry id, or `term:<glossary id>` for a glossary term. */
  readonly id: string;
  readonly kind: 'entry' | 'term';
  /** For an entry its question; for a term its name as a card title ("BSW (Bachelor of Social Work)"). */
  readonly question: string;
  readonly answer: string;
  readonly levels: readonly Level[];
  /** What the entry answers; a glossary term answers a definition. */
  readonly intent: Intent;
  readonly related: readonly string[];
  readonly sources: readonly string[];
  readonly phrasings: readonly string[];
}

export interface QueryToken {
  readonly token: string;
  readonly weight: number;
  readonly known: boolean;
  readonly lookalike: boolean;
}

export interface Candidate {
  readonly doc: AnswerDoc;
  readonly index: number;
  readonly score: number;
  /** Share of the question's weight this document's best phrasing covers. */
  readonly questionShare: number;
}

export interface RetrievalTuning {
  /** An unknown word weighs this share of the rarest known word. */
  readonly unknownWeight: number;
  /** Share of a phrasing score that rewards covering the question (the rest: covering the phrasing). */
  readonly questionCoverageWeight: number;
  /** Glossary terms are short; this keeps them from outranking a fuller Q&A entry. */
  readonly termFactor: number;
  /** How much a phrasing match counts against a match in the answer text. */
  readonly phrasingWeight: number;
}

/**
 * Re-scores a candidate (intent, levels) before the top-k selection. It must not fall as the
 * score rises (the engine's adds and takes off amounts the score does not change): rank() may
 * adjust an upper bound of a document's score to learn it cannot make the top k.
 */
export type Adjust = (doc: AnswerDoc, score: number, index: number) => number;

/** Past this share of all phrasings matched (1 in DENSE_SHARE), rank() walks every document in order instead of the matched ones. */
const DENSE_SHARE = 8;
/**
 * Below this many phrasings every posting list is short, and a plain scan beats rankBounded()'s
 * bookkeeping (the real knowledge base has a few thousand).
 */
export const PRUNE_FROM_PHRASINGS = 5_000;
/** rankBounded() takes a word held by more than 1 in this many answers to be in every answer. */
const COMMON_ANSWER_SHARE = 4;
/** Query tokens rankBounded() tracks as bits of one integer. */
const MAX_QUERY_BITS = 31;

/** The sum of the weights whose bits are set, lowest bit first: the order a scan of the query's words adds them. */
function sumOfBits(bits: number, weights: readonly number[]): number {
  let sum = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) sum += weights[31 - Math.clz32(rest & -rest)] as number;
  return sum;
}

/** Score bands for adjusting the best candidates first. */
const BANDS = 64;
/** The band of a score (or bound) from 0 to 1; scores past 1 share the top band. */
function bandOf(score: number): number {
  return Math.min(BANDS - 1, Math.max(0, Math.floor(score * BANDS)));
}

/** Absorbs rounding when a score plus the most adjust can add is compared with the k-th score. */
const RAISE_SLACK = 1e-9;

/** Postings an index build walks between two pauses (steps.ts): a millisecond or so. */
const POSTINGS_PER_STEP = 1 << 16;

/** Token ids of each item, in one flat array: the ids of item i are at [start[i], start[i + 1]). */
interface TokenLists {
  readonly start: Int32Array;
  readonly ids: Int32Array;
}

/** Whether list `id` of `lists` (its items in ascending order) holds `item`: a binary search, not a scan of the item's own dozens of tokens. */
function listHolds(lists: TokenLists, id: number, item: number): boolean {
  let low = lists.start[id] as number;
  let high = lists.start[id + 1] as number;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const at = lists.ids[middle] as number;
    if (at === item) return true;
    if (at < item) low = middle + 1;
    else high = middle;
  }
  return false;
}

/** For each token, the items holding it, in the order `items` lists them: the inverse of `lists`. */
function* invert(lists: TokenLists, tokenCount: number, items: Iterable<number>): Steps<TokenLists> {
  const start = new Int32Array(tokenCount + 1);
  for (let i = 0; i < lists.ids.length; i++) {
    (start[(lists.ids[i] as number) + 1] as number)++;
    if (pauseAt(i, POSTINGS_PER_STEP)) yield;
  }
  for (let t = 0; t < tokenCount; t++) (start[t + 1] as number) += start[t] as number;
  yield;
  const fill = start.slice(0, tokenCount);
  const ids = new Int32Array(lists.ids.length);
  let done = 0;
  for (const item of items) {
    for (let j = lists.start[item] as number; j < (lists.start[item + 1] as number); j++) ids[(fill[lists.ids[j] as number] as number)++] = item;
    if (pauseAt(done++)) yield;
  }
  return { start, ids };
}

/** Int32 values pushed one by one into a typed array that doubles as it fills: millions of them, without a number[] copied as it grows. */
class IntList {
  private values = new Int32Array(1024);
  length = 0;

  push(value: number): void {
    if (this.length === this.values.length) {
      const grown = new Int32Array(this.values.length * 2);
      grown.set(this.values);
      this.values = grown;
    }
    this.values[this.length++] = value;
  }

  /** The values pushed, in an array of their own length. */
  toArray(): Int32Array {
    return this.values.slice(0, this.length);
  }
}

/** What Retriever builds from the documents (independent of the tuning): token ids, weights and flat lists. */
interface RetrieverIndex {
  readonly tokenIds: ReadonlyMap<string, number>;
  /** Each token's IDF, by token id. */
  readonly idf: Float64Array;
  readonly wordFrequency: ReadonlyMap<string, number>;
  readonly phrasingDoc: Int32Array;
  readonly phrasingWeight: Float64Array;
  readonly docPhrasings: Int32Array;
  readonly phrasingTokens: TokenLists;
  readonly answerTokens: TokenLists;
  readonly phrasingsOfToken: TokenLists;
  readonly phrasingDocs: TokenLists;
  readonly phrasingDocShare: Float64Array;
  readonly answerDocs: TokenLists;
}

/**
 * For each token, the documents whose phrasings hold it (in document order, each once), and for
 * each of them 1 / the weight of its lightest phrasing holding it: the most of a phrasing's own
 * weight that token can cover there. `phrasingsOfToken` lists phrasings in order, so a document's are side by side.
 */
function* docsOfPhrasings(
  phrasingsOfToken: TokenLists,
  phrasingDoc: Int32Array,
  phrasingWeight: Float64Array,
): Steps<{ lists: TokenLists; share: Float64Array }> {
  const { start: from, ids: phrasings } = phrasingsOfToken;
  const tokenCount = from.length - 1;
  const newDoc = (j: number, t: number): boolean => j === from[t] || phrasingDoc[phrasings[j] as number] !== phrasingDoc[phrasings[j - 1] as number];
  const start = new Int32Array(tokenCount + 1);
  // Pauses go by postings walked, not by tokens, even inside a list: one common word's list holds most phrasings.
  let walked = 0;
  for (let t = 0; t < tokenCount; t++) {
    let count = 0;
    for (let j = from[t] as number; j < (from[t + 1] as number); j++) {
      if (newDoc(j, t)) count++;
      if (pauseAt(walked++, POSTINGS_PER_STEP)) yield;
    }
    start[t + 1] = (start[t] as number) + count;
  }
  const ids = new Int32Array(start[tokenCount] as number);
  const share = new Float64Array(ids.length);
  for (let t = 0; t < tokenCount; t++) {
    let at = (start[t] as number) - 1;
    for (let j = from[t] as number; j < (from[t + 1] as number); j++) {
      const phrasing = phrasings[j] as number;
      if (newDoc(j, t)) ids[++at] = phrasingDoc[phrasing] as number;
      share[at] = Math.max(share[at] as number, 1 / (phrasingWeight[phrasing] as number));
      if (pauseAt(walked++, POSTINGS_PER_STEP)) yield;
    }
  }
  return { lists: { start, ids }, share };
}

/** The documents' index, built in steps: every phrasing's and answer's tokens as ids, their weights, and the lists inverted. */
function* indexDocs(docs: readonly AnswerDoc[]): Steps<RetrieverIndex> {
  const tokenIds = new Map<string, number>();
  const documentFrequency: number[] = [];
  /** The last document, phrasing and answer that counted each token: each counts it once. */
  const lastDoc: number[] = [];
  const lastList: number[] = [];
  // Every word of every text goes through here: one lookup per folded word, not one for each of expanding, filtering, counting and stemming it.
  const wordsOfRaw = new Map<string, readonly number[]>();
  const wordText: string[] = [];
  const wordCount: number[] = [];
  const wordToken: number[] = [];
  const wordIds = new Map<string, number>();
  const wordsOf = (raw: string): readonly number[] => {
    const ids: number[] = [];
    for (const word of expandWord(raw)) {
      if (isStopword(word)) continue;
      let id = wordIds.get(word);
      if (id === undefined) {
        id = wordText.length;
        wordIds.set(word, id);
        wordText.push(word);
        wordCount.push(0);
        const token = stem(word);
        let tokenId = tokenIds.get(token);
        if (tokenId === undefined) {
          tokenId = tokenIds.size;
          tokenIds.set(token, tokenId);
          documentFrequency.push(0);
          lastDoc.push(-1);
          lastList.push(-1);
        }
        wordToken.push(tokenId);
      }
      ids.push(id);
    }
    wordsOfRaw.set(raw, ids);
    return ids;
  };
  const phrasingDoc = new IntList();
  const phrasingStart = new IntList();
  const phrasingIds = new IntList();
  const answerStart = new IntList();
  const answerIds = new IntList();
  phrasingStart.push(0);
  answerStart.push(0);
  let list = 0;
  /** Adds the tokens of `text` to `ids`, each once (the order they first occur), and counts its words and the document's tokens. */
  const addTokens = (text: string, docIndex: number, ids: IntList): void => {
    const folded = foldText(text);
    if (folded !== '') {
      const raws = folded.split(' ');
      for (let i = 0; i < raws.length; i++) {
        const raw = raws[i] as string;
        if (isFillerWord(raws, i)) continue;
        for (const word of wordsOfRaw.get(raw) ?? wordsOf(raw)) {
          (wordCount[word] as number)++;
          const token = wordToken[word] as number;
          if (lastList[token] === list) continue;
          lastList[token] = list;
          ids.push(token);
          if (lastDoc[token] !== docIndex) {
            lastDoc[token] = docIndex;
            (documentFrequency[token] as number)++;
          }
        }
      }
    }
    list++;
  };
  for (let docIndex = 0; docIndex < docs.length; docIndex++) {
    const doc = docs[docIndex] as AnswerDoc;
    for (const text of doc.phrasings) {
      addTokens(text, docIndex, phrasingIds);
      phrasingDoc.push(docIndex);
      phrasingStart.push(phrasingIds.length);
    }
    addTokens(doc.answer, docIndex, answerIds);
    answerStart.push(answerIds.length);
    if (pauseAt(docIndex, 16)) yield;
  }
  yield;

  const docCount = Math.max(docs.length, 1);
  const idf = Float64Array.from(documentFrequency, (frequency) => Math.log(1 + docCount / frequency));
  yield;
  // A reload of 50,000 entries holds hundreds of thousands of words: filled a slice at a time, like every list below.
  const wordFrequency = new Map<string, number>();
  for (let id = 0; id < wordText.length; id++) {
    wordFrequency.set(wordText[id] as string, wordCount[id] as number);
    if (pauseAt(id, 4096)) yield;
  }
  const phrasingTokens: TokenLists = { start: phrasingStart.toArray(), ids: phrasingIds.toArray() };
  yield;
  const answerTokens: TokenLists = { start: answerStart.toArray(), ids: answerIds.toArray() };
  yield;
  const phrasingDocs = phrasingDoc.toArray();
  yield;
  const phrasingCount = phrasingDoc.length;
  const phrasingWeight = new Float64Array(phrasingCount);
  for (let p = 0; p < phrasingCount; p++) {
    let weight = 0;
    for (let j = phrasingTokens.start[p] as number; j < (phrasingTokens.start[p + 1] as number); j++) weight += idf[phrasingTokens.ids[j] as number] as number;
    phrasingWeight[p] = weight;
    if (pauseAt(p, 4096)) yield;
  }
  const docPhrasings = new Int32Array(docs.length + 1);
  for (const doc of phrasingDocs) (docPhrasings[doc + 1] as number)++;
  for (let d = 0; d < docs.length; d++) (docPhrasings[d + 1] as number) += docPhrasings[d] as number;
  yield;
  const phrasingsOfToken = yield* invert(
    phrasingTokens,
    tokenIds.size,
    Array.from({ length: phrasingCount }, (_, p) => p),
  );
  const { lists: phrasingDocList, share: phrasingDocShare } = yield* docsOfPhrasings(phrasingsOfToken, phrasingDocs, phrasingWeight);
  return {
    tokenIds,
    idf,
    wordFrequency,
    phrasingDoc: phrasingDocs,
    phrasingWeight,
    docPhrasings,
    phrasingTokens,
    answerTokens,
    phrasingsOfToken,
    phrasingDocs: phrasingDocList,
    phrasingDocShare,
    answerDocs: yield* invert(answerTokens, tokenIds.size, docs.keys()),
  };
}

/**
 * An inverted index over stemmed words of every phrasing and answer. Scores weigh rare words
 * more (IDF), are normalised to 0..1, and only the best k are kept: nothing sorts every candidate.
 */
export class Retriever {
  /** Token ids for the flat lists below: a phrasing's or answer's tokens, and each token's phrasings. */
  private readonly tokenIds: ReadonlyMap<string, number>;
  private readonly idf: Float64Array;
  private readonly phrasingDoc: Int32Array;
  private readonly phrasingWeight: Float64Array;
  /**
   * Scratch space for rank(), left zeroed after each call. At 10,000 entries a common word
   * matches most phrasings, and typed arrays are far cheaper there than Maps and objects.
   */
  private readonly matchedWeight: Float64Array;
  /** Which query word (its position) first matched each phrasing: a tie between two of a document's phrasings goes to the earlier. */
  private readonly firstWord: Uint16Array;
  private readonly touchedPhrasings: Int32Array;
  private readonly bestScore: Float64Array;
  private readonly bestPhrasing: Int32Array;
  private readonly touchedDocs: Int32Array;
  private readonly answerWeight: Float64Array;
  /** The phrasings of document d are [docPhrasings[d], docPhrasings[d + 1]). */
  private readonly docPhrasings: Int32Array;
  private readonly isTerm: Uint8Array;
  /** Each matched document's score before adjust, and its best phrasing's share of the question. */
  private readonly docBase: Float64Array;
  private readonly docShare: Float64Array;
  /** The matched documents by score band, as lists linked through nextInBand: each band's last filed, or -1. */
  private readonly bandHead = new Int32Array(BANDS);
  private readonly nextInBand: Int32Array;
  private readonly phrasingTokens: TokenLists;
  private readonly answerTokens: TokenLists;
  /** Phrasings holding each token, in phrasing order. */
  private readonly phrasingsOfToken: TokenLists;
  /** Documents whose phrasings hold each token, in document order, and 1 / the weight of the lightest such phrasing of each. */
  private readonly phrasingDocs: TokenLists;
  private readonly phrasingDocShare: Float64Array;
  /** Documents whose answer holds each token, in document order. */
  private readonly answerDocs: TokenLists;
  /** Scratch for rankBounded(), left zeroed: each query token's bit (plus one) by token id. */
  private readonly queryBit: Int8Array;
  /**
   * Scratch for rankBounded(), left zeroed: for each document, the most its best phrasing can score
   * (coverage × the query words' weight its phrasings hold / total, plus the rest × that weight over the lightest phrasings holding them).
   */
  private readonly phrasingBound: Float64Array;
  /** Each matched document's bound in rankBounded(). */
  private readonly docBound: Float64Array;
  /** Whether rankBounded()'s bound holds: it needs both score mixes within 0..1. */
  private readonly prunable: boolean;
  /** The most a document's factor (entry 1, exact term 1.02, other term termFactor) multiplies its score by. */
  private readonly maxFactor: number;
  /** The weight of a word only one document holds: the rarest a known word can be. */
  readonly maxIdf: number;
  /** How often each folded word occurs across the knowledge base: the spell corrector's vocabulary. */
  readonly wordFrequency: ReadonlyMap<string, number>;

  /** A Retriever built in steps (steps.ts), for a caller that lets other work run in between. */
  static *build(docs: readonly AnswerDoc[], tuning: RetrievalTuning): Steps<Retriever> {
    return new Retriever(docs, tuning, yield* indexDocs(docs));
  }

  constructor(
    readonly docs: readonly AnswerDoc[],
    private readonly tuning: RetrievalTuning,
    index: RetrieverIndex = runToEnd(indexDocs(docs)),
  ) {
    ({
      tokenIds: this.tokenIds,
      idf: this.idf,
      wordFrequency: this.wordFrequency,
      phrasingDoc: this.phrasingDoc,
      phrasingWeight: this.phrasingWeight,
      docPhrasings: this.docPhrasings,
      phrasingTokens: this.phrasingTokens,
      answerTokens: this.answerTokens,
      phrasingsOfToken: this.phrasingsOfToken,
      phrasingDocs: this.phrasingDocs,
      phrasingDocShare: this.phrasingDocShare,
      answerDocs: this.answerDocs,
    } = index);
    const phrasingCount = this.phrasingDoc.length;
    this.maxIdf = Math.log(1 + Math.max(docs.length, 1));
    this.matchedWeight = new Float64Array(phrasingCount);
    this.firstWord = new Uint16Array(phrasingCount);
    this.touchedPhrasings = new Int32Array(phrasingCount);
    this.bestScore = new Float64Array(docs.length);
    this.bestPhrasing = new Int32Array(docs.length);
    this.isTerm = Uint8Array.from(docs, (doc) => (doc.kind === 'term' ? 1 : 0));
    this.docBase = new Float64Array(docs.length);
    this.docShare = new Float64Array(docs.length);
    this.nextInBand = new Int32Array(docs.length);
    this.touchedDocs = new Int32Array(docs.length);
    this.answerWeight = new Float64Array(docs.length);
    this.queryBit = new Int8Array(this.tokenIds.size);
    this.phrasingBound = new Float64Array(docs.length);
    this.docBound = new Float64Array(docs.length);
    const within = (share: number): boolean => share >= 0 && share <= 1;
    this.prunable =
      phrasingCount >= PRUNE_FROM_PHRASINGS && within(tuning.questionCoverageWeight) && within(tuning.phrasingWeight) && tuning.phrasingWeight > 0;
    this.maxFactor = Math.max(1.02, tuning.termFactor);
  }

  /** The IDF of a stemmed word, or undefined when the knowledge base never uses it. */
  private idfOf(token: string): number | undefined {
    const id = this.tokenIds.get(token);
    return id === undefined ? undefined : this.idf[id];
  }

  /**
   * The rarest of `tokens` (in their order), as many as fewer than `budget` phrasings hold
   * together, and always the rarest one; all of them on a base too small to prune, where every
   * list is short. For ranking that must stay quick however large the base: a word most
   * phrasings hold costs a scan of them all and tells little apart.
   */
  rarest(tokens: readonly QueryToken[], budget: number): QueryToken[] {
    if (this.phrasingDoc.length < PRUNE_FROM_PHRASINGS) return [...tokens];
    const { start } = this.phrasingsOfToken;
    const count = (token: QueryToken): number => {
      const id = this.tokenIds.get(token.token);
      return id === undefined ? 0 : (start[id + 1] as number) - (start[id] as number);
    };
    const byCount = tokens.map((token, at) => ({ at, count: count(token) })).sort((a, b) => a.count - b.count || a.at - b.at);
    const kept = new Set<number>();
    let total = 0;
    for (const { at, count: holding } of byCount) {
      if (kept.size > 0 && total + holding > budget) break;
      kept.add(at);
      total += holding;
    }
    return tokens.filter((_, at) => kept.has(at));
  }

  /** Whether a stemmed word occurs anywhere in the knowledge base. */
  knows(token: string): boolean {
    return this.tokenIds.has(token);
  }

  /** Whether a document's phrasings or answer hold a stemmed word. */
  docHas(index: number, token: string): boolean {
    const id = this.tokenIds.get(token);
    return id !== undefined && (listHolds(this.phrasingDocs, id, index) || listHolds(this.answerDocs, id, index));
  }

  /** Whether some phrasing holds both stemmed words ("three" and "level"): two walks of sorted lists, stopped at the first shared one. */
  phrasingsPair(a: string, b: string): boolean {
    const idA = this.tokenIds.get(a);
    const idB = this.tokenIds.get(b);
    if (idA === undefined || idB === undefined) return false;
    const { start, ids } = this.phrasingsOfToken;
    let i = start[idA] as number;
    let j = start[idB] as number;
    const endA = start[idA + 1] as number;
    const endB = start[idB + 1] as number;
    while (i < endA && j < endB) {
      const x = ids[i] as number;
      const y = ids[j] as number;
      if (x === y) return true;
      if (x < y) i++;
      else j++;
    }
    return false;
  }

  /** Whether a document's phrasings (its question, alternatives, or a term's name and aliases) hold a stemmed word. */
  phrasingHas(index: number, token: string): boolean {
    const id = this.tokenIds.get(token);
    return id !== undefined && listHolds(this.phrasingDocs, id, index);
  }

  /** Content words of a question, corrected where misspelt, each weighted by rarity. */
  queryTokens(text: string, corrector: SpellCorrector): QueryToken[] {
    const seen = new Map<string, QueryToken>();
    for (const word of expandWords(text)) {
      if (isStopword(word)) continue;
      // A number the knowledge base never mentions ("like I'm 5") says nothing about the topic.
      if (/^\d+$/.test(word) && !this.knows(word)) continue;
      // "macros" stems to "macro", so the plurals are look-alikes even though their stem is known.
      const lookalike = isLevelLookalike(word) && (word === 'macros' || word === 'micros' || !this.knows(stem(word)));
      let token = lookalike ? word : stem(word);
      let known = !lookalike && this.knows(token);
      if (!known && !lookalike) {
        const corrected = corrector.correct(word);
        if (corrected !== null) {
          token = stem(corrected);
          known = this.knows(token);
        }
      }
      if (seen.has(token)) continue;
      const weight = known ? (this.idfOf(token) as number) : this.maxIdf * this.tuning.unknownWeight;
      seen.set(token, { token, known, lookalike, weight });
    }
    return [...seen.values()];
  }

  /**
   * The best k documents sharing a word with the query, scored 0..1, best first. `adjust` may
   * raise a score by at most `maxRaise` (unbounded by default): documents are adjusted best
   * first, and those that cannot reach the k-th best so far even so are skipped, which changes nothing.
   */
  rank(tokens: readonly QueryToken[], k: number, adjust?: Adjust, maxRaise = adjust === undefined ? 0 : Infinity): Candidate[] {
    const top = new TopK(k);
    if (k <= 0) return top.items();
    const totalWeight = tokens.reduce((sum, t) => sum + t.weight, 0);
    const pruned = this.prunable && maxRaise !== Infinity ? this.rankBounded(tokens, k, totalWeight, adjust, maxRaise) : null;
    if (pruned !== null) return pruned;
    const { matchedWeight, firstWord, touchedPhrasings, answerWeight } = this;
    let phrasingCount = 0;
    for (let word = 0; word < tokens.length; word++) {
      const { token, weight, known } = tokens[word] as QueryToken;
      if (!known) continue;
      const id = this.tokenIds.get(token);
      if (id === undefined) continue;
      const { start, ids } = this.phrasingsOfToken;
      for (let i = start[id] as number; i < (start[id + 1] as number); i++) {
        const index = ids[i] as number;
        // A known token's weight (its IDF) is always positive, so zero means "not matched yet".
        if (matchedWeight[index] === 0) {
          touchedPhrasings[phrasingCount++] = index;
          firstWord[index] = word;
        }
        (matchedWeight[index] as number) += weight;
      }
    }
    const { start: answerStart, ids: answerDocs } = this.answerDocs;
    for (const { token, weight } of tokens) {
      const id = this.tokenIds.get(token);
      if (id === undefined) continue;
      for (let i = answerStart[id] as number; i < (answerStart[id + 1] as number); i++) (answerWeight[answerDocs[i] as number] as number) += weight;
    }
    const docCount = phrasingCount * DENSE_SHARE >= this.phrasingDoc.length ? this.bestInOrder(totalWeight) : this.bestOfTouched(phrasingCount, totalWeight);
    for (const { token } of tokens) {
      const id = this.tokenIds.get(token);
      if (id !== undefined) for (let i = answerStart[id] as number; i < (answerStart[id + 1] as number); i++) answerWeight[answerDocs[i] as number] = 0;
    }
    this.bandHead.fill(-1);
    for (let i = 0; i < docCount; i++) this.fileByBand(this.touchedDocs[i] as number, this.docBase);
    this.bestFirst(this.docBase, top, maxRaise, (docIndex) => this.offerScored(docIndex, top, adjust));
    return top.items();
  }

  /**
   * rank() from a bound on each matched document's score, or null when the query repeats a token,
   * has more than MAX_QUERY_BITS of them, or a weight that is not positive. One walk of the query
   * words' document lists adds up, for each document, the weight of the words its phrasings hold
   * and of those its answer holds (a word most answers hold counts as held), and each word's
   * weight over the lightest phrasing holding it: no phrasing covers more of the question, nor
   * more of itself. Documents are then scored in full, highest bound first, until a bound plus the
   * most adjust adds cannot reach the k-th score.
   */
  private rankBounded(tokens: readonly QueryToken[], k: number, totalWeight: number, adjust: Adjust | undefined, maxRaise: number): Candidate[] | null {
    const { queryBit, phrasingBound, answerWeight, docBound, touchedDocs, phrasingDocs, phrasingDocShare, answerDocs } = this;
    const bitIds: number[] = [];
    const bitWeights: number[] = [];
    let knownBits = 0;
    let usable = totalWeight > 0;
    for (const { token, weight, known } of tokens) {
      const id = this.tokenIds.get(token);
      if (id === undefined || !usable) continue;
      if (queryBit[id] !== 0 || bitIds.length === MAX_QUERY_BITS || !(weight > 0)) {
        usable = false;
        continue;
      }
      queryBit[id] = bitIds.length + 1;
      if (known) knownBits |= 1 << bitIds.length;
      bitIds.push(id);
      bitWeights.push(weight);
    }
    if (!usable) {
      for (const id of bitIds) queryBit[id] = 0;
      return null;
    }
    const coverQuestion = this.tuning.questionCoverageWeight;
    const perWeight = coverQuestion / totalWeight;
    // Only a phrasing match makes a candidate, as in the full scan; a known word adds a positive bound, so zero means not matched yet.
    let docCount = 0;
    const { start: docsStart, ids: docIds } = phrasingDocs;
    for (let bit = 0; bit < bitIds.length; bit++) {
      if (((knownBits >> bit) & 1) === 0) continue;
      const id = bitIds[bit] as number;
      const weight = bitWeights[bit] as number;
      // Hot at 100,000 entries (a common word's list holds most documents): the per-word factors once, one read and one write per posting.
      const ofQuestion = weight * perWeight;
      const ofPhrasing = weight * (1 - coverQuestion);
      const end = docsStart[id + 1] as number;
      for (let j = docsStart[id] as number; j < end; j++) {
        const docIndex = docIds[j] as number;
        const bound = phrasingBound[docIndex] as number;
        if (bound === 0) touchedDocs[docCount++] = docIndex;
        phrasingBound[docIndex] = bound + ofQuestion + ofPhrasing * (phrasingDocShare[j] as number);
      }
    }
    // A word most answers hold is taken to be in every one: its weight is small, and its list the longest to walk.
    let everyAnswer = 0;
    for (let bit = 0; bit < bitIds.length; bit++) {
      const id = bitIds[bit] as number;
      const weight = bitWeights[bit] as number;
      if (((answerDocs.start[id + 1] as number) - (answerDocs.start[id] as number)) * COMMON_ANSWER_SHARE > this.docs.length) {
        everyAnswer += weight;
        continue;
      }
      for (let j = answerDocs.start[id] as number; j < (answerDocs.start[id + 1] as number); j++) {
        const docIndex = answerDocs.ids[j] as number;
        if (phrasingBound[docIndex] !== 0) (answerWeight[docIndex] as number) += weight;
      }
    }
    const phrasingPart = this.tuning.phrasingWeight;
    const answerPart = (1 - phrasingPart) / totalWeight;
    const { isTerm, maxFactor, bandHead, nextInBand } = this;
    bandHead.fill(-1);
    // Every matched document passes here once: fileByBand() written out, with the fields read once. Filed
    // last to first (the lists hold each word's documents in order), a band is offered mostly earliest first, so a
    // later copy of an entry that can at most tie the k-th loses the tie and is never scored (see below).
    for (let i = docCount - 1; i >= 0; i--) {
      const docIndex = touchedDocs[i] as number;
      const raw = phrasingPart * (phrasingBound[docIndex] as number) + ((answerWeight[docIndex] as number) + everyAnswer) * answerPart;
      const bound = Math.min(1, isTerm[docIndex] === 0 ? raw : raw * maxFactor);
      docBound[docIndex] = bound;
      const band = bandOf(bound);
      nextInBand[docIndex] = bandHead[band] as number;
      bandHead[band] = docIndex;
      phrasingBound[docIndex] = 0;
      answerWeight[docIndex] = 0;
    }
    const top = new TopK(k);
    this.bestFirst(docBound, top, maxRaise, (docIndex) => {
      // Adjusting the bound bounds the adjusted score: a document the bonuses pass over is not scored at all. The
      // slack covers the bound's rounding; capped at 1 the bound is exact (no score exceeds 1), and so is the tie.
      const bound = Math.min(1, (docBound[docIndex] as number) + RAISE_SLACK);
      const most = adjust === undefined ? bound : Math.max(0, adjust(this.docs[docIndex] as AnswerDoc, bound, docIndex));
      if (!top.admits(most, this.isTerm[docIndex] === 0 ? 'entry' : 'term', docIndex)) return;
      this.scoreInFull(docIndex, knownBits, bitWeights, totalWeight, top, adjust, maxRaise);
    });
    for (const id of bitIds) queryBit[id] = 0;
    return top.items();
  }

  /** One document's score, exactly as the full scan adds it up (the same sums in the same order), offered to the top k. */
  private scoreInFull(
    docIndex: number,
    knownBits: number,
    bitWeights: readonly number[],
    totalWeight: number,
    top: TopK,
    adjust: Adjust | undefined,
    maxRaise: number,
  ): void {
    const { queryBit, phrasingTokens, answerTokens } = this;
    const coverQuestion = this.tuning.questionCoverageWeight;
    let best = 0;
    let bestMatched = 0;
    let bestFirst = MAX_QUERY_BITS;
    let bestPhrasing = -1;
    for (let p = this.docPhrasings[docIndex] as number; p < (this.docPhrasings[docIndex + 1] as number); p++) {
      let bits = 0;
      for (let j = phrasingTokens.start[p] as number; j < (phrasingTokens.start[p + 1] as number); j++) {
        const bit = queryBit[phrasingTokens.ids[j] as number] as number;
        if (bit !== 0) bits |= 1 << (bit - 1);
      }
      bits &= knownBits;
      if (bits === 0) continue;
      const matched = sumOfBits(bits, bitWeights);
      const score = coverQuestion * (matched / totalWeight) + (1 - coverQuestion) * (matched / Math.max(this.phrasingWeight[p] as number, matched));
      // Of equal scores, the full scan keeps the phrasing it matched first: by the earlier query word, then the earlier phrasing.
      const first = 31 - Math.clz32(bits & -bits);
      if (score > best || (score === best && first < bestFirst)) {
        best = score;
        bestMatched = matched;
        bestFirst = first;
        bestPhrasing = p;
      }
    }
    if (bestPhrasing < 0) return;
    let answerBits = 0;
    for (let j = answerTokens.start[docIndex] as number; j < (answerTokens.start[docIndex + 1] as number); j++) {
      const bit = queryBit[answerTokens.ids[j] as number] as number;
      if (bit !== 0) answerBits |= 1 << (bit - 1);
    }
    this.matchedWeight[bestPhrasing] = bestMatched;
    this.answerWeight[docIndex] = sumOfBits(answerBits, bitWeights);
    this.scoreDoc(docIndex, bestPhrasing, best, totalWeight);
    this.matchedWeight[bestPhrasing] = 0;
    this.answerWeight[docIndex] = 0;
    const floor = top.floor();
    if (floor > 0 && (this.docBase[docIndex] as number) + maxRaise + RAISE_SLACK < floor) return;
    this.offerScored(docIndex, top, adjust);
  }

  /** A phrasing's score: covering the question, and (less) covering the whole phrasing. */
  private phrasingScore(phrasing: number, totalWeight: number): number {
    const matched = this.matchedWeight[phrasing] as number;
    const coverQuestion = this.tuning.questionCoverageWeight;
    return coverQuestion * (matched / totalWeight) + (1 - coverQuestion) * (matched / Math.max(this.phrasingWeight[phrasing] as number, matched));
  }

  /**
   * Few phrasings matched: each document's best, in the order they were first matched (the
   * first of equal scores wins). Returns how many documents matched (listed in touchedDocs).
   */
  private bestOfTouched(phrasingCount: number, totalWeight: number): number {
    const { matchedWeight, touchedPhrasings, bestScore, bestPhrasing, touchedDocs } = this;
    let docCount = 0;
    for (let i = 0; i < phrasingCount; i++) {
      const index = touchedPhrasings[i] as number;
      const score = this.phrasingScore(index, totalWeight);
      const docIndex = this.phrasingDoc[index] as number;
      const best = bestScore[docIndex] as number;
      if (score > best) {
        if (best === 0) touchedDocs[docCount++] = docIndex;
        bestScore[docIndex] = score;
        bestPhrasing[docIndex] = index;
      }
    }
    for (let i = 0; i < docCount; i++) {
      const docIndex = touchedDocs[i] as number;
      this.scoreDoc(docIndex, bestPhrasing[docIndex] as number, bestScore[docIndex] as number, totalWeight);
      bestScore[docIndex] = 0;
    }
    for (let i = 0; i < phrasingCount; i++) matchedWeight[touchedPhrasings[i] as number] = 0;
    return docCount;
  }

  /**
   * Most phrasings matched (common words): every document in index order, its phrasings side
   * by side in memory, far cheaper than jumping about. Of equal scores, the phrasing matched by
   * the earlier query word wins, as the first matched does in bestOfTouched.
   */
  private bestInOrder(totalWeight: number): number {
    const { matchedWeight, firstWord, docPhrasings, touchedDocs } = this;
    let docCount = 0;
    for (let docIndex = 0; docIndex < this.docs.length; docIndex++) {
      let best = 0;
      let bestAt = -1;
      const end = docPhrasings[docIndex + 1] as number;
      for (let p = docPhrasings[docIndex] as number; p < end; p++) {
        if (matchedWeight[p] === 0) continue;
        const score = this.phrasingScore(p, totalWeight);
        if (score > best || (score === best && (firstWord[p] as number) < (firstWord[bestAt] as number))) {
          best = score;
          bestAt = p;
        }
      }
      if (bestAt < 0) continue;
      touchedDocs[docCount++] = docIndex;
      this.scoreDoc(docIndex, bestAt, best, totalWeight);
      for (let p = docPhrasings[docIndex] as number; p < end; p++) matchedWeight[p] = 0;
    }
    return docCount;
  }

  /** A document's score before adjust, from its best phrasing and its answer (matchedWeight still holds the phrasing's match). */
  private scoreDoc(docIndex: number, phrasing: number, phrasingScore: number, totalWeight: number): void {
    const matched = this.matchedWeight[phrasing] as number;
    const questionShare = matched / totalWeight;
    const exact = questionShare > 0.999 && matched / Math.max(this.phrasingWeight[phrasing] as number, matched) > 0.999;
    const raw = this.tuning.phrasingWeight * phrasingScore + (1 - this.tuning.phrasingWeight) * ((this.answerWeight[docIndex] as number) / totalWeight);
    // A glossary term is the answer when it is exactly what was asked; otherwise a fuller entry should win.
    const factor = this.isTerm[docIndex] === 0 ? 1 : exact ? 1.02 : this.tuning.termFactor;
    // Capped before the bonuses only: they may lift two candidates past 1, and their order must survive.
    this.docBase[docIndex] = Math.min(1, raw * factor);
    this.docShare[docIndex] = questionShare;
  }

  /** Files a matched document under the band of its score (or bound) for bestFirst. */
  private fileByBand(docIndex: number, scores: Float64Array): void {
    const band = bandOf(scores[docIndex] as number);
    this.nextInBand[docIndex] = this.bandHead[band] as number;
    this.bandHead[band] = docIndex;
  }

  /**
   * Offers the documents filed by band, highest score (or bound) band first (no sort), and stops at
   * the first band that cannot reach the k-th score even with the most adjust adds. Scores are
   * never below 0, and a 0 may still win a tie: a floor of 0 stops nothing.
   */
  private bestFirst(scores: Float64Array, top: TopK, maxRaise: number, offer: (docIndex: number) => void): void {
    const { bandHead, nextInBand } = this;
    for (let band = BANDS - 1; band >= 0; band--) {
      const floor = top.floor();
      if (floor > 0 && (band + 1) / BANDS + maxRaise + RAISE_SLACK < floor) break;
      for (let docIndex = bandHead[band] as number; docIndex >= 0; docIndex = nextInBand[docIndex] as number) {
        const kept = top.floor();
        if (kept > 0 && (scores[docIndex] as number) + maxRaise + RAISE_SLACK < kept) continue;
        offer(docIndex);
      }
    }
  }

  /** Adjusts a document scored by the full scan and offers it: most do not make the top k, and only those that do become objects. */
  private offerScored(docIndex: number, top: TopK, adjust: Adjust | undefined): void {
    const base = this.docBase[docIndex] as number;
    const doc = this.docs[docIndex] as AnswerDoc;
    const score = Math.max(0, adjust === undefined ? base : adjust(doc, base, docIndex));
    if (top.admits(score, doc.kind, docIndex)) top.offer({ doc, index: docIndex, score, questionShare: this.docShare[docIndex] as number });
  }
}

/** Candidates in ranking order, for sorting a handful of them (see `before`). */
export function compareCandidates(a: Candidate, b: Candidate): number {
  if (a === b) return 0;
  return before(a.score, a.doc.kind, a.index, b) ? -1 : 1;
}

/** Before: higher score, then an entry before a term, then the earlier document. */
function before(score: number, kind: AnswerDoc['kind'], index: number, b: Candidate): boolean {
  if (score !== b.score) return score > b.score;
  if (kind !== b.doc.kind) return kind === 'entry';
  return index < b.index;
}

/** The best k of a stream, kept in order by insertion: O(n·k) with small k, no full sort. */
export class TopK {
  private readonly kept: Candidate[] = [];
  constructor(private readonly k: number) {}

  /** Whether a candidate with this score, kind and index would be kept: asked before building one. */
  admits(score: number, kind: AnswerDoc['kind'], index: number): boolean {
    const kept = this.kept;
    return this.k > 0 && (kept.length < this.k || before(score, kind, index, kept[kept.length - 1] as Candidate));
  }

  offer(candidate: Candidate): void {
    const kept = this.kept;
    if (!this.admits(candidate.score, candidate.doc.kind, candidate.index)) return;
    if (kept.length === this.k) kept.pop();
    // Shift the worse ones down in place (no splice: it allocates an array on every call).
    let at = kept.length;
    kept.push(candidate);
    while (at > 0 && before(candidate.score, candidate.doc.kind, candidate.index, kept[at - 1] as Candidate)) {
      kept[at] = kept[at - 1] as Candidate;
      at--;
    }
    kept[at] = candidate;
  }

  /** The score a candidate must at least reach to be kept: the k-th best so far, or -Infinity while fewer are kept. */
  floor(): number {
    return this.kept.length < this.k ? -Infinity : (this.kept[this.kept.length - 1] as Candidate).score;
  }

  items(): Candidate[] {
    return this.kept;
  }
}
