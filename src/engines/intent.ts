import type { PracticeLevel } from '../domain/levels.ts';
import type { Intent } from '../knowledge/schema.ts';
import { expandWords, foldText, isStopword, RecentCache } from '../text.ts';

/** What kind of question this is, read from its shape rather than its topic. */
export interface QuestionShape {
  /** The intent an entry must declare to answer it best, or null when the shape says nothing. */
  readonly intent: Intent | null;
  /** "Which level is this?" or a plain description of practice: answered by the scenario classifier. */
  readonly scenario: boolean;
  /** Asks why or how ("why is group work mezzo", "how does work with a mother become mezzo"): wants the entry that explains. */
  readonly explains: boolean;
  /** Greetings, thanks and questions about the bot itself. */
  readonly chitChat: boolean;
  /** The practice levels the question names, in the order named. */
  readonly levels: readonly PracticeLevel[];
  /** What a comparison compares, when it says ("how do the skills differ between the levels"): skills, jobs, settings… */
  readonly compares: Intent | null;
  /** The one level a comparison sets against the other two ("how is mezzo different from micro and macro"), else null. */
  readonly against: PracticeLevel | null;
}

const LEVEL_OF_WORD: ReadonlyMap<string, PracticeLevel> = new Map([
  ['micro', 'micro'],
  ['mezzo', 'mezzo'],
  ['meso', 'mezzo'],
  ['macro', 'macro'],
]);

/** Words that, before "level", name one: "the individual level", "the group level", "the policy level". */
const LEVEL_OF_DESCRIPTION: ReadonlyMap<string, PracticeLevel> = new Map([
  ['individual', 'micro'],
  ['personal', 'micro'],
  ['group', 'mezzo'],
  ['organization', 'mezzo'],
  ['intermediate', 'mezzo'],
  ['middle', 'mezzo'],
  ['policy', 'macro'],
  ['system', 'macro'],
  ['systems', 'macro'],
  ['societal', 'macro'],
  ['governmental', 'macro'],
]);

/** The level a word names: "mezzo", or a description before "level" ("the organisational level" is mezzo). */
export function levelNamedAt(words: readonly string[], i: number): PracticeLevel | undefined {
  const word = words[i] as string;
  return LEVEL_OF_WORD.get(word) ?? (words[i + 1] === 'level' ? LEVEL_OF_DESCRIPTION.get(word) : undefined);
}

/** The levels a question's words name, in the order first named: readShape()'s `levels`, without the rest of its work. */
export function levelsNamed(words: readonly string[]): PracticeLevel[] {
  const levels: PracticeLevel[] = [];
  words.forEach((_, i) => {
    const level = levelNamedAt(words, i);
    if (level !== undefined && !levels.includes(level)) levels.push(level);
  });
  return levels;
}

/** Asking which level something belongs to. */
const LEVEL_QUESTION =
  /\b(which|what|wat|wich|witch) (social work |practice |sw )?(level|lvl|levels)\b|\b(micro|mezzo|meso|macro),? or (micro|mezzo|meso|macro)\b|\bis (that|this|it) (still |more |really )?(micro|mezzo|meso|macro)\b|\bclassify\b/;
/**
 * A description of someone doing social work: "a social worker lobbies…", "social worker running a group…",
 * "a child protective services worker checks…" (up to three words naming the worker's field first),
 * "a social worker at a union hall helps…" (and up to three saying where); not a student's own story ("ive been a caseworker for six years…").
 */
const PRACTICE_DESCRIPTION =
  /^(so |ok |okay )?(?!(i|ive|im|ill|id|we|weve|were)\b)(a |an |the |my |our |this |one )?(\w+ ){0,3}(social worker|social work|sw|caseworker|case worker|case manager|counselor|counsellor|therapist|lcsw|msw|advocate|practitioner|worker)s? ((at|in|on|for|from|with) (a |an |the |their |his |her )?(\w+ ){1,3})?(who )?(is |are )?(?!(levels|jobs|skills|roles|careers|settings|examples|programs|degrees|values|ethics|theories|methods|needs|goals|duties|students|salaries|licens\w*)\b)\w+(s|ing|ed)\b/;

/** Choosing a level for oneself ("which level should i pick"), not classifying a piece of practice. */
const CHOOSING =
  /\b(should|would|could|can|do|will) (i|we|you) (pick|choose|select|go into|get into|focus on|specialize in|specialise in|study|pursue|major in|concentrate on|start in|start with)\b|\bbest (fit )?for me\b|\b(fits|suits) (me|them|you|us|someone|somebody|a person|people)\b|\bright (one )?for (me|you)\b|\bhelp me (decide|choose|pick)\b|\b(if|whether) i (want|should|prefer)\b/;

