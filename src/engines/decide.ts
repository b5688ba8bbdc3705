import type { Candidate, QueryToken, Retriever } from './retrieve.ts';
import { expandWords, foldText, isStopword, stem } from '../text.ts';

/** Global patterns (flag g), read with exec from lastIndex 0: compiled once, not per question. */
/** Kinds of detail a question can hinge on that the knowledge base only covers where an entry says so. */
export type UncoveredKind =
  'salary' | 'place' | 'university' | 'technique' | 'ethics' | 'year' | 'ranking' | 'statistics' | 'credential' | 'duration' | 'concept' | 'person';

const UNCOVERED: ReadonlyArray<readonly [UncoveredKind, RegExp]> = [
  [
    'salary',
    /\b(salary|salaries|paid|paycheck|earn|earns|earning|earnings|income|wages?|(make|makes|making|earn|much) money|how much (do|does|can|will|would|could) (\w+ ){1,5}(make|earn|get)|pay (is|like|scale|range|rate|well|good)|(average|starting|median|typical|the) pay|pay for|well paid|high paying|six figures)\b/g,
  ],
  [
    'place',
    /\b(alabama|alaska|arizona|arkansas|california|colorado|connecticut|delaware|florida|georgia|hawaii|idaho|illinois|indiana|iowa|kansas|kentucky|louisiana|maine|maryland|massachusetts|michigan|minnesota|mississippi|missouri|montana|nebraska|nevada|new hampshire|new jersey|new mexico|new york|north carolina|north dakota|ohio|oklahoma|oregon|pennsylvania|rhode island|south carolina|south dakota|tennessee|texas|utah|vermont|virginia|washington|west virginia|wisconsin|wyoming|canada|uk|england|scotland|wales|ireland|australia|india|nigeria|philippines|ontario|london|chicago|los angeles|toronto|nyc|in the us|in america|united states|usa)\b/g,
  ],
  [
    'university',
    // "do i need to go to university" asks about a degree, not about a university.
    /\b((?<!\b(go|going|went) to )(university|universities|college|colleges)|columbia|harvard|nyu|usc|ucla|berkeley|stanford|yale|rutgers|fordham|admissions?|(apply|applying|applied) (to|for) (\w+ ){0,3}(msw|bsw|dsw|programs?|school|masters?|grad)|application|gpa|gre|tuition|scholarships?|personal statement|ranked programs?|(online|part time) (bsw|msw|dsw|degrees?|programs?|masters?|bachelors?|study|studying|courses?|classes|school)|(bsw|msw|dsw|degrees?|programs?|masters?|bachelors?|study|school) (online|part time)|distance learning|cost|costs|price|fees?|expensive|cheap|afford\w*)\b/g,
  ],
  [
    'technique',
    /\b(motivational interviewing|cbt|dbt|emdr|cognitive behavioral|cognitive behavioural|solution focused|narrative therapy|play therapy|psychodynamic|mindfulness|gestalt|genogram|ecomap|eco map|trauma focused|exposure therapy|art therapy|sandtray|hypnosis|psychoanalysis)\b/g,
  ],
  [
    'ethics',
    /\b(ethics|ethical|nasw code|code of ethics|(standard|section|clause|principle) \d+( \d+)?|confidentiality|hipaa|dual relationships?|mandated reporters?|mandatory reporting|duty to warn|informed consent|boundaries)\b/g,
  ],
  ['statistics', /\b(how many (\w+ ){0,2}(social workers|sws|workers|people|students|jobs|clients)|percent|percentage|statistics?|stats)\b/g],
  ['credential', /\b(lpc|lmft|lpcc|lcpc|psyd|psychologist|psychiatrist|nurse practitioner|aswb|prescrib\w*|medications?)\b/g],
  ['duration', /\b(how long (does|do|did|will|would|is|are|can|should)( \w+){1,4} (take|last)|how long|how many (years|months|semesters|weeks|hours))\b/g],
  // A date, or when something happened: "what year was the nasw founded", "when did social work start".
  [
    'year',
    /\b(1[89]\d\d|20\d\d|(what|which) year|when (was|were|did) (\w+ ){1,12}(found|founded|start|started|create|created|establish|established|begin|began|pass|passed|invent|invented))\b/g,
  ],
  ['ranking', /\b(best|rank|ranks|top \d+|top ten|rankings?|ranked|number one|highest paying|easiest|hardest|most popular)\b/g],
];

