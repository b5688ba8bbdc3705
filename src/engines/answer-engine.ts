import type { PracticeLevel } from '../domain/levels.ts';
import { INTENTS, type Knowledge } from '../knowledge/schema.ts';
import { answersWho, attributions, whoAsked, type WhoAsked } from './attribution.ts';
import { Autocompleter, autocompleteLabels, type AutocompleteChoice, type AutocompleteLabels } from './autocomplete.ts';
import { commonEnglishWords } from './common-words.ts';
import { SpellCorrector } from './correct.ts';
import { hasTopicWords, namesUnknownPerson, uncoveredDetail, undefinedConcept, type UncoveredKind } from './decide.ts';
import { bitCount, docsOf, levelMask } from './docs.ts';
import { isFollowUp, withContext, type AskContext } from './follow-up.ts';
import { levelsNamed, readShape, type QuestionShape } from './intent.ts';
import { PinnedAnswers } from './pinned.ts';
import { embeddedQuestions, isLong, lastQuestion } from './long-question.ts';
import { keyWords, rerank } from './rerank.ts';
import { Retriever, type AnswerDoc, type Candidate, type QueryToken } from './retrieve.ts';
import { LevelAnswers, type LevelAnswer, type ScenarioAnswer } from './scenario-answer.ts';
import { eachOf, runToEnd, type Steps } from './steps.ts';
import { TermNames } from './terms.ts';
import { contentTokens, expandWord, expandWords, foldText, hasLookalikeCompanion, isStopword, readerVocabulary, RecentCache, stem } from '../text.ts';

export type { AnswerDoc } from './retrieve.ts';
export type { AutocompleteChoice } from './autocomplete.ts';
export type { AskContext } from './follow-up.ts';
export type { ScenarioAnswer } from './scenario-answer.ts';

export type AskOutcome =
  | 'answered'
  /** Nothing to match: empty, whitespace or only filler words. */
  | 'empty'
  /** The question is mostly about things the knowledge base does not cover. */
  | 'out-of-scope'
  /** Something matched, but not well enough to answer; suggestions may help. */
  | 'unsure'
  /** A greeting, thanks or a question about the bot: a friendly pointer to /help, not an entry. */
  | 'chit-chat';

export interface AskResult {
  readonly query: string;
  /** The question as answered: a follow-up ("and mezzo?") rewritten with its context. */
  readonly understood: string;
  readonly outcome: AskOutcome;
  readonly answer: { readonly doc: AnswerDoc; readonly score: number; readonly scenario: ScenarioAnswer | null } | null;
  /** Up to three further candidates, best first, never including the answer. */
  readonly suggestions: readonly AnswerDoc[];
  /** For a refusal: the detail asked about that the knowledge base does not cover. */
  readonly uncovered: UncoveredKind | null;
}

/** Tuned on the tune split with `npm run eval -- --split tune`; see the README before changing them. */
export type MatchTuning = { readonly [K in keyof typeof DEFAULT_TUNING]: number };

export const DEFAULT_TUNING = {
  /** At least this share of the question's weight must be words the knowledge base knows. */
  minCoverage: 0.55,
  unknownWeight: 0.6,
  questionCoverageWeight: 0.65,
  termFactor: 0.7,
  phrasingWeight: 0.8,
  /** Answer at or above this confidence; below it, offer suggestions. */
  answerThreshold: 0.35,
  /** Below this confidence a candidate is not even worth suggesting. */
  suggestThreshold: 0.2,
  /** Added to an entry that declares the intent the question has. */
  intentBonus: 0.12,
  /** Added in proportion to how well an entry's levels agree with the levels the question names. */
  levelBonus: 0.2,
  /** Taken off a candidate in proportion to the key-word weight its phrasings leave out (rerank.ts). */
  keyWordPenalty: 0.5,
  /** A key word only a candidate's answer mentions counts as this share of one left out. */
  answerOnlyShare: 0.6,
  /** A question with this many key words or fewer loses at most fewKeyWordsMaxPenalty to the rerank. */
  fewKeyWords: 3,
  fewKeyWordsMaxPenalty: 0.3,
  /** A scenario's best-matching entry adds this much weight to its level, for practices no cue names. */
  scenarioHintWeight: 2,
} as const;