/** Matching things up with the levels ("which level is which", "which level helps hands-on and which ones…"): a comparison, not one practice to classify. */
const MATCHING_UP =
  /\bwhich (\w+ ){0,2}(is|are|goes (with|for|to)|go (with|for|to)|belongs? (to|with)|fits?|matches) which\b|\bwhich (level|levels|one|ones) (\w+ ){1,8}(and|or) which (level|levels|one|ones)?\b/;

/** Asking for an explanation, not a level: "why…", "how come…", "how does…", "what makes…", "who decides…". */
const EXPLANATION = /^(so |ok |okay |but )?(how|why|who|explain|what makes|what determines)\b|\b(why|how come)\b/;

/** Asking how or why something is so; "explain X" alone asks for a definition. */
const ASKS_HOW_OR_WHY = /^(so |ok |okay |but )?(how|why|what makes|what determines|explain (how|why|what))\b|\b(why|how come)\b/;

const CHIT_CHAT_WORDS = new Set(
  `a an the hi hii hiii hey heya hello helo yo sup hiya howdy greetings morning evening afternoon good night gm gn
   thanks thank thx ty tysm cheers appreciate appreciated you u bot there all everyone guys so much lot
   bye goodbye cya later see ok okay k cool nice great awesome lol lmao haha hahaha wow yay oh ah
   how are r doing going whats up is it wassup hru wyd that this was help helped helps helpful super really actually
   me for can could will would please pls yo good new here first time using im i am mate bro ta brilliant much many
   hmm hm test testing goodnight welcome ya yall
   your ur yours youre yourself smart old age from where live day feel feelings joke bored friend friends hope well
   amazing lifesaver legend world love question questions have has know anything something ask quick understand creator built name
   my study studying revise revize revising revizing exam exams quiz homework
   working explain explaining explained doesnt not asked wrong answer nevermind never mind figured out
   tomorrow today tonight anyone anybody worries no yes maybe sure np at thats cleared clear got makes sense`.split(/\s+/),
);
const CHIT_CHAT_PHRASES = new RegExp(
  [
    String.raw`^(who|what) (made|built|created|programmed|wrote|designed|developed|owns|runs|are|r) (you|u|this|the bot|it)\b`,
    String.raw`^how (do|can|should|would) (i|we) (use|ask|talk to) (this|the bot|you|u|it|a question|questions)\b`,
    String.raw`^what (commands|can i ask|should i ask|do i type)\b`,
    String.raw`^((yo|hey|hi|hello|oi) )*(what|whats) (is )?(up|good|new|happening)\b`,
    String.raw`^(does|is|can|will|do) (this|the) (bot|thing)\b`,
    String.raw`^(thats|that is|this is|thats just) not what i (asked|meant|wanted|said)\b`,
    String.raw`^(what|whats|how) (is |s )?(your|ur) (purpose|name|job|day|favorite|favourite)\b`,
    String.raw`^do (you|u) (have|get) (feelings|emotions|a name|friends|a life)\b`,
    String.raw`^(are|r) (you|u) (a |an )?(bot|robot|human|real|ai|person|alive)\b`,
    String.raw`^what can (you|u) do\b`,
    String.raw`^how (do|does) (you|this bot|this) work\b`,
    String.raw`^(you are|youre|ur) (great|awesome|the best|cool|smart|helpful|dumb|useless)\b`,
    String.raw`^good (bot|job)\b`,
    // Greeting or thanking the bot by its name: "good morning levels tutor", "thanks levels tutor".
    String.raw`^((hi|hey|hello|yo|thanks|thank you|thx|ty|cheers|bye|good (morning|afternoon|evening|night)|morning|evening) )+(levels )?(tutor|bot)$`,
    String.raw`^i love (you|u|this bot)\b`,
  ].join('|'),
);

/** Two things offered as alternatives and nothing else ("bsw or msw", "case management or counselling"): compare them. */
const BARE_ALTERNATIVES =
  /^(?!(is|are|was|were|do|does|did|can|could|should|would|will|which|what|whats|how|why|when|where|who)\b)(\w+ ){0,2}\w+ or (?!(nah|not|no|nope|what|smth|something)$)(\w+ ){0,2}\w+$/;

const MAKES_A_DIFFERENCE = /\bmakes? (a |any |the )?(real |big |huge )?difference\b|\bwhat (difference|impact) (does|do|can|will) (\w+ ){1,4}make\b/;

