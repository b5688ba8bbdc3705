import { startsAsQuestion } from './intent.ts';
import { contentTokens, expandWords, foldText, isStopword } from '../text.ts';

/** Words (the story around a question included) from which a question counts as long, and its last clause is tried on its own. */
const LONG_QUESTION_WORDS = 16;
/**
 * Where a rambling question's clauses part: punctuation, "but", "because", "and then", and "so"
 * before "i", "we", "my", "now" or a question word ("…the same hospital so how do i know").
 */
const CLAUSE_BREAK = /[.?!,;:]+|\b(?:but|because|and then)\b|\bso (?=(?:i|we|my|now|how|what|why|which|where|who|is|are|do|does|can|could|should)\b)/i;
/** Whether a question is long: a story around its question, which the engine also answers from its last clause. */
export function isLong(text: string): boolean {
  return expandWords(text).length >= LONG_QUESTION_WORDS;
}

/** Where a sentence ends. */
const SENTENCE_END = /[.?!]/;
const MIN_QUESTION_TOKENS = 3;
/** A claim checked at the very end: "…? is that true", "…, right?", "…. am i right". */
const TRUTH_CHECK =
  /[.?!,;:]\s*(is (that|this|it) (really |actually )?(true|right|correct|accurate)|(am i|is she|is he|are they) (right|correct)|right|true|correct)\W*$/i;
/** The last sentence of a text: what follows its last sentence end. */
const LAST_SENTENCE = /[^.?!]*$/;
/** A clause that points back to the one before it: "what does that look like", "is it micro". */
const BACK_REFERENCE = /\b(that|this|it|they|them|those|these)\b/;

/** Whether any clause of the text reads as a question ("…, how are students supposed to choose"): then it is not a bare description. */
export function asksSomewhere(text: string): boolean {
  return text.split(CLAUSE_BREAK).some((clause) => startsAsQuestion(foldText(clause)));
}

/**
 * The real question of a long, rambling one: the last sentence's clauses that read as a question,
 * from the first of them to the sentence's end ("…, what level is that job, and does it still
 * count"), or null when the text is short or asks nothing. A question that points back ("why is
 * that macro") takes the known words of the clause before it.
 */
export function lastQuestion(text: string, isKnown: (word: string) => boolean): string | null {
  if (!isLong(text)) return null;
  const clauses = text.split(CLAUSE_BREAK);
  // Two content words ask enough when they point back to nothing ("can someone tell me what the three levels are").
  const asks = (clause: string): boolean => {
    const count = contentTokens(clause).length;
    const folded = foldText(clause);
    return (count >= MIN_QUESTION_TOKENS || (count === MIN_QUESTION_TOKENS - 1 && !BACK_REFERENCE.test(folded))) && startsAsQuestion(folded);
  };
  // "…someone told me macro is what sets social work apart? is that true": the claim is the question.
  const check = TRUTH_CHECK.exec(text);
  if (check !== null) {
    const claim = text.slice(0, check.index);
    const sentence = claim.slice(claim.search(LAST_SENTENCE)).trim();
    if (contentTokens(sentence).length >= MIN_QUESTION_TOKENS && foldText(sentence) !== foldText(text)) return sentence;
  }
  let at = clauses.findLastIndex(asks);
  if (at < 0) return null;
  let searchFrom = 0;
  const starts = clauses.map((clause) => (searchFrom = text.indexOf(clause, searchFrom) + clause.length) - clause.length);
  /** Whether no sentence ends between clause i - 1 and clause i. */
  const sameSentence = (i: number): boolean =>
    !SENTENCE_END.test(text.slice((starts[i - 1] as number) + (clauses[i - 1] as string).length, starts[i] as number));
  while (at > 0 && sameSentence(at) && asks(clauses[at - 1] as string)) at--;
  const clause = clauses[at] as string;
  // The question runs on to the end of its sentence: "is it realistic to switch this late, and what training would I need".
  const from = (starts[at] as number) + clause.length - clause.trimStart().length;
  const end = text.slice(from).search(SENTENCE_END);
  const sentence = end < 0 ? text.slice(from) : text.slice(from, from + end);
  // A sentence that is the whole text asks no more narrowly than the whole: then the clause alone.
  const whole = foldText(text);
  const last = foldText(sentence) === whole ? clause.trim() : sentence;
  if (foldText(last) === whole) return null;
  if (!BACK_REFERENCE.test(foldText(last))) return last;
  const before = clauses.slice(0, at).findLast((clause) => contentTokens(clause).length > 0);
  const carried = before === undefined ? [] : expandWords(before).filter((word) => !isStopword(word) && isKnown(word));
  return [last, ...carried].join(' ');
}

/** A pronoun that points back to the story ("it", "them"), not a determiner ("this course"). */
const POINTS_BACK = /\b(it|its|they|them|their)\b/;

/** A question word inside a clause ("…explain to her what social work is"): a question runs from it. */
const EMBEDDED_QUESTION = /\b(what|whats|how|why|which|who|where)\b/gi;

/**
 * The questions asked inside a long text's clauses: each from a question word to the clause's end
 * ("i want to explain to her what social work is as a profession" → "what social work is as a
 * profession"), the last clause first and, within one, the longest first. Tried when neither the
 * whole text nor its last question is answered.
 */
export function embeddedQuestions(text: string): string[] {
  if (!isLong(text)) return [];
  return text
    .split(CLAUSE_BREAK)
    .reverse()
    .flatMap((clause) =>
      [...clause.matchAll(EMBEDDED_QUESTION)]
        .map((match) => clause.slice(match.index).trim())
        // One that points back ("why does it matter to know all of them") means nothing on its own.
        .filter((question) => contentTokens(question).length >= 2 && !POINTS_BACK.test(foldText(question))),
    );
}