/** What an entry must say to cover a question about when: a year. */
const YEAR = /\b(1[5-9]\d\d|20\d\d)s?\b/;

/** What an entry must say to cover a question about pay. */
const PAY_WORD = /\b(salary|salaries|pay|paid|earn\w*|wages?|income)\b/;

/** How long a degree itself takes ("how long is a bsw", "how many years is an msw"), not the time after it. */
const DEGREE_LENGTH = /\b(how long|how many (years|months|semesters))\b(?!.*\b(after|post)\b).*\b(bsw|msw|dsw|phd|degrees?|masters?|bachelors?|programs?)\b/;

/**
 * The detail a question hinges on that the best entry does not cover: a salary, a place, a
 * university, a named technique, an ethics standard, a year or a ranking. Null when covered.
 */
export function uncoveredDetail(question: string, best: Candidate | undefined, retriever: Retriever): UncoveredKind | null {
  const folded = foldText(question);
  // An entry that mentions years (of experience after the MSW) does not say how long the degree takes; only one asked that does.
  if (DEGREE_LENGTH.test(folded) && (best === undefined || !DEGREE_LENGTH.test(foldText(best.doc.question)))) return 'duration';
  for (const [kind, pattern] of UNCOVERED) {
    // Every mention counts: "code of ethics standard 1.05" is not covered by an entry that says "ethics".
    pattern.lastIndex = 0;
    for (let match = pattern.exec(folded); match !== null; match = pattern.exec(folded)) {
      const tokens = expandWords(match[0])
        .filter((word) => !isStopword(word))
        .map(stem);
      if (best === undefined || tokens.length === 0 || !tokens.every((token) => retriever.docHas(best.index, token))) return kind;
      // "when did mezzo social work start": only an entry that gives a date says when.
      if (kind === 'year' && !YEAR.test(best.doc.answer)) return kind;
      // "how many micro social workers are there": only an entry that gives a figure says how many.
      if (kind === 'statistics' && !/\d/.test(best.doc.answer)) return kind;
      // "how much do macro workers make": an entry that says "make the most of" says nothing of pay.
      if (kind === 'salary' && match[0].endsWith('make') && !PAY_WORD.test(foldText(best.doc.answer))) return kind;
    }
  }
  return null;
}

/** Two capitalised words in a row, as typed: a person's or an organisation's name ("Jane Addams"). */
const NAME = /\b([A-Z][a-z]+) ([A-Z][a-z]+)\b/g;

/**
 * A name the knowledge base has never seen ("what is Jane Addams known for"): neither word is
 * a word it knows or can correct to. The question is about someone it cannot speak of.
 */
export function namesUnknownPerson(asked: string, knows: (word: string) => boolean): boolean {
  NAME.lastIndex = 0;
  for (let match = NAME.exec(asked); match !== null; match = NAME.exec(asked)) {
    if (!knows((match[1] as string).toLowerCase()) && !knows((match[2] as string).toLowerCase())) return true;
  }
  return false;
}

/**
 * A definition asked of a concept the best entry never mentions: "what is the strengths
 * perspective" must not get the Person-in-Environment entry because both are perspectives.
 */
export function undefinedConcept(keys: readonly QueryToken[], best: Candidate | undefined, retriever: Retriever): UncoveredKind | null {
  if (best === undefined) return null;
  return keys.some((key) => !retriever.docHas(best.index, key.token)) ? 'concept' : null;
}

/** Whether a question uses social-work vocabulary, so a refusal should offer "did you mean". */
export function hasTopicWords(tokens: readonly QueryToken[], topicTokens: ReadonlySet<string>): boolean {
  return tokens.some((t) => t.known && topicTokens.has(t.token));
}