const MAX_SUGGESTIONS = 3;
/** How far above the answer threshold an answer counts as sure, against a refusal of the whole story. */
const SURE_MARGIN = 0.1;
/** The question's two most informative known words, best first. */
interface Anchors {
  readonly first: string | null;
  readonly second: string | null;
}
/**
 * Autocomplete's fuzzy step ranks by the typed words held by at most this many phrasings together
 * (Retriever.rarest): at 100,000 entries the common words of a half-typed question cost a scan
 * of every phrasing on each keystroke.
 */
const AUTOCOMPLETE_PHRASINGS = 5_000;
/** Below this confidence an answer must at least mention the question's rarest word. */
const WEAK_MATCH = 0.5;
/** How much better a long question's last clause must match alone than the whole text to be answered on its own. */
const CLEARLY_BETTER = 0.2;
/** The levels named together, without naming one: "the three levels", "all the levels". */
const ALL_THE_LEVELS = /\b(three|3|all|all the|all three|the) (practice |social work )?levels\b/;
/** A long question (a story around its question) needs this share of minCoverage known. */
const LONG_STORY_COVERAGE = 0.9;
/** How many of the best candidates the key-word rerank reorders. */
const RERANK_POOL = 8;
/** How many corrected questions the engine remembers (each a short string). */
const CORRECTED_CACHE = 5_000;
const NO_CUES: ReadonlyMap<string, PracticeLevel> = new Map();
/** What adjust() needs to know of the question, worked out once per question. */
interface Adjusting {
  /** The intent (its place in INTENTS) an entry must declare for the intent bonus; no intent matches none. */
  readonly intent: number;
  /** Whether a glossary term is taken down: the question asks neither a definition nor an explanation. */
  readonly termPenalty: boolean;
  readonly comparison: boolean;
  readonly shapeMask: number;
  readonly anchors: Anchors;
  readonly who: WhoAsked | null;
}

/** What an AnswerEngine is built from its knowledge, in steps (steps.ts). */
interface EngineParts {
  readonly tuning: MatchTuning;
  readonly docs: readonly AnswerDoc[];
  readonly docById: ReadonlyMap<string, AnswerDoc>;
  readonly levelMasks: Uint8Array;
  readonly questionLevelMasks: Uint8Array;
  readonly intents: Uint8Array;
  readonly isTerm: Uint8Array;
  readonly attributed: Uint8Array;
  readonly retriever: Retriever;
  readonly corrector: SpellCorrector;
  readonly topicTokens: ReadonlySet<string>;
  readonly termNames: TermNames;
  readonly levelAnswers: LevelAnswers;
  readonly labels: AutocompleteLabels;
}

