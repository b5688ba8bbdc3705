import type { PracticeLevel } from '../domain/levels.ts';
import type { Candidate, QueryToken, Retriever } from './retrieve.ts';
import { compareCandidates } from './retrieve.ts';
import { contentTokens } from '../text.ts';

/**
 * Stems that say what kind of answer is wanted, not what it is about, and everyday verbs every
 * topic shares ("have", "help"): never a question's key word.
 */
const SCAFFOLDING_STEMS = new Set(
  // Word by word: a question is cut at MAX_QUERY_CHARS, and this list is longer than that.
  `important importance matter matters example examples job jobs skill skills difference differ degree license setting settings
     separate separates distinguish contrast compare similar alike
     social work worker practice people level micro mezzo macro why where have has had help helps helping go going use become
     count counts counted consider considered between across need needs needed good two three all method methods require required requires requirement requirements type types`
    .split(/\s+/)
    .flatMap(contentTokens),
);

/** The question's key words: known words that say what it is about, heaviest (rarest) first. */
export function keyWords(tokens: readonly QueryToken[]): QueryToken[] {
  return tokens.filter((t) => t.known && !SCAFFOLDING_STEMS.has(t.token)).sort((a, b) => b.weight - a.weight);
}

export interface RerankTuning {
  /** Taken off a candidate in proportion to the share of key-word weight its phrasings leave out. */
  readonly keyWordPenalty: number;
  /** A key word only the answer text mentions counts as this share of one left out. */
  readonly answerOnlyShare: number;
  /** With this many key words or fewer, one left out is most of their weight: */
  readonly fewKeyWords: number;
  /** ...so the penalty stops here ("how important is macro to the profession": the entry on why macro matters, without "profession"). */
  readonly fewKeyWordsMaxPenalty: number;
}

/**
 * Reorders the best few candidates by whether they are about the question's key words: an entry
 * whose question and alternatives hold "school" beats a generic one that only mentions schools in
 * passing, for "examples of micro work in schools". Runs on the bounded top k only.
 */
export function rerank(
  candidates: readonly Candidate[],
  keys: readonly QueryToken[],
  retriever: Retriever,
  /** Stems of words that point to one level: a document of that level is about them ("jobs for policy people"). */
  cueLevels: ReadonlyMap<string, PracticeLevel>,
  tuning: RerankTuning,
): Candidate[] {
  const keyWeight = keys.reduce((sum, t) => sum + t.weight, 0);
  if (keyWeight === 0 || candidates.length < 2) return [...candidates];
  const maxPenalty = keys.length <= tuning.fewKeyWords ? tuning.fewKeyWordsMaxPenalty : Infinity;
  const reranked = candidates.map((candidate) => {
    let missing = 0;
    for (const key of keys) {
      const level = cueLevels.get(key.token);
      if (retriever.phrasingHas(candidate.index, key.token) || (level !== undefined && candidate.doc.levels.includes(level))) continue;
      missing += retriever.docHas(candidate.index, key.token) ? key.weight * tuning.answerOnlyShare : key.weight;
    }
    return { candidate, order: { ...candidate, score: candidate.score - Math.min(maxPenalty, (tuning.keyWordPenalty * missing) / keyWeight) } };
  });
  return reranked.sort((a, b) => compareCandidates(a.order, b.order)).map((r) => r.candidate);
}
