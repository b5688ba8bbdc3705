import { stemmer } from 'stemmer';

/** Longer input is cut before any work: no real question needs more. */
export const MAX_QUERY_CHARS = 400;

/**
 * Shorthand students type, expanded before matching. Keys are already lowercased words.
 * A Map, not an object: "constructor" or "__proto__" in a question are ordinary words.
 */
const EXPANSIONS: ReadonlyMap<string, string> = new Map(
  Object.entries({
    sw: 'social work',
    sws: 'social workers',
    socialwork: 'social work',
    // "meso" is mezzo, but is kept too: a question about the two names should find that entry.
    meso: 'mezzo meso',
    mezo: 'mezzo',
    messo: 'mezzo',
    mezzolevel: 'mezzo level',
    diff: 'difference',
    diffs: 'differences',
    dif: 'difference',
    vs: 'difference',
    versus: 'difference',
    compare: 'difference',
    compared: 'difference',
    compares: 'difference',
    comparing: 'difference',
    comparison: 'difference',
    pie: 'person environment',
    org: 'organization',
    orgs: 'organizations',
    govt: 'government',
    gov: 'government',
    edu: 'education',
    ppl: 'people',
    admin: 'administration',
    grp: 'group',
    grps: 'groups',
    svcs: 'services',
    lic: 'license',
    licence: 'license',
    licences: 'licenses',
    licenced: 'licensed',
    centre: 'center',
    centres: 'centers',
    programme: 'program',
    programmes: 'programs',
    practise: 'practice',
    practising: 'practicing',
    socail: 'social',
    scoial: 'social',
    wrok: 'work',
    pratice: 'practice',
    practive: 'practice',
    macr: 'macro',
    micor: 'micro',
    mirco: 'micro',
    mico: 'micro',
    marco: 'macro',
    maco: 'macro',
    bachelors: 'bsw',
    masters: 'msw',
    eg: 'example',
    '3': 'three',
    // Everyday words folded onto the knowledge base's own (applied to both sides, so symmetric).
    career: 'job',
    careers: 'job',
    position: 'job',
    positions: 'job',
    occupation: 'job',
    occupations: 'job',
    kid: 'child',
    kids: 'children',
    mom: 'mother',
    mum: 'mother',
    pick: 'choose',
    picking: 'choosing',
    point: 'purpose',
    micr: 'micro',
    mezz: 'mezzo',
    mac: 'macro',
    info: 'information',
    req: 'requirement',
    reqs: 'requirements',
    uni: 'university',
    psych: 'psychology',
    hosp: 'hospital',
    bw: 'between',
    comm: 'community',
    exp: 'experience',
    eachother: 'each other',
    wat: 'what',
    y: 'why',
    r: 'are',
    wht: 'what',
    wich: 'which',
    mgmt: 'management',
    mgt: 'management',
    yrs: 'years',
    yr: 'year',
    til: 'until',
    thru: 'through',
    dept: 'department',
    bcuz: 'because',
    plz: 'please',
    waht: 'what',
    hw: 'how',
    abt: 'about',
    wut: 'what',
    wats: 'what',
    wuts: 'what',
    whats: 'what',
    bc: 'because',
    cuz: 'because',
    w: 'with',
    ex: 'example',
    examples: 'example',
    jobs: 'job',
    // Porter stems "organizational" apart from "organization"; and a few everyday synonyms.
    organizational: 'organization',
    organisational: 'organization',
    approach: 'method',
    approaches: 'methods',
    techniques: 'methods',
    tactics: 'methods',
    strategies: 'methods',
    interventions: 'methods',
    tools: 'methods',
    issue: 'problem',
    issues: 'problems',
    // British spellings the suffix rules below do not reach.
    defence: 'defense',
    offence: 'offense',
    judgement: 'judgment',
    ageing: 'aging',
    paediatric: 'pediatric',
    analyse: 'analyze',
    analysed: 'analyzed',
    analyses: 'analyzes',
    enrol: 'enroll',
    colour: 'color',
  }),
);