function* engineParts(knowledge: Knowledge, tuningChanges: Partial<MatchTuning>): Steps<EngineParts> {
  const tuning = { ...DEFAULT_TUNING, ...tuningChanges };
  const docs = yield* docsOf(knowledge);
  const docById = new Map<string, AnswerDoc>();
  const levelMasks = new Uint8Array(docs.length);
  const questionLevelMasks = new Uint8Array(docs.length);
  const intents = new Uint8Array(docs.length);
  const isTerm = new Uint8Array(docs.length);
  yield* eachOf(docs, (doc, i) => {
    docById.set(doc.id, doc);
    levelMasks[i] = doc.levels.includes('general') ? 7 : levelMask(doc.levels);
    questionLevelMasks[i] = levelMask(levelsNamed(expandWords(doc.question)));
    intents[i] = INTENTS.indexOf(doc.intent);
    isTerm[i] = doc.kind === 'term' ? 1 : 0;
  });
  const attributed = yield* attributions(docs);
  const retriever = yield* Retriever.build(docs, tuning);
  const vocabulary = new Map(retriever.wordFrequency);
  for (const word of readerVocabulary()) if (!vocabulary.has(word)) vocabulary.set(word, 1);
  yield;
  const levelAnswers = yield* LevelAnswers.build(knowledge, docById, tuning.scenarioHintWeight);
  // A scenario cue is a real word whose form matters ("caseworkers", not "caseworker"): never corrected.
  const corrector = yield* SpellCorrector.build(vocabulary, new Set([...commonEnglishWords(), ...levelAnswers.cueWords()]));
  const topicTokens = new Set<string>();
  yield* eachOf(docs, (doc) => {
    for (const token of contentTokens(doc.kind === 'entry' ? doc.question : doc.phrasings.join(' '))) topicTokens.add(token);
  });
  const termNames = new TermNames(docs);
  const labels = yield* autocompleteLabels(knowledge);
  return {
    tuning,
    docs,
    docById,
    levelMasks,
    questionLevelMasks,
    intents,
    isTerm,
    attributed,
    retriever,
    corrector,
    topicTokens,
    termNames,
    levelAnswers,
    labels,
  };
}

/**
 * Answers free-text questions from the knowledge base, as a pipeline of small steps:
 * normalise (text.ts) → correct (correct.ts) → read the question's shape (intent.ts) →
 * retrieve and score (retrieve.ts) → classify a scenario (scenario.ts) → decide or refuse (decide.ts).
 */
export class AnswerEngine {
  readonly docs: readonly AnswerDoc[];
  private readonly docById: ReadonlyMap<string, AnswerDoc>;
  private readonly retriever: Retriever;
  private readonly corrector: SpellCorrector;
  /** Each question as corrected: answerLong and the checks after it read the same text several times. */
  private readonly corrected = new RecentCache<string>(CORRECTED_CACHE);
  private readonly levelAnswers: LevelAnswers;
  /** Stems of one-word scenario cues and their level, for the rerank. */
  private readonly cueLevels: ReadonlyMap<string, PracticeLevel>;
  private readonly autocompleter: Autocompleter;
  /** Definitions, compared and exampled terms, and level checks decided without ranking. */
  private readonly pinned: PinnedAnswers;
  /** Stemmed words of entry questions and term names: what counts as social-work vocabulary. */
  private readonly topicTokens: ReadonlySet<string>;
  private readonly tuning: MatchTuning;
  /** Each document's practice levels as bits (micro 1, mezzo 2, macro 4); "general" speaks to all three. */
  private readonly levelMasks: Uint8Array;
  /** The levels each document's own question names, as bits: which levels a comparison entry compares. */
  private readonly questionLevelMasks: Uint8Array;
  /**
   * Each document's intent (its place in INTENTS) and whether it is a glossary term: adjust() reads
   * these for thousands of candidates per question at 100,000 entries, and a typed array is far
   * cheaper to read than as many scattered document objects.
   */
  private readonly intents: Uint8Array;
  private readonly isTerm: Uint8Array;
  /** What each document's answer attributes to whom (attribution.ts), for "who said…" questions. */
  private readonly attributed: Uint8Array;

  /** An engine built in steps (steps.ts): a knowledge reload builds one between interactions. */
  static *build(knowledge: Knowledge, tuning: Partial<MatchTuning> = {}): Steps<AnswerEngine> {
    return new AnswerEngine(knowledge, tuning, yield* engineParts(knowledge, tuning));
  }

