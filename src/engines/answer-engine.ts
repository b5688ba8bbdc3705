import type { PracticeLevel } from '../domain/levels.ts';
import type { Knowledge } from '../knowledge/schema.ts';
import { answersWho, attributions, whoAsked, type WhoAsked } from './attribution.ts';
import { Autocompleter, type AutocompleteChoice } from './autocomplete.ts';
import { commonEnglishWords } from './common-words.ts';
import { SpellCorrector } from './correct.ts';
import { hasTopicWords, uncoveredDetail, undefinedConcept, type UncoveredKind } from './decide.ts';
import { isFollowUp, withContext, type AskContext } from './follow-up.ts';
import { levelNamedAt, readShape, type QuestionShape } from './intent.ts';
import { keyWords, rerank } from './rerank.ts';
import { Retriever, type AnswerDoc, type Candidate, type QueryToken } from './retrieve.ts';
import { levelCheckText, scenarioText, SURENESS_SCORE } from './scenario-answer.ts';
import { ScenarioClassifier, type ScenarioVerdict } from './scenario.ts';
import { contentTokens, expandWords, foldText, hasLookalikeCompanion, isStopword, readerVocabulary } from './text.ts';

export type { AnswerDoc } from './retrieve.ts';
export type { AutocompleteChoice } from './autocomplete.ts';
export type { AskContext } from './follow-up.ts';

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

/** A "which level is this?" answer: the level first, then why. */
export interface ScenarioAnswer extends ScenarioVerdict {
  /** The answer as plain text; its first sentence names the level. */
  readonly text: string;
}

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
  /** A scenario's best-matching entry adds this much weight to its level, for practices no cue names. */
  scenarioHintWeight: 2,
} as const;

const MAX_SUGGESTIONS = 3;
/** How a question (not a description) starts. */
const QUESTION_START =
  /^(what|whats|how|why|when|where|who|whos|which|is|are|was|were|do|does|did|can|could|should|would|will|define|explain|tell|describe|list|name|give|compare|difference)\b/;
/** How many of the best candidates the key-word rerank reorders. */
const RERANK_POOL = 8;
/** Words (the story around a question included) from which a question counts as long, and its last clause is tried on its own. */
const LONG_QUESTION_WORDS = 16;
/** A clause that points back to the one before it: "what does that look like", "is it micro". */
const BACK_REFERENCE = /\b(that|this|it|they|them|those|these)\b/;
/** Asking the bot for something, anywhere in the text: then it is a question, not a description of practice. */
const ASKS = /\b(could|can|would|will) (you|u)\b/;
/** The cue weight a bare description needs before it is classified as a scenario. */
const MIN_DESCRIPTION_WEIGHT = 3;
/** Question intents whose level can be read from the cues of who is helped ("jobs working with groups"). */
const LEVEL_DESCRIBING_INTENTS: ReadonlySet<string> = new Set(['jobs', 'settings', 'examples', 'skills', 'degree']);
/**
 * Words that say nothing beyond the level in "what is macro social work practice?", and those
 * that ask what a level is about ("what does micro focus on"): its definition says that.
 */
const LEVEL_FILLER = new Set([
  'social',
  'work',
  'worker',
  'workers',
  'practice',
  'level',
  'levels',
  'one',
  'focus',
  'focuses',
  'focused',
  'focusing',
  'main',
  'mainly',
  'primary',
  'primarily',
  'about',
  'concerned',
  'deal',
  'deals',
  'centered',
]);

function docsFrom(knowledge: Knowledge): AnswerDoc[] {
  const entries: AnswerDoc[] = knowledge.entries.map((entry) => ({
    id: entry.id,
    kind: 'entry',
    question: entry.question,
    answer: entry.answer.trim(),
    levels: entry.levels,
    intent: entry.intent,
    related: entry.related,
    sources: entry.sources,
    phrasings: [entry.question, ...entry.alternatives],
  }));
  const terms: AnswerDoc[] = knowledge.terms.map((term) => ({
    id: `term:${term.id}`,
    kind: 'term',
    question: cardTitle(term.term, term.aliases),
    answer: `${term.definition.trim()}\n\nExample: ${term.example.trim()}`,
    levels: [term.level],
    intent: 'definition',
    related: [],
    sources: term.sources,
    phrasings: [term.term, ...term.aliases],
  }));
  return [...entries, ...terms];
}