/** Words that carry no meaning for matching: question scaffolding and chat filler. */
const STOPWORDS = new Set(
  `a an the is are was were be been being am of to in on at for from by with about as into
   and or but if then so than that this these those it its it's there their they them
   what whats what's how hows which who whom whose when do does did doing done can could
   would should will shall may might must i im me my we our us you your u ur he she his her
   please pls plz thanks thank thx hey hi hello yo ok okay so just really actually basically
   tell explain explained describe give some any kind sort like mean means meaning meant
   definition define defined know want need question questions quick quickly simple simply
   briefly short brief again also too very much many more most other else get got few several couple list phrase phrases refer refers referring context
   term terms word words called call name stand stands because with without
   lol lmao idk tbh ngl omg gonna wanna gotta kinda sorta dumb stupid sorry guys someone anyone
   ive id ill youre thats theres dont doesnt isnt arent cant wont didnt
   q qs stuff thing things anyway anyways exactly basically literally honestly
   break down breakdown side whos now wise really bother ok advance tho though
   usually typically normally generally mostly often even supposed suppose
   rn smth sth wdym fr imo btw ya yall lemme gimme official officially lately nowadays
   kinds sorts nah yeah yea yep nope bruh cuz coz teh hte adn nad taht wiht had wym said bc trash garbage messy main
   wants wanted wanting suit suits suited wtf heck hell nutshell exist exists existing bot`.split(/\s+/),
);

/**
 * Narrative about studying that long questions wrap around the real one ("for my intro class",
 * "been reading the textbook", "before my exam tomorrow"): never what a question is about.
 */
const STUDY_NARRATIVE = new Set(
  `textbook textbooks lecturer lecture lectures semester semesters
   course courses coursework exam exams midterm midterms finals quiz quizzes homework
   assignment assignments intro hours tomorrow tonight morning blanking confused
   confusing mixing remind throwing notes essay essays presentation presentations classmate classmates
   advisor cohort reflection revising revision flashcard flashcards quizlet anki notecard notecards handout handouts
   slides powerpoint ppt tutorial tutorials seminar seminars memorise memorize memorising memorizing`.split(/\s+/),
);

/**
 * Words that are study narrative only when they are someone's ("my professor said", "the
 * class"), and otherwise a topic: macro workers "become professors", mezzo workers teach "classes".
 */
const NARRATIVE_WHEN_OWNED = new Set(['prof', 'profs', 'professor', 'professors', 'teacher', 'class', 'classes']);
const OWNERS = new Set(['my', 'our', 'your', 'the', 'this']);

/** Whether the word after `before` is someone's: "my", or "my intro" (more narrative between). */
function isOwned(before: readonly string[]): boolean {
  let i = before.length - 1;
  while (i >= 0 && STUDY_NARRATIVE.has(before[i] as string)) i--;
  return OWNERS.has(before[i] as string);
}

const PRAISE_OF_EXAMPLE = new Set(['good', 'great', 'clear', 'simple', 'easy', 'concrete', 'solid']);
const EXAMPLE_WORDS = new Set(['example', 'examples', 'eg']);

/**
 * Idioms whose words name no topic, each word to drop marked with "-": "at the same time", "each
 * other", "in general", "where's the line between" (which asks for a difference), "all about".
 */
const FILLER_PHRASES: ReadonlyArray<readonly string[]> = [
  'in -general',
  'in -particular',
  'the -same -time',
  '-each -other',
  '-wheres the -line',
  '-where is the -line',
  '-where the -line',
  '-draw the -line',
  '-where do you draw the line',
  '-where do we draw the line',
  'the -line between',
  '-all about',
  // "show me some examples" asks for them, as "give me" does.
  '-help me -understand',
  '-show me',
  '-show us',
  // "how can i tell micro and mezzo apart" asks for a difference (intent.ts), not about being apart.
  'micro -apart',
  'mezzo -apart',
  'meso -apart',
  'macro -apart',
  'them -apart',
  // "why should we care about mezzo" asks why it matters, not about care.
  'we -care about',
  'i -care about',
  'you -care about',
  'anyone -care about',
  'people -care about',
].map((phrase) => phrase.split(' '));

/** Whether `words` hold `phrase` with its word `at` at position `i`. */
function holdsPhraseAt(words: readonly string[], i: number, phrase: readonly string[], at: number): boolean {
  return phrase.every((marked, k) => words[i - at + k] === (marked.startsWith('-') ? marked.slice(1) : marked));
}