  constructor(knowledge: Knowledge, tuning: Partial<MatchTuning> = {}, parts: EngineParts = runToEnd(engineParts(knowledge, tuning))) {
    ({
      tuning: this.tuning,
      docs: this.docs,
      docById: this.docById,
      levelMasks: this.levelMasks,
      questionLevelMasks: this.questionLevelMasks,
      intents: this.intents,
      isTerm: this.isTerm,
      attributed: this.attributed,
      retriever: this.retriever,
      corrector: this.corrector,
      topicTokens: this.topicTokens,
      levelAnswers: this.levelAnswers,
    } = parts);
    this.cueLevels = this.levelAnswers.singleWordCues();
    this.pinned = new PinnedAnswers(this.docs, this.docById, parts.termNames, this.retriever, this.tuning.answerThreshold);
    this.autocompleter = new Autocompleter(parts.labels, (text, limit) => {
      const tokens = this.retriever.queryTokens(text, this.corrector).filter((t) => t.known);
      return tokens.length > 0 ? this.retriever.rank(this.retriever.rarest(tokens, AUTOCOMPLETE_PHRASINGS), limit).map((c) => c.doc.id) : [];
    });
  }

  getDoc(id: string): AnswerDoc | undefined {
    return this.docById.get(id);
  }

  /**
   * Answers a question, or abstains. Never throws, whatever the input. With `context` (the same
   * student's previous question), a follow-up such as "and mezzo?" is read as its continuation.
   */
  ask(query: unknown, context?: AskContext): AskResult {
    const text = typeof query === 'string' ? query : '';
    const asked = context !== undefined && isFollowUp(text) ? withContext(text, context) : text;
    return { ...this.answerLong(asked), query: text, understood: asked };
  }

  /**
   * A long, rambling question usually asks its real question last (long-question.ts): that
   * clause is answered too. The story dilutes the whole text's scores, so the two are weighed by
   * agreement: each answer by its score in both candidate lists. A tail that names no level and no
   * topic ("what level would her work count as") says nothing the story did not: the whole answers.
   */
  private answerLong(text: string): AskResult {
    const wholeRanked: Candidate[] = [];
    const whole = this.answer(text, wholeRanked);
    const last = lastQuestion(text, (word) => this.corrector.isKnown(word));
    const tailRanked: Candidate[] = [];
    const tail = last === null ? null : this.answer(last, tailRanked);
    // Neither is sure, and nothing was out of scope: a question asked inside the story ("…explain to her what social work is").
    if (whole.outcome === 'unsure' && (tail === null || tail.answer === null)) {
      for (const question of embeddedQuestions(text)) {
        const inner = this.answer(question);
        if (inner.answer !== null) return inner;
        if (inner.outcome === 'out-of-scope' && inner.uncovered !== null) break;
      }
    }
    if (last === null || tail === null || tail.answer === null) return whole;
    // The story names something not covered (a technique, a university): only a sure answer to its question stands.
    if (whole.answer === null) return whole.uncovered !== null && tail.answer.score < this.tuning.answerThreshold + SURE_MARGIN ? whole : tail;
    // The story describes practice, but its question asks something else ("…so how am i supposed to know which level im at"): the question's answer.
    // (`understood` is the tail as corrected and answered.)
    if (
      whole.answer.scenario !== null &&
      tail.answer.scenario === null &&
      !readShape(tail.understood).scenario &&
      wholeRanked.some((c) => c.doc.id === tail.answer?.doc.id)
    )
      return tail;
    // Both classify the practice at one level: the tail's clause names what to read next more narrowly.
    if (whole.answer.scenario !== null) return tail.answer.scenario !== null && tail.answer.scenario.level === whole.answer.scenario.level ? tail : whole;
    if (!this.namesItsSubject(last)) return whole;
    // The story drowns the whole text's match, and its question alone is matched far better: the question's answer.
    if (whole.answer.score < WEAK_MATCH && tail.answer.score >= whole.answer.score + CLEARLY_BETTER) return tail;
    const agreement = (result: AskResult): number => {
      const answer = result.answer as NonNullable<AskResult['answer']>;
      return agreedScore(answer, wholeRanked, whole) + agreedScore(answer, tailRanked, tail);
    };
    return agreement(whole) >= agreement(tail) ? whole : tail;
  }