/** A name, then "what is that": "geriatric social worker what is that job", "case mgmt whats that", "i keep hearing about advocacy, what is it". */
const NAME_THEN_WHAT_IS_IT =
  /^((i |we )?(keep |kept )?(hearing|heard|hear|reading|read|seeing|seen|saw) (about |of |the word |the term )?)?(?!(what|whats|how|why|which|who|is|are|do|does|can)\b)(\w+ ){1,4}(what is|whats|what s|wat is|wut is) (that|this|it)( (job|role|thing|term|word))?$/;

const INTENT_PATTERNS: ReadonlyArray<readonly [Intent, RegExp]> = [
  [
    'comparison',
    /\b(differen\w*|differ|differs|diff|dif|vs|versus|compare[ds]?|comparing|comparison|contrast\w*|distinguish\w*|distinct|distinction|same (thing |as)|separates|separate (\w+ ){1,4}from|similar\w*)\b|\bhow do (\w+ ){1,4}and (\w+ ){0,3}(differ|compare)\b|\btell (\w+ ){0,3}apart\b|\b(wheres|where is|draw) the line\b|\bthe line between\b/,
  ],
  // "why mezzo", "why policy work": why without a verb asks why the thing matters.
  [
    'importance',
    /^why (?!(is|are|was|were|do|does|did|would|should|can|could|will|has|have|had|not|dont|doesnt|isnt|arent)\b)|\b(important|importance|matter|matters|significan\w*|why (do|should) (we|i|students?)\b|worth|value of|benefits? of|purpose of|point of|valuable|care about|useful)\b/,
  ],
  ['skills', /\b(skills?|skillset|abilit(y|ies)|qualities|traits|competenc\w*|good at)\b/],
  [
    'degree',
    /\b(degree|degrees|bsw|msw|dsw|phd|license[ds]?|licensure|licensing|licence[ds]?|lcsw|credential\w*|certif\w*|qualification\w*|school to|study to|major|masters?|bachelors?|(go|going|went) to (uni|university|college|grad school)|(required|requirements?|needed|take) to (become|be)|requirements? (for|of) (becoming|being))\b/,
  ],
  ['jobs', /\b(jobs?|careers?|job titles?|positions?|occupations?|employment|hired?|hiring|work as|become|becoming)\b/],
  // "what kind of organisations do macro social workers work for": where they work, not what organizing is.
  [
    'settings',
    /\b(where (do|does|can|would|might|are|is)|settings?|workplaces?|work places?|places?|employers?)\b|\b(organi[sz]ations?|agenc(y|ies)|institutions?) (do|does|would|might|can|will) (\w+ ){1,4}work (for|in|at)\b/,
  ],
  ['examples', /\b(examples?|areas of|types of|eg|e g|instances?|such as|looks? like|real life|real world|for instance|ex)\b/],
];

/** What a comparison can be about: the levels' skills, jobs, settings, degrees or examples. */
const ASPECTS: ReadonlySet<Intent> = new Set(['skills', 'degree', 'jobs', 'settings', 'examples']);

/** Question scaffolding for a definition: "what is X", "define X", "meaning of X", "tell me about X". */
const DEFINITION_SHAPE =
  /^(so |ok |and |but )?((what|wat|wut) (is|are|s) (a |an |the )?|whats (a |an |the )?|define |definition of |meaning of |explain |describe |tell me about |tell me what |what do (you|u|people|ppl|they|we|profs?|professors?|teachers?|lecturers?) mean by |what is meant by |(can you |could you |pls |please )?help me (to )?understand (what )?|(what|wat|wut) the (heck|hell) (is|are) (a |an |the )?|wtf (is|are) (a |an |the )?|who are |whos |(who|what) counts? as |what does (\w+ ){1,4}(mean|stand for|refer to)\b)/;

/** Chat before a question starts: greetings, "quick q", "idk", "so". */
const LEADING_CHAT =
  /^((hey|hi|hello|yo|oi|ok|okay|so|idk|quick|q|qq|question|pls|please|btw|ngl|tbh|lol|um|umm|hmm|wait|also|anyway|sorry|bot|guys)\s+)+(?=\S)/;

/** How a question (not a description) starts. */
const QUESTION_START =
  /^((like|so|ok|okay|and|but|then|well|basically|honestly|also|lol|um|umm|hmm|anyway|sorry) )*(what|whats|how|why|when|where|who|whos|which|is|are|was|were|do|does|did|can|could|should|would|will|define|explain|tell|describe|list|name|give|compare|difference|examples? of)\b/;

/** Whether a (folded) text starts the way a question does, not a description of practice. */
export function startsAsQuestion(folded: string): boolean {
  return QUESTION_START.test(folded);
}