/**
 * Whether the (folded) word at `i` is filler among the words around it, and the index drops it too:
 * praise of the example after it ("a good example of macro practice" asks for an example, not about
 * what good macro practice does), and the idioms of FILLER_PHRASES.
 */
export function isFillerWord(words: readonly string[], i: number): boolean {
  const word = words[i] as string;
  const next = words[i + 1];
  if (PRAISE_OF_EXAMPLE.has(word) && next !== undefined && EXAMPLE_WORDS.has(next)) return true;
  return FILLER_PHRASES.some((phrase) => phrase.some((marked, at) => marked === `-${word}` && holdsPhraseAt(words, i, phrase, at)));
}

const COMBINING_MARKS = /\p{M}+/gu;
const INVISIBLE = /[\u200B-\u200F\u2060-\u2064\uFEFF\u00AD]/g;
const NOT_WORD = /[^\p{L}\p{N}]+/gu;

/** Nothing past U+007F (a test of char codes, not a regular expression: lint forbids control characters in those). */
const isAscii = (text: string): boolean => {
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) > 0x7f) return false;
  return true;
};
const NOT_ASCII_WORD = /[^a-z0-9]+/g;

/** Lowercase, strip accents, invisible characters and punctuation; collapse spaces. */
export function foldText(input: unknown): string {
  if (typeof input !== 'string') return '';
  const text = input.slice(0, MAX_QUERY_CHARS);
  // The same result, without the Unicode work: ASCII has no accents or invisible characters, and its letters and digits are a-z, 0-9.
  if (isAscii(text)) return text.toLowerCase().replace(/['`]/g, '').replace(NOT_ASCII_WORD, ' ').trim();
  return text
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '')
    .replace(INVISIBLE, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(NOT_WORD, ' ')
    .trim();
}

/** British spellings fold into American ones so both sides of a match agree. */
export function americanize(word: string): string {
  if (word.length < 6) return word;
  return word
    .replace(/([a-z]{3})is(e|es|ed|ing|ation|ations|ational|er|ers)$/, '$1iz$2')
    .replace(/([a-z]{3})our(s|ed|al|hood|hoods|ing)?$/, '$1or$2')
    .replace(/([a-z]{4})ll(ing|ed|or|ors)$/, '$1l$2');
}

/**
 * The most recently used values of a pure function, up to about `limit`, in two generations:
 * a full one becomes the old one, and a hit there moves back. Evicting the oldest Map entry one at
 * a time instead leaves holes that V8's Map iterator walks over, which made indexing 10,000
 * entries (each text new, so each one an eviction) spend most of its time finding the oldest key.
 */
export class RecentCache<V> {
  private current = new Map<string, V>();
  private previous = new Map<string, V>();
  constructor(private readonly limit: number) {}

  get(key: string): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) this.set(key, old);
    return old;
  }

  set(key: string, value: V): void {
    if (this.current.size >= this.limit / 2) {
      this.previous = this.current;
      this.current = new Map();
    }
    this.current.set(key, value);
  }
}

const expandCache = new RecentCache<readonly string[]>(5_000);
/** Each folded word as expandWords() gives it: its expansion, or its American spelling. */
const wordCache = new RecentCache<readonly string[]>(50_000);

/** A letter typed three or more times in a row ("mezzzo", "sooo"): no English word has that, so it was held down. */
const HELD_LETTER = /(\p{L})\1{2,}/gu;

export function expandWord(word: string): readonly string[] {
  let expanded = wordCache.get(word);
  if (expanded === undefined) {
    const typed = word.replace(HELD_LETTER, '$1$1');
    const expansion = EXPANSIONS.get(typed);
    expanded = expansion === undefined ? [americanize(typed)] : expansion.split(' ');
    wordCache.set(word, expanded);
  }
  return expanded;
}

/**
 * Folded words with shorthand expanded; stopwords still present. Cached, like stems: every
 * step of the pipeline reads the question's words, and students repeat questions.
 * The array is shared: never mutate it.
 */