  /** Whether a text names a level or a topic, not only how it asks ("what level would her work count as"). */
  private namesItsSubject(text: string): boolean {
    const corrected = this.correctText(text);
    if (readShape(corrected).levels.length > 0 || ALL_THE_LEVELS.test(foldText(corrected))) return true;
    return keyWords(this.retriever.queryTokens(corrected, this.corrector)).some((t) => this.topicTokens.has(t.token));
  }

  /** Every misspelt word corrected, so the question's shape ("diffrence", "wich levle") reads right too. */
  private correctText(text: string): string {
    const cached = this.corrected.get(text);
    if (cached !== undefined) return cached;
    // Filler stays: the shape is read from this text, and "tell them apart" or "where's the line" say it compares.
    const words = foldText(text)
      .split(' ')
      .flatMap(expandWord)
      .map((word) => this.corrector.correct(word) ?? word);
    const corrected = words.map((word, i) => this.realWordMeant(words, i) ?? word).join(' ');
    this.corrected.set(text, corrected);
    return corrected;
  }

  /**
   * A real word the knowledge base never uses, typed for a word of its own that a neighbour goes
   * with in some phrasing: "the tree levels" (three levels), "ham reduction", "practice mater".
   */
  private realWordMeant(words: readonly string[], i: number): string | null {
    const word = words[i] as string;
    const meant = this.corrector.closestToRealWord(word);
    // Another form of the same word ("exchanges") is no typo: the stems already meet.
    if (meant === null || stem(meant) === stem(word)) return null;
    const neighbours = [words[i - 1], words[i + 1]].filter((next): next is string => next !== undefined && !isStopword(next));
    return neighbours.some((next) => this.retriever.phrasingsPair(stem(meant), stem(next))) ? meant : null;
  }

