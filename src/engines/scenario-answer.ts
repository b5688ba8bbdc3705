import type { PracticeLevel } from '../domain/levels.ts';
import type { Knowledge } from '../knowledge/schema.ts';
import type { QuestionShape } from './intent.ts';
import { asksSomewhere } from './long-question.ts';
import type { AnswerDoc, Candidate } from './retrieve.ts';
import { ScenarioClassifier, type ScenarioVerdict, type Sureness } from './scenario.ts';
import { eachOf, runToEnd, type Steps } from './steps.ts';
import { MAX_NAME_TOKENS, nameKey } from './terms.ts';
import { contentTokens, expandWords, foldText } from '../text.ts';

/** A "which level is this?" answer: the level first, then why. */
export interface ScenarioAnswer extends ScenarioVerdict {
  /** The answer as plain text; its first sentence names the level. */
  readonly text: string;
}

/** An answer that gives a level: the entry or card to read next, the confidence shown, and the level with why. */
export interface LevelAnswer {
  readonly doc: AnswerDoc;
  readonly score: number;
  readonly scenario: ScenarioAnswer;
}

/** Asking the bot for something, anywhere in the text: then it is a question, not a description of practice. */
const ASKS = /\b(could|can|would|will) (you|u)\b/;
/** A level word first. */
const STARTS_WITH_A_LEVEL = /^(micro|mezzo|meso|macro)\b/;
/** A one-word job title names a person ("caseworker", "lobbyist", "advocate"), not a thing ("group"). */
const PERSON_NOUN = /(er|or|ist|ian|ant|ent|ate)s?$/;
/** The cue weight a bare description needs before it is classified as a scenario. */
const MIN_DESCRIPTION_WEIGHT = 3;
/**
 * A description led by what the worker does ("running a grief group at the hospice", "pushing the
 * state to legalize…"): a verb's -ing form first, not one of the nouns and prepositions that end so.
 */
const LEADS_WITH_ACTION =
  /^(?!(during|nothing|something|anything|everything|morning|evening|thing|things|sibling|siblings|wedding|king|spring|string)\b)[a-z]{2,}ing\b/;
/** What such a description must name besides its verb, in cue weight: who is helped or what is changed ("a teen", "the state"). */
const MIN_OBJECT_WEIGHT = 1.5;
/** A level a jobs, settings or examples question describes needs at least this cue weight: a word that only leans says nothing. */
const MIN_DESCRIBED_WEIGHT = 1.5;
/** A comparison's described side must weigh this much to count as a second level: more than a word or two of the story. */
const MIN_OTHER_LEVEL_WEIGHT = 4;
/** The level a glossary card files a term under outweighs the cues of a yes/no check ("is case management micro"). */
const CARD_LEVEL_WEIGHT = 6;
/** A job list naming the title outweighs any one cue in it ("program" alone reads mezzo). */
const JOB_TITLE_WEIGHT = 4;
/** Question intents whose level can be read from the cues of who is helped ("jobs working with groups"). */
const LEVEL_DESCRIBING_INTENTS: ReadonlySet<string> = new Set(['jobs', 'settings', 'examples', 'skills', 'degree']);

/** The stemmed answer of a single-level jobs entry: the job titles the sources file under that level. */
interface JobList {
  readonly level: PracticeLevel;
  readonly id: string;
  readonly tokens: readonly string[];
}

function* jobListsOf(knowledge: Knowledge): Steps<JobList[]> {
  const lists: JobList[] = [];
  yield* eachOf(knowledge.entries, (entry) => {
    const level = entry.levels[0];
    if (entry.intent === 'jobs' && entry.levels.length === 1 && level !== undefined && level !== 'general') {
      lists.push({ level, id: entry.id, tokens: contentTokens(entry.answer) });
    }
  });
  return lists;
}

/**
 * Answers with a level: a "which level is this?" question or a plain description of practice,
 * classified by its cues (scenario.ts), and a yes/no level check of a glossary term.
 */
export class LevelAnswers {
  private readonly classifier: ScenarioClassifier;
  /** The stemmed answer of each single-level jobs entry: the job titles the sources file under that level. */
  private readonly jobLists: readonly JobList[];
  /** For each token, the job lists holding it (their places in jobLists): a question is checked against those only. */
  private readonly jobListsByToken = new Map<string, number[]>();