/** A glossary card's title is the term; an acronym also spells itself out: "BSW (Bachelor of Social Work)". */
function cardTitle(term: string, aliases: readonly string[]): string {
  const spelled = aliases.find((alias) => alias.length > term.length && /^[A-Z][a-z]/.test(alias));
  return /^[A-Z]{2,6}$/.test(term) && spelled !== undefined ? `${term} (${spelled})` : term;
}

/**
 * Answers free-text questions from the knowledge base, as a pipeline of small steps:
 * normalise (text.ts) → correct (correct.ts) → read the question's shape (intent.ts) →
 * retrieve and score (retrieve.ts) → classify a scenario (scenario.ts) → decide or refuse (decide.ts).
 */
export class AnswerEngine {
  readonly docs: readonly AnswerDoc[];
  private readonly docById = new Map<string, AnswerDoc>();
  private readonly retriever: Retriever;
  private readonly corrector: SpellCorrector;
  private readonly scenarios: ScenarioClassifier;
  /** Stems of one-word scenario cues and their level, for the rerank. */
  private readonly cueLevels: ReadonlyMap<string, PracticeLevel>;
  private readonly autocompleter: Autocompleter;
  /** The stemmed answer of each single-level jobs entry: the job titles the sources file under that level. */
  private readonly jobLists: readonly { readonly level: PracticeLevel; readonly id: string; readonly tokens: readonly string[] }[];
  /** Glossary terms by the stems of their name or an alias, filler dropped: "case management" → its card. */
  private readonly termByName = new Map<string, AnswerDoc>();
  /** Stemmed words of entry questions and term names: what counts as social-work vocabulary. */
  private readonly topicTokens = new Set<string>();
  private readonly tuning: MatchTuning;
  /** Each document's practice levels as bits (micro 1, mezzo 2, macro 4); "general" speaks to all three. */
  private readonly levelMasks: Uint8Array;
  /** The levels each document's own question names, as bits: which levels a comparison entry compares. */
  private readonly questionLevelMasks: Uint8Array;
  /** What each document's answer attributes to whom (attribution.ts), for "who said…" questions. */
  private readonly attributed: Uint8Array;

