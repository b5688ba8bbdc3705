import type { AnswerDoc, Candidate, QueryToken, Retriever } from './retrieve.ts';
import { levelNamedAt, type QuestionShape } from './intent.ts';
import type { TermNames } from './terms.ts';
import { contentTokens, expandWords, foldText, isStopword } from '../text.ts';

/** A yes/no question: it asks whether something is so, not what a term means. */
const YES_NO_QUESTION = /^(can|could|do|does|did|should|will|would|are|was|were|has|have)\b/;

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

/** Where a definition says where the term is used ("what is psychotherapy when students talk about it"): the term is before it. */
const DEFINITION_CONTEXT = /\s(when|in|within|for|as used in|according to)\s.*$/;
/**
 * Who uses the term or where it was heard, before it, and "what is it" after it: "what do people
 * mean by harm reduction", "i keep hearing about advocacy, what is it".
 */
const DEFINITION_WRAPPING =
  /^.*\bmean by\s|^.*\b(hearing|heard|hear|reading|read|seeing|seen|saw) (about|of)\s|[,\s]+(what|wat|wut) (is|s) (it|that|this)\W*$/g;

/**
 * Answers decided without ranking, or over the ranking's choice: a level's or a glossary term's
 * definition asked for as such, the cards of the terms a comparison or an examples question
 * names, and whether the best entry answers a yes/no level check itself.
 */
export class PinnedAnswers {
  constructor(
    private readonly docs: readonly AnswerDoc[],
    private readonly docById: ReadonlyMap<string, AnswerDoc>,
    private readonly termNames: TermNames,
    private readonly retriever: Retriever,
    /** The confidence an answer needs (DEFAULT_TUNING.answerThreshold). */
    private readonly answerThreshold: number,
  ) {}

  /** "what is macro", "define mezzo", "mezzo?", "tell me about micro practice": that level's definition, every time. */
  levelDefinition(text: string, shape: QuestionShape): Candidate | null {
    if (shape.levels.length !== 1 || (shape.intent !== 'definition' && shape.intent !== null)) return null;
    const words = expandWords(text);
    const rest = words.filter((word, i) => !isStopword(word) && !LEVEL_FILLER.has(word) && levelNamedAt(words, i) === undefined);
    if (rest.length > 0) return null;
    const doc = this.docById.get(`${shape.levels[0]}-definition`);
    return doc === undefined ? null : this.candidate(doc);
  }

  /**
   * The glossary terms a comparison names ("lobbying vs policy analysis"), in the order named,
   * when it names two or more besides the levels and the best entry's question is not about all of them.
   * Without a level named, only a comparison entry counts as about them: an entry on one of them
   * that mentions the other ("is needle exchange mezzo harm reduction") does not compare them.
   * A comparison entry about the first two further down ("bsw vs msw which one lets me do therapy":
   * the BSW and clinical work first, the degrees compared next) answers too: no cards then.
   */
  comparedTerms(text: string, candidates: readonly Candidate[], levelNamed: boolean): AnswerDoc[] {
    const { cards, names } = this.termNames.namedIn(text);
    if (cards.length < 2) return [];
    const holds = (candidate: Candidate, held: readonly string[][]): boolean =>
      held.every((name) => name.every((token) => this.retriever.phrasingHas(candidate.index, token)));
    const best = candidates[0];
    const about =
      (best !== undefined && holds(best, names) && (levelNamed || best.doc.intent === 'comparison')) ||
      candidates.some((candidate) => candidate.doc.intent === 'comparison' && holds(candidate, names.slice(0, 2)));
    return about ? [] : cards;
  }

  /**
   * "examples of direct services": the term's card, which gives one, unless the best entry is
   * about the term itself, not comparing it ("examples of macro social work" has its own list).
   */
  exampledTerm(text: string, best: Candidate | undefined): Candidate | null {
    const named = this.termNames.exampled(text);
    if (named === undefined) return null;
    const bestIsAbout =
      best !== undefined &&
      best.doc.kind === 'entry' &&
      best.doc.intent !== 'comparison' &&
      named.tokens.every((token) => this.retriever.phrasingHas(best.index, token));
    return bestIsAbout ? null : this.candidate(named.card);
  }

  /**
   * A glossary term's definition asked for as such, not how it works: "msw", "define oppression",
   * "define oppression in macro social work" (the level says where, the card says what), "what is
   * oppression according to the textbook" (where it is used comes after the term).
   */
  termDefined(text: string, shape: QuestionShape): Candidate | null {
    // "can social workers move between levels" asks whether, not what "moving between levels" is.
    if (shape.intent === 'explanation' || (shape.intent === null && YES_NO_QUESTION.test(foldText(text)))) return null;
    const unwrapped = text.replace(DEFINITION_WRAPPING, '');
    const named = this.termNamed(text) ?? this.termNamed(unwrapped);
    if (named !== null || shape.intent !== 'definition') return named;
    return this.termNamed(text, true) ?? this.termNamed(text.replace(DEFINITION_CONTEXT, ''), true) ?? this.termNamed(unwrapped, true);
  }

  /** A document answered as such, at full confidence. */
  candidate(doc: AnswerDoc): Candidate {
    return { doc, index: this.docs.indexOf(doc), score: 1, questionShare: 1 };
  }

  /** A question that is only a glossary term's name, with scaffolding: "msw", "define oppression", "whats case mgmt". */
  termNamed(text: string, withoutLevels = false): Candidate | null {
    const doc = this.termNames.named(text, withoutLevels);
    return doc === undefined ? null : this.candidate(doc);
  }

  /**
   * An entry that declares it answers a classification and whose phrasings hold every key word
   * ("is case management part of micro"); when a glossary term is named, its own question must
   * hold them, or the term's card answers ("is counseling micro" is not the group work entry).
   */
  answersCheck(best: Candidate | undefined, keys: readonly QueryToken[], termNamed: boolean): boolean {
    if (best === undefined || best.doc.kind !== 'entry' || best.doc.intent !== 'classification' || best.score < this.answerThreshold) return false;
    const question = termNamed ? new Set(contentTokens(best.doc.question)) : null;
    return keys.length > 0 && keys.every((key) => (question === null ? this.retriever.phrasingHas(best.index, key.token) : question.has(key.token)));
  }
}