  /** LevelAnswers built in steps (steps.ts). */
  static *build(knowledge: Knowledge, docById: ReadonlyMap<string, AnswerDoc>, hintWeight: number): Steps<LevelAnswers> {
    return new LevelAnswers(knowledge, docById, hintWeight, yield* jobListsOf(knowledge));
  }

  constructor(
    knowledge: Knowledge,
    private readonly docById: ReadonlyMap<string, AnswerDoc>,
    /** A scenario's best-matching entry adds this much weight to its level, for practices no cue names. */
    private readonly hintWeight: number,
    jobLists: readonly JobList[] = runToEnd(jobListsOf(knowledge)),
  ) {
    this.classifier = new ScenarioClassifier(knowledge.cues, (level) => `${level}-definition`);
    this.jobLists = jobLists;
    jobLists.forEach((list, at) => {
      for (const token of new Set(list.tokens)) {
        const holding = this.jobListsByToken.get(token);
        if (holding === undefined) this.jobListsByToken.set(token, [at]);
        else holding.push(at);
      }
    });
  }

  /** Every word of the cue lexicon, in each form matched, for the spelling corrector to leave alone. */
  cueWords(): Set<string> {
    return this.classifier.words();
  }

  /** Stems of one-word cues and their level, for the rerank. */
  singleWordCues(): Map<string, PracticeLevel> {
    return this.classifier.singleWordCues();
  }

  /**
   * The level a jobs, settings, examples, skills or degree question describes without naming it
   * ("jobs working with groups" is mezzo): the scenario cues, when they point one way clearly.
   */
  levelsDescribed(text: string, shape: QuestionShape): PracticeLevel[] {
    if (shape.intent === null || !LEVEL_DESCRIBING_INTENTS.has(shape.intent)) return [];
    // "what kind of job would a community organizer have": a title one level's job list names says the level.
    const titled = this.jobListNaming(nameKey(text, true).split(' '));
    if (titled !== undefined) return [titled];
    const verdict = this.classifier.classify(text);
    return verdict !== null && verdict.sureness !== 'low' && verdict.scores[verdict.level] >= MIN_DESCRIBED_WEIGHT ? [verdict.level] : [];
  }

  /**
   * A comparison naming one level and describing the other ("how is mezzo work different from what I
   * do now, handing out parcels to individual families"): the level the description's cues point to
   * besides the one named, when they point there clearly; null otherwise.
   */
  otherLevelDescribed(text: string, shape: QuestionShape): PracticeLevel | null {
    if (shape.intent !== 'comparison' || shape.levels.length !== 1) return null;
    const named = shape.levels[0] as PracticeLevel;
    const verdict = this.classifier.classify(text);
    if (verdict === null) return null;
    const others = (['micro', 'mezzo', 'macro'] as const).filter((level) => level !== named);
    const [first, second] = [...others].sort((a, b) => verdict.scores[b] - verdict.scores[a]) as [PracticeLevel, PracticeLevel];
    return verdict.scores[first] >= MIN_OTHER_LEVEL_WEIGHT && verdict.scores[first] > verdict.scores[second] ? first : null;
  }

