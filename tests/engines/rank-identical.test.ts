import { describe, expect, test } from 'vitest';
import { syntheticKnowledge, syntheticQuestions } from '../../src/bench/synthetic-knowledge.ts';
import { loadEvalFixtures } from '../../src/cli/eval-fixtures.ts';
import { AnswerEngine, DEFAULT_TUNING } from '../../src/engines/answer-engine.ts';
import { SpellCorrector } from '../../src/engines/correct.ts';
import { seededRandom } from '../../src/engines/random.ts';
import {
  compareCandidates,
  PRUNE_FROM_PHRASINGS,
  Retriever,
  type Adjust,
  type AnswerDoc,
  type Candidate,
  type QueryToken,
} from '../../src/engines/retrieve.ts';
import { expandWords, isStopword, stem } from '../../src/text.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

/**
 * The straightforward ranking the pruned one must equal: every posting of every query word
 * added up, every candidate scored and sorted. Built from the documents on its own.
 */
function referenceRanker(docs: readonly AnswerDoc[]) {
  const tuning = DEFAULT_TUNING;
  const phrasingPostings = new Map<string, number[]>();
  const answerPostings = new Map<string, Set<number>>();
  const phrasings: Array<{ doc: number; weight: number; tokens: ReadonlySet<string> }> = [];
  const documentFrequency = new Map<string, number>();
  const tokensOf = (text: string) =>
    new Set(
      expandWords(text)
        .filter((word) => !isStopword(word))
        .map(stem),
    );
  docs.forEach((doc, index) => {
    const all = new Set<string>();
    for (const text of doc.phrasings) {
      const tokens = tokensOf(text);
      tokens.forEach((token) => all.add(token));
      phrasings.push({ doc: index, weight: 0, tokens });
    }
    for (const token of tokensOf(doc.answer)) {
      all.add(token);
      answerPostings.set(token, (answerPostings.get(token) ?? new Set()).add(index));
    }
    all.forEach((token) => documentFrequency.set(token, (documentFrequency.get(token) ?? 0) + 1));
  });
  const idf = (token: string) => Math.log(1 + docs.length / (documentFrequency.get(token) as number));
  phrasings.forEach((phrasing, index) => {
    for (const token of phrasing.tokens) {
      phrasing.weight += idf(token);
      const postings = phrasingPostings.get(token);
      if (postings === undefined) phrasingPostings.set(token, [index]);
      else postings.push(index);
    }
  });

  return (tokens: readonly QueryToken[], k: number, adjust?: Adjust): Candidate[] => {
    const total = tokens.reduce((sum, t) => sum + t.weight, 0);
    const matched = new Map<number, number>();
    for (const { token, weight, known } of tokens) {
      if (known) for (const p of phrasingPostings.get(token) ?? []) matched.set(p, (matched.get(p) ?? 0) + weight);
    }
    const best = new Map<number, { score: number; share: number; exact: boolean }>();
    for (const [p, weight] of matched) {
      const phrasing = phrasings[p] as (typeof phrasings)[number];
      const share = weight / total;
      const phrasingShare = weight / Math.max(phrasing.weight, weight);
      const score = tuning.questionCoverageWeight * share + (1 - tuning.questionCoverageWeight) * phrasingShare;
      if (score > (best.get(phrasing.doc)?.score ?? 0)) best.set(phrasing.doc, { score, share, exact: share > 0.999 && phrasingShare > 0.999 });
    }
    const candidates = [...best].map(([index, { score: phrasingScore, share, exact }]): Candidate => {
      const doc = docs[index] as AnswerDoc;
      let answerWeight = 0;
      for (const { token, weight } of tokens) if (answerPostings.get(token)?.has(index)) answerWeight += weight;
      const raw = tuning.phrasingWeight * phrasingScore + (1 - tuning.phrasingWeight) * (answerWeight / total);
      const base = Math.min(1, raw * (doc.kind === 'entry' ? 1 : exact ? 1.02 : tuning.termFactor));
      return { doc, index, score: Math.max(0, adjust === undefined ? base : adjust(doc, base, index)), questionShare: share };
    });
    return candidates.sort(compareCandidates).slice(0, k);
  };
}

/** Shaped like the answer engine's: a bonus for some documents (at most 0.32), a penalty for others, many ties. */
const MAX_RAISE = 0.32;
const adjust: Adjust = (doc, score, index) =>
  score + (index % 3 === 0 ? 0.12 : 0) + (index % 5 === 0 ? 0.2 : index % 7 === 0 ? -0.2 : 0) - (doc.kind === 'term' ? 0.12 : 0);

const summary = (candidates: readonly Candidate[]) => candidates.map((c) => [c.doc.id, c.score, c.questionShare]);

function expectSameRanking(docs: readonly AnswerDoc[], questions: readonly string[]): void {
  const retriever = new Retriever(docs, DEFAULT_TUNING);
  const reference = referenceRanker(docs);
  const corrector = new SpellCorrector(retriever.wordFrequency);
  let compared = 0;
  for (const question of questions) {
    const tokens = retriever.queryTokens(question, corrector);
    const known = tokens.filter((t) => t.known);
    // The reference sorts every candidate: its best 25 begin with its best 8 and its best 1.
    const adjusted = summary(reference(tokens, 25, adjust));
    const plain = summary(reference(known, 25));
    for (const k of [1, 8, 25]) {
      expect(summary(retriever.rank(tokens, k, adjust, MAX_RAISE)), `${question} (k=${k}, adjusted)`).toEqual(adjusted.slice(0, k));
      expect(summary(retriever.rank(known, k)), `${question} (k=${k})`).toEqual(plain.slice(0, k));
    }
    compared += known.length > 0 ? 1 : 0;
  }
  // Most questions share words with the base: the comparison is not between two empty lists.
  expect(compared).toBeGreaterThan(questions.length * 0.9);
}

describe('pruned ranking equals the full scan', () => {
  const real = loadKnowledge(REAL_KNOWLEDGE_DIR);

  test('on the eval questions over the real knowledge base', () => {
    const questions = loadEvalFixtures().questions.map((q) => q.q);
    expectSameRanking(new AnswerEngine(real).docs, questions);
  });

  test('on generated questions and typed prefixes over a synthetic base', { timeout: 120_000 }, () => {
    const synthetic = syntheticKnowledge(real, 2000);
    const docs = new AnswerEngine(synthetic).docs;
    // Large enough that rank() prunes (the real knowledge base is scanned in full).
    expect(docs.reduce((sum, doc) => sum + doc.phrasings.length, 0)).toBeGreaterThanOrEqual(PRUNE_FROM_PHRASINGS);
    const random = seededRandom(19);
    const words = [...new Set(docs.flatMap((doc) => expandWords(doc.phrasings.join(' '))))];
    // Bags of words from the phrasings: common words only, rare ones only, and mixed, as few as one.
    const bags = Array.from({ length: 1000 }, () =>
      Array.from({ length: 1 + Math.floor(random() * 7) }, () => words[Math.floor(random() ** (random() < 0.5 ? 1 : 4) * words.length)]).join(' '),
    );
    const asked = syntheticQuestions(synthetic, 600);
    const typing = asked.slice(0, 400).map((question) => question.slice(0, 3 + Math.floor(random() * (question.length - 3))));
    expectSameRanking(docs, [...asked, ...bags, ...typing]);
  });
});
