import { z } from 'zod';
import { LEVELS, PRACTICE_LEVELS } from '../domain/levels.ts';

/** Limits an instructor sees in kb:check; the embed formatter has its own hard caps. */
export const MAX_ANSWER_CHARS = 1000;
export const MAX_DEFINITION_CHARS = 600;
export const MAX_EXAMPLE_CHARS = 400;
export const MAX_QUIZ_QUESTION_CHARS = 300;
export const MAX_EXPLANATION_CHARS = 400;

export const DIFFICULTIES = ['easy', 'medium', 'hard'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

/**
 * The kind of question a Q&A entry answers, so ranking can match the shape of a question
 * ("what is…", "how do … differ", "which jobs…") without guessing it from the wording.
 */
export const INTENTS = [
  'definition',
  'comparison',
  'examples',
  'jobs',
  'settings',
  'skills',
  'degree',
  'importance',
  'classification',
  'explanation',
] as const;
export type Intent = (typeof INTENTS)[number];

/** Ids travel in button custom ids, two to a button, within Discord's 100 characters. */
export const ID_MAX_LENGTH = 45;
const id = z
  .string()
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'must be lowercase kebab-case, like "micro-definition"')
  .max(ID_MAX_LENGTH, `must be at most ${ID_MAX_LENGTH} characters (it travels in button ids)`);
const text = (max: number) => z.string().trim().min(1, 'must not be empty').max(max);
const sources = z.array(id).min(1, 'must cite at least one source id from sources.yaml');
const level = z.enum(LEVELS);
const difficulty = z.enum(DIFFICULTIES);

export const sourceSchema = z.strictObject({
  id,
  file: text(200),
  title: text(300),
});

export const qaEntrySchema = z.strictObject({
  id,
  question: text(200),
  // Optional so a quick test entry stays short; the real knowledge base gives every entry one.
  intent: z.enum(INTENTS).default('explanation'),
  alternatives: z.array(text(200)).min(1, 'needs at least one alternative phrasing').max(20),
  // The hard cap protects the embed; the friendlier 1,000-character limit is a kb:check problem.
  answer: text(3500),
  levels: z.array(level).min(1, 'needs at least one level'),
  related: z.array(id).max(5).default([]),
  sources,
});

export const glossaryTermSchema = z.strictObject({
  id,
  term: text(100),
  aliases: z.array(text(100)).default([]),
  definition: text(MAX_DEFINITION_CHARS),
  level,
  example: text(MAX_EXAMPLE_CHARS),
  sources,
});

/** Prefix of a `teaches` link that names a glossary term; without it the link names a Q&A entry. */
export const TERM_LINK_PREFIX = 'term:';

const teaches = z
  .string()
  .regex(/^(term:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a Q&A id ("mezzo-definition") or "term:" and a glossary id ("term:task-group")');

const quizBase = {
  id,
  question: text(MAX_QUIZ_QUESTION_CHARS),
  explanation: text(MAX_EXPLANATION_CHARS),
  level,
  difficulty,
  sources,
  teaches,
};

export const CHOICE_LETTERS = ['A', 'B', 'C', 'D'] as const;

export const quizItemSchema = z.discriminatedUnion('kind', [
  z
    .strictObject({
      ...quizBase,
      kind: z.literal('multiple-choice'),
      choices: z.array(text(80)).min(2, 'needs 2 to 4 choices').max(4, 'needs 2 to 4 choices'),
      answer: z.enum(CHOICE_LETTERS),
    })
    .refine((item) => CHOICE_LETTERS.indexOf(item.answer) < item.choices.length, {
      message: 'names a letter with no choice behind it',
      path: ['answer'],
    }),
  z.strictObject({ ...quizBase, kind: z.literal('true-false'), answer: z.boolean() }),
  z.strictObject({ ...quizBase, kind: z.literal('scenario-level'), answer: z.enum(PRACTICE_LEVELS) }),
]);

/** A word or phrase in a description of practice that points to a level (scenario-cues.yaml). */
export const scenarioCueSchema = z.strictObject({
  cue: text(60),
  level: z.enum(PRACTICE_LEVELS),
  weight: z.number().min(0.5).max(5),
  /** The Q&A id (or `term:<glossary id>`) a student should read next when this cue decides. */
  see: z.string().regex(/^(term:)?[a-z0-9]+(-[a-z0-9]+)*$/, 'must be a Q&A id or term:<glossary id>').optional(),
  /** Where the sources disagree about this cue's level: said in the answer instead of pretending. */
  contested: text(300).optional(),
  /** Other word forms matched too: `verb` inflects the first word (-s, -ing, -ed), `noun` pluralises the last. */
  forms: z.enum(['verb', 'noun']).optional(),
  /** A kind of place social workers work in: after "at" or "in" it says where the work happens, not who is helped. */
  setting: z.literal(true).optional(),
});

export type Source = z.infer<typeof sourceSchema>;
/** Each item remembers the file it came from, for error messages and curators. */
export type QaEntry = z.infer<typeof qaEntrySchema> & { file: string };
export type GlossaryTerm = z.infer<typeof glossaryTermSchema> & { file: string };
/** `readMore` is the command that opens what the item teaches, resolved from `teaches` at load time. */
export type QuizItem = z.infer<typeof quizItemSchema> & { file: string; readMore: string };
export type ScenarioCue = z.infer<typeof scenarioCueSchema> & { file: string };

export interface Knowledge {
  readonly sources: readonly Source[];
  readonly entries: readonly QaEntry[];
  readonly terms: readonly GlossaryTerm[];
  readonly quiz: readonly QuizItem[];
  readonly cues: readonly ScenarioCue[];
}