  /**
   * A "which level is this?" question or a plain description of practice, classified by its cues; null when it is neither.
   * `asked` is the text as typed, punctuation and all, where a clause that asks something shows.
   */
  scenario(
    text: string,
    shape: QuestionShape,
    candidates: readonly Candidate[],
    hasKeyWords: boolean,
    asked = text,
    /** The glossary card the question is only the name of ("what does a substance abuse counselor do, which level"), if any. */
    card?: AnswerDoc,
  ): LevelAnswer | null {
    if (shape.explains) return null;
    const best = candidates[0];
    // "is bread micro": a yes/no check of nothing the knowledge base knows is not a scenario.
    const yesNo = shape.intent === 'classification' && hasKeyWords && (best === undefined || best.score < 0.6);
    // A bare description of practice ("lobbying for harm reduction laws at the state capitol"): not a question, no other intent.
    const bare = shape.intent === null && !asksSomewhere(asked) && !ASKS.test(text);
    // A text that starts with two levels ("micro mezzo macro levels connected") is about the levels, not a practice to classify.
    const described = bare && contentTokens(text).length >= 4 && !(shape.levels.length >= 2 && STARTS_WITH_A_LEVEL.test(foldText(text)));
    // "giving a teen advice about alcohol": an action and whom it is for is practice, even with one cue.
    const action = bare && shape.levels.length === 0 && LEADS_WITH_ACTION.test(foldText(text)) && contentTokens(text).length >= 3;
    if (!shape.scenario && !yesNo && !described && !action) return null;
    const single = best?.doc.levels.filter((level): level is PracticeLevel => level !== 'general') ?? [];
    // The best entry's level helps only as one of the levels asked about, if any ("is group work micro or mezzo" is not macro).
    const strong =
      best !== undefined &&
      best.score >= 0.5 &&
      ['classification', 'examples', 'jobs', 'definition'].includes(best.doc.intent) &&
      (shape.levels.length === 0 || single.every((level) => shape.levels.includes(level)));
    const hint =
      this.jobTitleLevel(text) ??
      (strong && single.length === 1 ? { level: single[0] as PracticeLevel, weight: this.hintWeight, see: best.doc.id } : undefined);
    const verdict = this.classifier.classify(text, hint);
    if (verdict === null) return null;
    // A description with few cues is more likely a question about something else.
    if (!shape.scenario && !yesNo && verdict.scores[verdict.level] < MIN_DESCRIPTION_WEIGHT && !(action && this.namesObject(text, verdict.level))) return null;
    // An entry that answers this very classification is the best thing to read next: the first candidate, or the
    // second when it scores no lower ("some of our work is micro and some mezzo, same hospital": the entry on work in one hospital).
    const answersIt = candidates
      .slice(0, 2)
      .find((c) => c.score >= Math.max(0.55, best?.score ?? 0) && c.doc.intent === 'classification' && c.doc.levels.includes(verdict.level));
    const namedCard = card !== undefined && card.levels.includes(verdict.level) ? card : undefined;
    // Where the sources disagree, the entry on that disagreement comes first ("family counseling micro or mezzo").
    const disputed = verdict.contested !== null ? this.docById.get(verdict.see) : undefined;
    const doc = disputed ?? answersIt?.doc ?? namedCard ?? this.docById.get(verdict.see) ?? this.docById.get(`${verdict.level}-definition`);
    if (doc === undefined) return null;
    return { doc, score: SURENESS_SCORE[verdict.sureness], scenario: { ...verdict, text: scenarioText(verdict, doc) } };
  }

  /** A yes/no level check of a glossary term: its card's level decides, the cues in the question say why or where sources disagree. */
  levelCheck(text: string, asked: readonly PracticeLevel[], card: AnswerDoc): LevelAnswer {
    const level = card.levels[0] as PracticeLevel;
    const verdict = this.classifier.classify(text, { level, weight: CARD_LEVEL_WEIGHT, see: card.id }) as ScenarioVerdict;
    const subject = /^[A-Z][a-z]/.test(card.question) ? card.question.charAt(0).toLowerCase() + card.question.slice(1) : card.question;
    return { doc: card, score: SURENESS_SCORE[verdict.sureness], scenario: { ...verdict, text: levelCheckText(verdict, asked, subject, card) } };
  }

  /** Whether the words after a description's leading verb hold cues of `level` ("studying for the exam" names nothing). */
  private namesObject(text: string, level: PracticeLevel): boolean {
    const object = this.classifier.classify(expandWords(text).slice(1).join(' '));
    return object !== null && object.scores[level] >= MIN_OBJECT_WEIGHT;
  }

  /** The level whose job list, alone, names two words of the text in a row ("community organizer"). */
  private jobListNaming(tokens: readonly string[]): PracticeLevel | undefined {
    let named: PracticeLevel | undefined;
    for (let i = 0; i + 1 < tokens.length; i++) {
      const pair = tokens.slice(i, i + 2);
      const listing = this.listsHolding(pair);
      for (const list of listing) {
        if (named !== undefined && named !== list.level) return undefined;
        named = list.level;
      }
    }
    return named;
  }

