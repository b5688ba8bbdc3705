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
  practiceAnswer: (level: QuizLevel, itemId: string, key: string, shownAt: number) => customId('quiz', 'p', level, itemId, key, shownAt),
  practiceNext: (level: QuizLevel, lastItemId: string) => customId('quiz', 'pn', level, lastItemId),
  practiceStop: () => customId('quiz', 'ps'),
};

/** The parts after `quiz:`. */
export const quizButtonParts = z.union([
  z.tuple([z.literal('a'), z.coerce.number().int().positive(), z.coerce.number().int().min(1).max(QUIZ_LIMITS.maxQuestions), choiceKey]),
  z.tuple([z.literal('closed'), choiceKey]),
  // The last part is the card's review count when shown: one showing, one review.
  z.tuple([z.literal('p'), z.enum(QUIZ_LEVELS), knowledgeIdPart, choiceKey, z.coerce.number().int().min(0)]),
  z.tuple([z.literal('pn'), z.enum(QUIZ_LEVELS), knowledgeIdPart]),
  z.tuple([z.literal('ps')]),
]);