/** A description of practice, not a question about a level it names ("if macro social work helps people indirectly…"). */
function describesPractice(folded: string, levels: readonly PracticeLevel[]): boolean {
  return levels.length === 0 && PRACTICE_DESCRIPTION.test(folded) && !startsAsQuestion(folded);
}

const shapeCache = new RecentCache<QuestionShape>(5_000);

/** Reads a question's shape: intent, levels named, whether it is a scenario or chit-chat. Cached. */
export function readShape(question: string): QuestionShape {
  const cached = shapeCache.get(question);
  if (cached !== undefined) return cached;
  const shape = shapeOf(question);
  shapeCache.set(question, shape);
  return shape;
}

function shapeOf(question: string): QuestionShape {
  const whole = foldText(question);
  const words = expandWords(question);
  const levels = levelsNamed(words);
  const chitChat = whole !== '' && (words.every((word) => CHIT_CHAT_WORDS.has(word)) || CHIT_CHAT_PHRASES.test(whole));
  // "hey bot, quick q: is group work micro or mezzo": the question's shape starts after the greeting.
  const folded = whole.replace(LEADING_CHAT, '');
  const explains = EXPLANATION.test(folded) && !/\bclassify\b/.test(folded);
  const matchesUp = MATCHING_UP.test(folded);
  const scenario = !explains && !matchesUp && !CHOOSING.test(folded) && (LEVEL_QUESTION.test(folded) || describesPractice(folded, levels));
  const intent = chitChat ? null : matchesUp ? 'comparison' : intentOf(folded, words);
  // Only across levels ("how do the skills differ between the levels"): "bsw vs msw" compares two degrees, not degrees by level.
  const byLevel = levels.length > 0 || words.includes('level') || words.includes('levels');
  const compares =
    intent === 'comparison' && byLevel ? (INTENT_PATTERNS.find(([aspect, pattern]) => ASPECTS.has(aspect) && pattern.test(folded))?.[0] ?? null) : null;
  const against = intent === 'comparison' && levels.length === 3 ? levelAgainstTheOthers(words) : null;
  return { intent, scenario: !chitChat && scenario, explains, chitChat, levels, compares, against };
}

/** Words after which a comparison names what the first level is set against: "different from", "compared with", "vs". */
const SETS_AGAINST = new Set(['difference', 'different', 'differ', 'differs', 'compared', 'compare', 'vs', 'versus', 'unlike', 'distinct', 'apart', 'from']);

/** A level named before the comparison word with the two others after it: "how is mezzo different from micro and macro". */
function levelAgainstTheOthers(words: readonly string[]): PracticeLevel | null {
  const turn = words.findIndex((word) => SETS_AGAINST.has(word));
  if (turn < 0) return null;
  const before = levelsNamed(words.slice(0, turn));
  const rest = words.slice(turn + 1);
  // "micro vs mezzo vs macro" (each vs read as "difference") compares all three alike.
  if (rest.includes('difference') || rest.includes('vs') || rest.includes('versus')) return null;
  const after = levelsNamed(rest);
  return before.length === 1 && after.length === 2 && !after.includes(before[0] as PracticeLevel) ? (before[0] as PracticeLevel) : null;
}

function intentOf(folded: string, words: readonly string[]): Intent | null {
  // "how does macro work make a real difference" asks why it matters, not how two things differ.
  if (MAKES_A_DIFFERENCE.test(folded)) return 'importance';
  if (NAME_THEN_WHAT_IS_IT.test(folded)) return 'definition';
  if (BARE_ALTERNATIVES.test(folded)) return 'comparison';
  for (const [intent, pattern] of INTENT_PATTERNS) if (pattern.test(folded)) return intent;
  // A yes/no question about a level: "is case management micro?", "does macro include research?".
  // "can you specialise in macro" asks what a student may do, not which level something is.
  if (/^(is|are|does|do|would|can|could|should) (?!(i|you|u|we)\b)/.test(folded) && words.some((word) => LEVEL_OF_WORD.has(word))) return 'classification';
  // "explain how X works", "why is X called Y": the entry that explains, not a near one that defines.
  if (ASKS_HOW_OR_WHY.test(folded)) return 'explanation';
  const content = words.filter((word) => !isStopword(word));
  // "what is X", "define X", "X?", or a bare term: a definition when X is short.
  // "macro sw = policy stuff?? explain": asked to explain a term, with the request last.
  if (
    content.length > 0 &&
    content.length <= 4 &&
    (DEFINITION_SHAPE.test(folded) ||
      / (explain|define)( (it|that|this|pls|plz|please))?$/.test(folded) ||
      / (in a nutshell|all about)$/.test(folded) ||
      content.length === words.length)
  )
    return 'definition';
  return null;
}
