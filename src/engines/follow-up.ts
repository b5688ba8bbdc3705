import { readShape } from './intent.ts';
import { expandWords, foldText, isStopword } from '../text.ts';

/** The same student's previous question in the same channel, as the ask command remembers it. */
export interface AskContext {
  readonly question: string;
}

const LEAD_IN = /^(and|also|ok and|okay and|so|then|what about|how about|same for|same but|now|but)\b/;
const BACK_REFERENCE =
  /\b(that level|this level|that one|this one|the same|that|it|those|them|simpler|simply|easier|more detail|elaborate|again|eli5|dumb it down|in plain english|shorter)\b/;
/** Words of a follow-up that only point back: without them, what is left is the new topic. */
const POINTERS = new Set([
  'one',
  'level',
  'levels',
  'that',
  'same',
  'simpler',
  'simply',
  'easier',
  'detail',
  'elaborate',
  'again',
  'eli5',
  'dumb',
  'plain',
  'english',
  'shorter',
  'those',
  'them',
  'social',
  'work',
  'practice',
]);
const LEVEL_WORD = /\b(micro|mezzo|meso|macro)\b/g;

/** What a bare follow-up may ask for about the previous topic: "examples?", "jobs?". */
const ASPECT_WORDS = new Set(['example', 'examples', 'job', 'jobs', 'career', 'careers', 'skill', 'skills', 'setting', 'settings', 'degree', 'degrees']);

/** A question that only makes sense after the previous one: "and mezzo?", "jobs for that level", "simpler please", "examples?". */
export function isFollowUp(question: string): boolean {
  const folded = foldText(question);
  const content = expandWords(question).filter((word) => !isStopword(word));
  if (content.length === 1 && ASPECT_WORDS.has(content[0] as string)) return true;
  return content.length <= 4 && (LEAD_IN.test(folded) || BACK_REFERENCE.test(folded));
}

/** The follow-up rewritten as a question that stands on its own, using the previous one. */
export function withContext(question: string, context: AskContext): string {
  const levels = readShape(question).levels;
  const previousLevels = readShape(context.question).levels;
  const topic = expandWords(question).filter((word) => !isStopword(word) && !POINTERS.has(word) && !/^(micro|mezzo|meso|macro)$/.test(word));
  if (topic.length === 0) {
    // "and mezzo?" asks the previous question about another level; "simpler please" asks it again.
    if (levels.length === 0) return context.question;
    if (previousLevels.length === 0) return `${context.question} ${levels.join(' ')}`;
    let next = 0;
    return foldText(context.question).replace(LEVEL_WORD, () => levels[Math.min(next++, levels.length - 1)] as string);
  }
  // "what about jobs for that level": the new topic, at the previous question's level.
  return levels.length > 0 ? question : `${question} ${previousLevels.join(' ')}`;
}
