import { z } from 'zod';
import { QUIZ_LEVELS, QUIZ_LIMITS, type QuizLevel } from '../../engines/quiz.ts';
import { customId, knowledgeIdPart } from './custom-id.ts';

/** A choice key: a letter, `true`/`false`, or a level. */
const choiceKey = z.string().max(10);

/** Button ids of /quiz: built by `format/quiz.ts`, parsed back by `commands/quiz.ts`. */
export const quizButtonId = {
  answer: (sessionId: number, round: number, key: string) => customId('quiz', 'a', sessionId, round, key),
  /** A closed round's choices, shown disabled; pressing one is never possible, so the handler only refuses it. */
  closed: (key: string) => customId('quiz', 'closed', key),
  /** `shownAt` is the card's review count; `shownTime` (seconds, base 36) times the answer. */
  practiceAnswer: (level: QuizLevel, itemId: string, key: string, shownAt: number, shownTime: number) =>
    customId('quiz', 'p', level, itemId, key, shownAt, Math.floor(shownTime / 1000).toString(36)),
  practiceNext: (level: QuizLevel, lastItemId: string) => customId('quiz', 'pn', level, lastItemId),
  practiceStop: () => customId('quiz', 'ps'),
  remindPractice: () => customId('quiz', 'rp'),
  remindOff: () => customId('quiz', 'ro'),
};

/** The parts after `quiz:`. */
export const quizButtonParts = z.union([
  z.tuple([z.literal('a'), z.coerce.number().int().positive(), z.coerce.number().int().min(1).max(QUIZ_LIMITS.maxQuestions), choiceKey]),
  z.tuple([z.literal('closed'), choiceKey]),
  // The card's review count when shown (one showing, one review), then the show time.
  z.tuple([z.literal('p'), z.enum(QUIZ_LEVELS), knowledgeIdPart, choiceKey, z.coerce.number().int().min(0)]).rest(z.string().max(10)),
  z.tuple([z.literal('pn'), z.enum(QUIZ_LEVELS), knowledgeIdPart]),
  z.tuple([z.literal('ps')]),
  // The reminder DM’s buttons (format/reminder.ts): practice now, reminders off.
  z.tuple([z.literal('rp')]),
  z.tuple([z.literal('ro')]),
]);