  /** The job lists holding `run` (tokens in a row), in their order: of those holding its rarest token only, not all of them. */
  private listsHolding(run: readonly string[]): JobList[] {
    let fewest: readonly number[] | undefined;
    for (const token of run) {
      const holding = this.jobListsByToken.get(token) ?? [];
      if (fewest === undefined || holding.length < fewest.length) fewest = holding;
    }
    if (fewest === undefined) return [...this.jobLists];
    return fewest.map((at) => this.jobLists[at] as JobList).filter((list) => holdsRun(list.tokens, run));
  }

  /**
   * "what level is a program evaluator", "is a caseworker micro": a question that is only a job
   * title follows the sources' job lists, when exactly one level's list names that title.
   */
  private jobTitleLevel(text: string): { level: PracticeLevel; weight: number; see: string } | undefined {
    const title = nameKey(text, true).split(' ');
    if (title[0] === '' || title.length > MAX_NAME_TOKENS || (title.length === 1 && !PERSON_NOUN.test(title[0] as string))) return undefined;
    const listing = this.listsHolding(title);
    const first = listing[0];
    if (first === undefined || listing.some((list) => list.level !== first.level)) return undefined;
    return { level: first.level, weight: JOB_TITLE_WEIGHT, see: first.id };
  }
}

/** Whether `run` occurs in `tokens` as consecutive words. */
function holdsRun(tokens: readonly string[], run: readonly string[]): boolean {
  for (let start = 0; start + run.length <= tokens.length; start++) if (run.every((token, i) => tokens[start + i] === token)) return true;
  return false;
}

/** The confidence an answer from the classifier shows, by how sure the verdict is. */
export const SURENESS_SCORE: Readonly<Record<Sureness, number>> = { high: 0.9, medium: 0.7, low: 0.5 };

const SURENESS_WORDS: Readonly<Record<Sureness, string>> = {
  high: "I'm fairly sure",
  medium: "I'm reasonably sure, but it could be read another way",
  low: "I'm not very sure: the description fits more than one level",
};

/** "Which level is this?": the level in the first sentence, then the cues, how sure, where sources disagree, what to read. */
export function scenarioText(verdict: ScenarioVerdict, next: AnswerDoc): string {
  const noCue = `The closest entry I have is about ${verdict.level} practice.`;
  return [`This sounds like ${verdict.level} social work practice.`, ...reasons(verdict, next, noCue)].join(' ');
}

/**
 * "is case management micro?": yes or no, and the level, in the first sentence, from what the
 * knowledge base files the thing under; then the same reasons as a scenario.
 */
export function levelCheckText(verdict: ScenarioVerdict, asked: readonly PracticeLevel[], subject: string, next: AnswerDoc): string {
  const { level } = verdict;
  const is = `${subject} is ${level} social work practice`;
  const opening =
    asked.length === 0
      ? `${capitalised(is)}.`
      : asked.length === 1
        ? asked[0] === level
          ? `Yes: ${is}.`
          : `No: ${is}, not ${asked[0] as string}.`
        : asked.includes(level)
          ? `${capitalised(level)}: ${is}.`
          : `Neither: ${is}.`;
  return [opening, ...reasons(verdict, next, `The glossary files it under ${level}.`)].join(' ');
}

function reasons(verdict: ScenarioVerdict, next: AnswerDoc, noCue: string): string[] {
  const pointing = verdict.cues
    .filter((c) => c.level === verdict.level)
    .slice(0, 4)
    .map((c) => `“${c.cue}”`);
  const against = verdict.cues
    .filter((c) => c.level !== verdict.level)
    .slice(0, 2)
    .map((c) => `“${c.cue}” (${c.level})`);
  const lines = [pointing.length > 0 ? `What points there: ${pointing.join(', ')}.` : noCue];
  if (against.length > 0) lines.push(`Pulling the other way: ${against.join(', ')}.`);
  lines.push(`${SURENESS_WORDS[verdict.sureness]}.`);
  if (verdict.contested !== null) lines.push(`The sources disagree here: ${verdict.contested}`);
  lines.push(`Read next: ${next.question}`);
  return lines;
}

function capitalised(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