  /** `reranked` receives the candidates as reranked, for weighing a long question's answers (answerLong). */
  private answer(asked: string, reranked: Candidate[] = []): AskResult {
    const text = this.correctText(asked);
    const shape = readShape(text);
    const refuse = (outcome: AskOutcome, suggestions: readonly AnswerDoc[] = [], uncovered: UncoveredKind | null = null): AskResult => ({
      query: text,
      understood: text,
      outcome,
      answer: null,
      suggestions: suggestions.slice(0, MAX_SUGGESTIONS),
      uncovered,
    });
    if (shape.chitChat || readShape(asked).chitChat) return refuse('chit-chat');
    const tokens = withoutTheOtherName(this.retriever.queryTokens(text, this.corrector), asked);
    if (tokens.length === 0) return refuse('empty');

    // A level's or a glossary term's definition, asked for as such (not how it works): answered without ranking.
    // "define oppression in macro social work": the level says where the term is used, the card defines it.
    const levelDefined = this.pinned.levelDefinition(text, shape);
    const direct = levelDefined ?? this.pinned.termDefined(text, shape);
    // The question's two most informative known words: an intent bonus goes only to entries about one of them
    // (the rarest alone may be a word of how it asks, "using", "exist").
    const keys = keyWords(tokens);
    const anchors: Anchors = { first: keys[0]?.token ?? null, second: keys[1]?.token ?? null };
    const topicKeys = keys.filter((t) => this.topicTokens.has(t.token));
    const shapeMask = levelMask(this.levelsAsked(text, shape));
    const who = whoAsked(text);
    const adjusting: Adjusting = {
      // "how do the skills differ between the levels" is answered by the entry on skills by level, whatever its declared intent.
      intent: shape.intent === null ? -1 : INTENTS.indexOf(shape.compares ?? shape.intent),
      // A glossary card answers "what is X" (and may say how it is done), not "which degree" or "why does X matter".
      termPenalty: shape.intent !== null && shape.intent !== 'definition' && shape.intent !== 'explanation',
      comparison: shape.intent === 'comparison',
      shapeMask,
      anchors,
      who,
    };
    const ranked = this.retriever.rank(
      tokens,
      RERANK_POOL,
      (_doc, score, index) => this.adjust(score, index, adjusting),
      // The most adjust can add to this question's candidates: an intent bonus needs an intent, a level bonus named levels.
      (shape.intent === null ? 0 : Math.max(0, this.tuning.intentBonus)) + (shapeMask === 0 ? 0 : Math.max(0, this.tuning.levelBonus)),
    );
    // "jobs for policy people" are macro jobs, but "why does organization matter" asks about organization, not about mezzo.
    const cueLevels = shape.intent === 'importance' || shape.intent === 'explanation' ? NO_CUES : this.cueLevels;
    const pool = rerank(ranked, topicKeys, this.retriever, cueLevels, this.tuning).filter((c) => c.score >= this.tuning.suggestThreshold);
    const candidates = pool.slice(0, MAX_SUGGESTIONS + 1);
    reranked.push(...pool);
    const topical = hasTopicWords(tokens, this.topicTokens);
    const suggestions = topical ? candidates.map((c) => c.doc) : [];

    // Read as typed too: the corrector may have turned the companion into a word of ours ("bulking" into "building").
    if (tokens.some((t) => t.lookalike) || hasLookalikeCompanion(expandWords(text)) || hasLookalikeCompanion(expandWords(asked))) return refuse('out-of-scope');
    // "is case management micro?": an entry that answers that very check, else yes or no from the glossary card's level.
    const named = shape.intent === 'classification' ? this.pinned.termNamed(text, true) : null;
    const entryChecks = shape.intent === 'classification' && this.pinned.answersCheck(candidates[0], topicKeys, named !== null);
    const termClassified = entryChecks ? null : named;
    if (termClassified !== null && shape.levels.length > 0 && termClassified.doc.levels[0] !== 'general')
      return answered(text, this.levelAnswers.levelCheck(text, shape.levels, termClassified.doc));
    // "meso social work?" names a level and nothing else: its definition, never a scenario.
    const readsAsScenario = levelDefined === null && termClassified === null && !entryChecks;
    // "what level does program development fall under": a question that is only a term's name follows the level its card
    // files it under, as a yes/no check does, unless an entry answers that very classification.
    const cardAsked = readsAsScenario && shape.scenario ? this.pinned.termNamed(text, true) : null;
    if (cardAsked !== null && cardAsked.doc.levels[0] !== 'general' && !this.pinned.answersCheck(candidates[0], topicKeys, true))
      return answered(text, this.levelAnswers.levelCheck(text, shape.levels, cardAsked.doc));
    const scenario = readsAsScenario
      ? this.levelAnswers.scenario(text, shape, candidates, topicKeys.length > 0, asked, this.pinned.termNamed(text, true)?.doc)
      : null;
    if (scenario !== null) return answered(text, scenario);

    // "case management vs counseling": two glossary terms no ranked entry compares get their own cards.
    // A long story names many terms: its own question (answerLong) says which two it compares.
    const long = isLong(text);
    const compared = shape.intent === 'comparison' && direct === null && !long ? this.pinned.comparedTerms(text, candidates, shape.levels.length > 0) : [];
    const exampled = shape.intent === 'examples' && direct === null ? this.pinned.exampledTerm(text, candidates[0]) : null;
    const pinned = direct ?? termClassified ?? (compared.length > 0 ? this.pinned.candidate(compared[0] as AnswerDoc) : null) ?? exampled;
    const best = pinned ?? candidates[0];
    const uncovered =
      uncoveredDetail(text, best, this.retriever) ??
      (pinned === null && (shape.intent === 'definition' || (shape.levels.length === 0 && USES_A_CONCEPT.test(text)))
        ? undefinedConcept(keys, best, this.retriever)
        : null) ??
      (namesUnknownPerson(asked, (word) => this.corrector.correct(word) !== null) ? 'person' : null);
    if (uncovered !== null) return refuse('out-of-scope', suggestions, uncovered);
    // "who founded social work": only an entry that names someone answers a "who" question.
    if (who !== null && (best === undefined || !answersWho(who, this.attributed[best.index] as number))) return refuse('out-of-scope', suggestions, 'person');

    const totalWeight = tokens.reduce((sum, t) => sum + t.weight, 0);
    const knownWeight = tokens.reduce((sum, t) => sum + (t.known ? t.weight : 0), 0);
    // "is grant wrting macro": a yes/no level check of a thing the best entry is about is answered, whatever else is unknown.
    const levelCheck =
      shape.intent === 'classification' &&
      shape.levels.length > 0 &&
      best !== undefined &&
      topicKeys.length > 0 &&
      topicKeys.every((key) => this.retriever.phrasingHas(best.index, key.token));
    // A long story's everyday words ("seemed", "disagrees") are mostly unknown: it needs less of its weight known.
    const minCoverage = long ? this.tuning.minCoverage * LONG_STORY_COVERAGE : this.tuning.minCoverage;
    if (pinned === null && !levelCheck && (knownWeight / totalWeight < minCoverage || best === undefined)) return refuse('out-of-scope', suggestions);
    // "how do I fix my car": a weak match on one word that names no topic is no answer.
    const missesItsSubject = best !== undefined && pinned === null && best.score < WEAK_MATCH && this.matchesOnlyAnEverydayWord(tokens, best);
    if (best !== undefined && best.score >= this.tuning.answerThreshold && !missesItsSubject) {
      const further = [...compared.slice(1), ...candidates.map((c) => c.doc)].filter((doc, i, all) => doc.id !== best.doc.id && all.indexOf(doc) === i);
      return { ...answered(text, { doc: best.doc, score: round(best.score), scenario: null }), suggestions: further.slice(0, MAX_SUGGESTIONS) };
    }
    return refuse('unsure', suggestions);
  }