export function expandWords(input: unknown): readonly string[] {
  if (typeof input !== 'string') return [];
  const cached = expandCache.get(input);
  if (cached !== undefined) return cached;
  const folded = foldText(input);
  const words: string[] = [];
  if (folded !== '') {
    const split = folded.split(' ');
    for (let i = 0; i < split.length; i++) {
      const word = split[i] as string;
      if (NARRATIVE_WHEN_OWNED.has(word) && isOwned(words)) continue;
      if (isFillerWord(split, i)) continue;
      const expanded = expandWord(word);
      if (expanded.length === 1) words.push(expanded[0] as string);
      else words.push(...expanded);
    }
  }
  expandCache.set(input, words);
  return words;
}

/**
 * Words that only look like a level name: "microwave", "macroeconomics", "mezzanine",
 * and the plurals "macros"/"micros" (spreadsheet or diet macros) that social work never uses.
 */
export function isLevelLookalike(word: string): boolean {
  return /^(micro|macro|mezz|meso)[a-z]{2,}$/.test(word) || word === 'macros' || word === 'micros';
}

/** Words that turn a level word into something else: "mezzo soprano", "micro usb", "macro lens", "excel macro". */
const LOOKALIKE_COMPANIONS = new Set(
  `soprano sopranos usb sd sim lens lenses photography camera cameras economics economy economist
   nutrients calories calorie diet counting tracker keyboard keyboards excel vba spreadsheet
   spreadsheets script scripts brewery breweries dosing transactions plastics biology organisms chip
   chips controller processor processors photo photos shot shots payments loans mouse
   bikini hdmi fiber record recorded recording weight loss meal meals
   protein carbs carb grams gram eat eating bulking cutting kcal cals fitness gym workout bodybuilding recipe recipes nikon canon sony
   vim emacs vscode autohotkey ahk libreoffice`.split(/\s+/),
);

/** Whether a level word in the text stands within three words of one that makes it another thing entirely. */
export function hasLookalikeCompanion(words: readonly string[]): boolean {
  return words.some(
    (word, i) => /^(micro|mezzo|meso|macro|macros|micros)$/.test(word) && words.slice(Math.max(0, i - 3), i + 4).some((near) => LOOKALIKE_COMPANIONS.has(near)),
  );
}

/** Words the spell corrector may also correct to: scaffolding and shorthand the matcher reads but does not index. */
export function readerVocabulary(): Iterable<string> {
  return [...STOPWORDS, ...STUDY_NARRATIVE, ...EXPANSIONS.keys(), 'which', 'level', 'difference', 'definition', 'compare', 'example', 'examples'];
}

export function isStopword(word: string): boolean {
  // Single letters are initials, list markers or typos, never a topic.
  return word.length < 2 || STOPWORDS.has(word) || STUDY_NARRATIVE.has(word);
}

const stemCache = new Map<string, string>();

/**
 * Where Porter merges words social work keeps apart: it stems "organization" and "organizing"
 * both to "organ", so a question about community organizing found community organisations.
 * Keys are American spellings (British ones are folded first).
 */
const STEM_OVERRIDES: ReadonlyMap<string, string> = new Map([
  ...['organization', 'organizations', 'organizational'].map((word) => [word, 'organization'] as const),
  ...['organize', 'organizes', 'organized', 'organizing', 'organizer', 'organizers'].map((word) => [word, 'organiz'] as const),
]);

/** Porter stem, cached: the vocabulary is small and queries repeat words. */
export function stem(word: string): string {
  let stemmed = stemCache.get(word);
  if (stemmed === undefined) {
    stemmed = STEM_OVERRIDES.get(word) ?? (/^\p{N}+$/u.test(word) ? word : stemmer(word));
    if (stemCache.size < 50_000) stemCache.set(word, stemmed);
  }
  return stemmed;
}

/** The content words of a text, stemmed: what the matcher compares. */
export function contentTokens(input: unknown): string[] {
  return expandWords(input)
    .filter((word) => !isStopword(word))
    .map(stem);
}

/** Optimal-string-alignment distance (a swap of neighbours counts once), or Infinity past `max`. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return Infinity;
  let twoBack: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let value = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) value = Math.min(value, twoBack[j - 2]! + 1);
      current.push(value);
      rowMin = Math.min(rowMin, value);
    }
    if (rowMin > max) return Infinity;
    twoBack = previous;
    previous = current;
  }
  const distance = previous[b.length]!;
  return distance <= max ? distance : Infinity;
}