  constructor(knowledge: Knowledge, tuning: Partial<MatchTuning> = {}) {
    this.tuning = { ...DEFAULT_TUNING, ...tuning };
    this.docs = docsFrom(knowledge);
    for (const doc of this.docs) this.docById.set(doc.id, doc);
    this.levelMasks = Uint8Array.from(this.docs, (doc) => (doc.levels.includes('general') ? 7 : levelMask(doc.levels)));
    this.questionLevelMasks = Uint8Array.from(this.docs, (doc) => levelMask(readShape(doc.question).levels));
    this.attributed = attributions(this.docs);
    this.retriever = new Retriever(this.docs, this.tuning);
    const vocabulary = new Map(this.retriever.wordFrequency);
    for (const word of readerVocabulary()) if (!vocabulary.has(word)) vocabulary.set(word, 1);
    this.corrector = new SpellCorrector(vocabulary, commonEnglishWords());
    for (const doc of this.docs) for (const token of contentTokens(doc.kind === 'entry' ? doc.question : doc.phrasings.join(' '))) this.topicTokens.add(token);
    for (const doc of this.docs) {
      if (doc.kind !== 'term') continue;
      for (const name of doc.phrasings) {
        const key = nameKey(name);
        if (key !== '' && !this.termByName.has(key)) this.termByName.set(key, doc);
      }
    }
    this.jobLists = knowledge.entries.flatMap((entry) => {
      const level = entry.levels[0];
      return entry.intent === 'jobs' && entry.levels.length === 1 && level !== undefined && level !== 'general'
        ? [{ level, id: entry.id, tokens: contentTokens(entry.answer) }]
        : [];
    });
    const definitionOf = (level: PracticeLevel): string => `${level}-definition`;
    this.scenarios = new ScenarioClassifier(knowledge.cues, definitionOf);
    this.cueLevels = this.scenarios.singleWordCues();
    this.autocompleter = new Autocompleter(knowledge, (text, limit) => {
      const tokens = this.retriever.queryTokens(text, this.corrector).filter((t) => t.known);
      return tokens.length > 0 ? this.retriever.rank(tokens, limit).map((c) => c.doc.id) : [];
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
   * A long, rambling question usually asks its real question in its last clause that reads
   * as a question ("…, what degree do I actually need"): that clause is answered too, and the
   * better-scored answer wins.
   */
  private answerLong(text: string): AskResult {
    const whole = this.answer(text);
    if (expandWords(text).length < LONG_QUESTION_WORDS) return whole;
    const clauses = text.split(/[.?!,;:]+|\b(?:but|because|and then)\b|\bso (?=(?:i|we|my|now)\b)/i);
    const at = clauses.findLastIndex((clause) => clause !== undefined && contentTokens(clause).length >= 3 && QUESTION_START.test(foldText(clause)));
    const last = clauses[at];
    if (last === undefined || last.trim() === text.trim()) return whole;
    // "…lobbying lawmakers…, why is that macro": the known words of the clause "that" points back to come with it.
    const before = BACK_REFERENCE.test(foldText(last)) ? clauses.slice(0, at).findLast((clause) => contentTokens(clause).length > 0) : undefined;
    const carried = before === undefined ? [] : expandWords(before).filter((word) => !isStopword(word) && this.corrector.isKnown(word));
    const tail = this.answer([last, ...carried].join(' '));
    if (tail.answer === null || (whole.answer !== null && (whole.answer.scenario !== null || whole.answer.score >= tail.answer.score))) return whole;
    return tail;
  }

  /** Every misspelt word corrected, so the question's shape ("diffrence", "wich levle") reads right too. */
  private correctText(text: string): string {
    return expandWords(text)
      .map((word) => this.corrector.correct(word) ?? word)
      .join(' ');
  }

  private answer(asked: string): AskResult {
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
    const tokens = this.retriever.queryTokens(text, this.corrector);
    if (tokens.length === 0) return refuse('empty');

    // A level's or a glossary term's definition, asked for as such (not how it works): answered without ranking.
    const direct = this.levelDefinition(text, shape) ?? (shape.intent === 'explanation' ? null : this.termDefinition(text));
    // The question's most informative known word: an intent bonus goes only to entries about it.
    const keys = keyWords(tokens);
    const anchor = keys[0]?.token ?? null;
    const topicKeys = keys.filter((t) => this.topicTokens.has(t.token));
    const shapeMask = levelMask(shape.levels.length > 0 ? shape.levels : this.levelsDescribed(text, shape));
    const who = whoAsked(text);
    const ranked = this.retriever.rank(
      tokens,
      RERANK_POOL,
      (doc, score, index) => this.adjust(doc, score, index, shape, shapeMask, anchor, who),
      // The most adjust can add to this question's candidates: an intent bonus needs an intent, a level bonus named levels.
      (shape.intent === null ? 0 : Math.max(0, this.tuning.intentBonus)) + (shapeMask === 0 ? 0 : Math.max(0, this.tuning.levelBonus)),
    );
    const candidates = rerank(ranked, topicKeys, this.retriever, this.cueLevels, this.tuning)
      .slice(0, MAX_SUGGESTIONS + 1)
      .filter((c) => c.score >= this.tuning.suggestThreshold);
    const topical = hasTopicWords(tokens, this.topicTokens);
    const suggestions = topical ? candidates.map((c) => c.doc) : [];

    if (tokens.some((t) => t.lookalike) || hasLookalikeCompanion(expandWords(text))) return refuse('out-of-scope');
    // "is case management micro?": an entry that answers that very check, else yes or no from the glossary card's level.
    const named = shape.intent === 'classification' ? this.termDefinition(text, true) : null;
    const entryChecks = shape.intent === 'classification' && this.answersCheck(candidates[0], topicKeys, named !== null);
    const termClassified = entryChecks ? null : named;
    if (termClassified !== null && shape.levels.length > 0 && termClassified.doc.levels[0] !== 'general')
      return this.levelCheck(text, shape, termClassified.doc);
    const scenario = termClassified === null && !entryChecks ? this.scenario(text, shape, candidates[0], topicKeys.length > 0) : null;
    if (scenario !== null) return scenario;

    // "case management vs counseling": two glossary terms no ranked entry compares get their own cards.
    const compared = shape.intent === 'comparison' && direct === null ? this.comparedTerms(text, candidates[0]) : [];
    const pinned = direct ?? termClassified ?? (compared.length > 0 ? this.asCandidate(compared[0] as AnswerDoc) : null);
    const best = pinned ?? candidates[0];
    const uncovered =
      uncoveredDetail(text, best, this.retriever) ?? (pinned === null && shape.intent === 'definition' ? undefinedConcept(keys, best, this.retriever) : null);
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
    if (pinned === null && !levelCheck && (knownWeight / totalWeight < this.tuning.minCoverage || best === undefined))
      return refuse('out-of-scope', suggestions);
    if (best !== undefined && best.score >= this.tuning.answerThreshold) {
      const further = [...compared.slice(1), ...candidates.map((c) => c.doc)].filter((doc, i, all) => doc.id !== best.doc.id && all.indexOf(doc) === i);
      return {
        query: text,
        understood: text,
        outcome: 'answered',
        answer: { doc: best.doc, score: round(best.score), scenario: null },
        suggestions: further.slice(0, MAX_SUGGESTIONS),
        uncovered: null,
      };
    }
    return refuse('unsure', suggestions);
  }

  /**
   * The level a jobs, settings, examples, skills or degree question describes without naming it
   * ("jobs working with groups" is mezzo): the scenario cues, when they point one way clearly.
   */
  private levelsDescribed(text: string, shape: QuestionShape): PracticeLevel[] {
    if (shape.intent === null || !LEVEL_DESCRIBING_INTENTS.has(shape.intent)) return [];
    const verdict = this.scenarios.classify(text);
    return verdict !== null && verdict.sureness !== 'low' ? [verdict.level] : [];
  }

  /**
   * Intent and level agreement, added to the retrieval score before the top-k selection. Runs per candidate: no allocation.
   * It never adds more than intentBonus (with an intent) plus levelBonus (with levels): rank() relies on that to skip hopeless candidates.
   */
  private adjust(doc: AnswerDoc, score: number, index: number, shape: QuestionShape, shapeMask: number, anchor: string | null, who: WhoAsked | null): number {
    let adjusted = score;
    if (who !== null && !answersWho(who, this.attributed[index] as number)) adjusted -= this.tuning.intentBonus;
    if (shape.intent !== null && doc.intent === shape.intent && (anchor === null || this.retriever.docHas(index, anchor))) adjusted += this.tuning.intentBonus;
    // A glossary card answers "what is X" (and may say how it is done), not "which degree" or "why does X matter".
    if (doc.kind === 'term' && shape.intent !== null && shape.intent !== 'definition' && shape.intent !== 'explanation') adjusted -= this.tuning.intentBonus;
    if (shapeMask !== 0) {
      const docMask = this.levelMasks[index] as number;
      const shared = bitCount(docMask & shapeMask);
      adjusted += this.tuning.levelBonus * (shared / bitCount(docMask | shapeMask)) - (shared === 0 ? this.tuning.levelBonus : 0);
      // "micro vs mezzo": an entry whose question names one side, or another pair, does not compare these two.
      const compares = (this.questionLevelMasks[index] as number) || docMask;
      if (shape.intent === 'comparison' && shared >= 1 && bitCount(shapeMask) >= 2 && (compares & shapeMask) !== shapeMask) adjusted -= this.tuning.levelBonus;
    }
    return adjusted;
  }

  /** "what is macro", "define mezzo", "mezzo?", "tell me about micro practice": that level's definition, every time. */
  private levelDefinition(text: string, shape: QuestionShape): Candidate | null {
    if (shape.levels.length !== 1 || (shape.intent !== 'definition' && shape.intent !== null)) return null;
    const words = expandWords(text);
    const rest = words.filter((word, i) => !isStopword(word) && !LEVEL_FILLER.has(word) && levelNamedAt(words, i) === undefined);
    if (rest.length > 0) return null;
    const doc = this.docById.get(`${shape.levels[0]}-definition`);
    return doc === undefined ? null : this.asCandidate(doc);
  }

  /**
   * The glossary terms a comparison names ("lobbying vs policy analysis"), in the order named,
   * when it names two or more besides the levels and the best entry's question is not about all of them.
   */
  private comparedTerms(text: string, best: Candidate | undefined): AnswerDoc[] {
    const tokens = contentTokens(text).filter((token) => !NAME_FILLER.has(token));
    const named: AnswerDoc[] = [];
    const namedTokens: string[] = [];
    for (let start = 0; start < tokens.length; start++) {
      // The longest name starting here: "community organising" before "community".
      for (let end = Math.min(tokens.length, start + MAX_NAME_TOKENS); end > start; end--) {
        const name = tokens.slice(start, end);
        const doc = name.length === 1 && LEVEL_TOKENS.has(name[0] as string) ? undefined : this.termByName.get(name.join(' '));
        if (doc === undefined) continue;
        if (!named.includes(doc)) named.push(doc);
        namedTokens.push(...name);
        start = end - 1;
        break;
      }
    }
    if (named.length < 2) return [];
    return best !== undefined && namedTokens.every((token) => this.retriever.phrasingHas(best.index, token)) ? [] : named;
  }

  private asCandidate(doc: AnswerDoc): Candidate {
    return { doc, index: this.docs.indexOf(doc), score: 1, questionShare: 1 };
  }

  /** A question that is only a glossary term's name, with scaffolding: "msw", "define oppression", "whats case mgmt". */
  private termDefinition(text: string, withoutLevels = false): Candidate | null {
    const doc = this.termByName.get(nameKey(text, withoutLevels));
    return doc === undefined ? null : this.asCandidate(doc);
  }

  /** A "which level is this?" question or a plain description of practice, classified by its cues. */
  private scenario(text: string, shape: QuestionShape, best: Candidate | undefined, hasKeyWords: boolean): AskResult | null {
    if (shape.explains) return null;
    // "is bread micro": a yes/no check of nothing the knowledge base knows is not a scenario.
    const yesNo = shape.intent === 'classification' && hasKeyWords && (best === undefined || best.score < 0.6);
    // A bare description of practice ("lobbying for harm reduction laws at the state capitol"): not a question, no other intent.
    const described = shape.intent === null && !QUESTION_START.test(text) && !ASKS.test(text) && contentTokens(text).length >= 4;
    if (!shape.scenario && !yesNo && !described) return null;
    const single = best?.doc.levels.filter((level): level is PracticeLevel => level !== 'general') ?? [];
    const strong = best !== undefined && best.score >= 0.5 && ['classification', 'examples', 'jobs', 'definition'].includes(best.doc.intent);
    const hint =
      this.jobTitleLevel(text) ??
      (strong && single.length === 1 ? { level: single[0] as PracticeLevel, weight: this.tuning.scenarioHintWeight, see: best.doc.id } : undefined);
    const verdict = this.scenarios.classify(text, hint);
    if (verdict === null) return null;
    // A description with few cues is more likely a question about something else.
    if (!shape.scenario && !yesNo && verdict.scores[verdict.level] < MIN_DESCRIPTION_WEIGHT) return null;
    // An entry that answers this very classification is the best thing to read next.
    const answersIt = best !== undefined && best.score >= 0.55 && best.doc.intent === 'classification' && best.doc.levels.includes(verdict.level);
    const doc = (answersIt ? best.doc : this.docById.get(verdict.see)) ?? this.docById.get(`${verdict.level}-definition`);
    if (doc === undefined) return null;
    return {
      query: text,
      understood: text,
      outcome: 'answered',
      answer: { doc, score: SURENESS_SCORE[verdict.sureness], scenario: { ...verdict, text: scenarioText(verdict, doc) } },
      suggestions: [],
      uncovered: null,
    };
  }

  /**
   * An entry that declares it answers a classification and whose phrasings hold every key word
   * ("is case management part of micro"); when a glossary term is named, its own question must
   * hold them, or the term's card answers ("is counseling micro" is not the group work entry).
   */
  private answersCheck(best: Candidate | undefined, keys: readonly QueryToken[], termNamed: boolean): boolean {
    if (best === undefined || best.doc.kind !== 'entry' || best.doc.intent !== 'classification' || best.score < this.tuning.answerThreshold) return false;
    const question = termNamed ? new Set(contentTokens(best.doc.question)) : null;
    return keys.length > 0 && keys.every((key) => (question === null ? this.retriever.phrasingHas(best.index, key.token) : question.has(key.token)));
  }

  /** A yes/no level check of a glossary term: its card's level decides, the cues in the question say why or where sources disagree. */
  private levelCheck(text: string, shape: QuestionShape, card: AnswerDoc): AskResult {
    const level = card.levels[0] as PracticeLevel;
    const verdict = this.scenarios.classify(text, { level, weight: CARD_LEVEL_WEIGHT, see: card.id }) as ScenarioVerdict;
    const subject = /^[A-Z][a-z]/.test(card.question) ? card.question.charAt(0).toLowerCase() + card.question.slice(1) : card.question;
    return {
      query: text,
      understood: text,
      outcome: 'answered',
      answer: { doc: card, score: SURENESS_SCORE[verdict.sureness], scenario: { ...verdict, text: levelCheckText(verdict, shape.levels, subject, card) } },
      suggestions: [],
      uncovered: null,
    };
  }

  /**
   * "what level is a program evaluator", "is a caseworker micro": a question that is only a job
   * title follows the sources' job lists, when exactly one level's list names that title.
   */
  private jobTitleLevel(text: string): { level: PracticeLevel; weight: number; see: string } | undefined {
    const title = nameKey(text, true).split(' ');
    if (title[0] === '' || title.length > MAX_NAME_TOKENS) return undefined;
    const listing = this.jobLists.filter((list) => holdsRun(list.tokens, title));
    const first = listing[0];
    if (first === undefined || listing.some((list) => list.level !== first.level)) return undefined;
    return { level: first.level, weight: JOB_TITLE_WEIGHT, see: first.id };
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

/** A confidence for people: 0..1, three decimals. */
const LEVEL_BIT: Readonly<Record<string, number>> = { micro: 1, mezzo: 2, macro: 4 };

function levelMask(levels: readonly string[]): number {
  let mask = 0;
  for (const level of levels) mask |= LEVEL_BIT[level] ?? 0;
  return mask;
}

function bitCount(mask: number): number {
  return (mask & 1) + ((mask >> 1) & 1) + ((mask >> 2) & 1);
}

/** A name as the matcher reads it, without the words every term shares ("social work", "practice"). */
function nameKey(text: string, withoutLevels = false): string {
  return contentTokens(text)
    .filter((token) => !NAME_FILLER.has(token) && !(withoutLevels && LEVEL_TOKENS.has(token)))
    .join(' ');
}
const NAME_FILLER = new Set(['social', 'work', 'worker', 'practic', 'level']);
/** The most words a glossary term's name has, filler dropped. */
const MAX_NAME_TOKENS = 4;
/** The level words of a yes/no classification ("is X micro or mezzo"), dropped to find the term X. */
const LEVEL_TOKENS = new Set(contentTokens('micro mezzo macro'));

/** The level a glossary card files a term under outweighs the cues of a yes/no check ("is case management micro"). */
const CARD_LEVEL_WEIGHT = 6;
/** A job list naming the title outweighs any one cue in it ("program" alone reads mezzo). */
const JOB_TITLE_WEIGHT = 4;

/** Whether `run` occurs in `tokens` as consecutive words. */
function holdsRun(tokens: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= tokens.length; start++) if (run.every((token, i) => tokens[start + i] === token)) return true;
  return false;
}

function round(score: number): number {
  return Math.round(Math.min(1, score) * 1000) / 1000;
}