  /**
   * Intent and level agreement, added to the retrieval score before the top-k selection. Runs per candidate: no allocation.
   * It never adds more than intentBonus (with an intent) plus levelBonus (with levels): rank() relies on that to skip hopeless candidates.
   */
  private adjust(score: number, index: number, { intent, termPenalty, comparison, shapeMask, anchors, who }: Adjusting): number {
    let adjusted = score;
    if (who !== null && !answersWho(who, this.attributed[index] as number)) adjusted -= this.tuning.intentBonus;
    // The anchors are looked up (two binary searches each) only for an entry the bonus could go to: rank() adjusts thousands at 100,000 entries.
    if (this.intents[index] === intent && this.anchored(index, anchors)) adjusted += this.tuning.intentBonus;
    if (termPenalty && this.isTerm[index] === 1) adjusted -= this.tuning.intentBonus;
    if (shapeMask !== 0) {
      const docMask = this.levelMasks[index] as number;
      const shared = bitCount(docMask & shapeMask);
      adjusted += this.tuning.levelBonus * (shared / bitCount(docMask | shapeMask)) - (shared === 0 ? this.tuning.levelBonus : 0);
      // "micro vs mezzo": an entry whose question names one side, or another pair, does not compare these two.
      const compares = (this.questionLevelMasks[index] as number) || docMask;
      if (comparison && shared >= 1 && bitCount(shapeMask) >= 2 && (compares & shapeMask) !== shapeMask) adjusted -= this.tuning.levelBonus;
      // "how can i tell micro and mezzo apart": an entry setting all three side by side compares more than these two.
      else if (comparison && bitCount(shapeMask) === 2 && bitCount(compares) === 3) adjusted -= this.tuning.levelBonus * 0.5;
    }
    return adjusted;
  }

  /** The levels a question is about, for the level bonus: named, set against the others, or described. */
  private levelsAsked(text: string, shape: QuestionShape): readonly PracticeLevel[] {
    // "how is mezzo different from micro and macro" is about mezzo against the others.
    if (shape.against !== null) return [shape.against];
    if (shape.levels.length === 0) return this.levelAnswers.levelsDescribed(text, shape);
    // "how is macro different from what i do, counseling one client at a time": micro is the other side.
    const other = this.levelAnswers.otherLevelDescribed(text, shape);
    return other === null ? shape.levels : [...shape.levels, other];
  }

  /** Whether a document holds one of the question's two most informative words (or the question has none). */
  private anchored(index: number, anchors: Anchors): boolean {
    return anchors.first === null || this.retriever.docHas(index, anchors.first) || (anchors.second !== null && this.retriever.docHas(index, anchors.second));
  }

  /** Whether the only word of the question a candidate holds is one no entry's question or term's name uses. */
  private matchesOnlyAnEverydayWord(tokens: readonly QueryToken[], candidate: Candidate): boolean {
    const held = tokens.filter((t) => t.known && this.retriever.docHas(candidate.index, t.token));
    return held.length === 1 && !this.topicTokens.has((held[0] as QueryToken).token);
  }

  /** The query as the matcher sees it: for `npm run eval -- --verbose` and curious curators. */
  explain(query: string): string {
    const shape = readShape(query);
    const tokens = this.retriever
      .queryTokens(query, this.corrector)
      .map((t) => `${t.token}${t.known ? '' : t.lookalike ? '(look-alike)' : '(unknown)'}:${t.weight.toFixed(2)}`)
      .join(' ');
    return `${tokens} intent:${shape.intent ?? '-'}${shape.scenario ? ' scenario' : ''}${shape.levels.length > 0 ? ` levels:${shape.levels.join(',')}` : ''}`;
  }

  /** Suggestions as the user types: whole-prefix matches, then word matches, then fuzzy ones. */
  autocomplete(input: unknown, limit = 25): AutocompleteChoice[] {
    return this.autocompleter.suggest(input, limit);
  }
}

/** An answer as the result of asking. */
function answered(text: string, answer: NonNullable<AskResult['answer']> | LevelAnswer): AskResult {
  return { query: text, understood: text, outcome: 'answered', answer, suggestions: [], uncovered: null };
}

/** How a named thing is used in practice ("how do social workers use attachment theory"): like a definition, only an entry about it answers. */
const USES_A_CONCEPT = /\bhow (do|does|would|can|could|should) (\w+ ){0,3}(use|apply)\b|\bhow is (\w+ ){1,4}(used|applied)\b/;

/** A question about the two names of the middle level: "is meso the same as mezzo", "why say meso". */
const ABOUT_THE_NAMES = /\bmezzo\b|\b(same|differen\w*|vs|versus|name|names|word|words|called|spell\w*|say|says|term)\b/;

/**
 * "meso" is mezzo, kept as a word of its own for the entry on the two names (text.ts); a question
 * that only says "meso" for the level ("why should we care about meso") is not about the names.
 */
function withoutTheOtherName(tokens: QueryToken[], asked: string): QueryToken[] {
  if (!tokens.some((t) => t.token === 'meso') || ABOUT_THE_NAMES.test(foldText(asked))) return tokens;
  return tokens.filter((t) => t.token !== 'meso');
}

/**
 * An answer's score among one question's candidates: its own score where that question answered
 * with it (not for a scenario, whose score is a confidence), else its candidate score, else 0.
 */
function agreedScore(answer: NonNullable<AskResult['answer']>, ranked: readonly Candidate[], result: AskResult): number {
  if (result.answer?.doc.id === answer.doc.id && result.answer.scenario === null) return result.answer.score;
  return ranked.find((c) => c.doc.id === answer.doc.id)?.score ?? 0;
}

/** A confidence for people: 0..1, three decimals. */
function round(score: number): number {
  return Math.round(Math.min(1, score) * 1000) / 1000;
}
