import { readFileSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import type { EvalFixtures, EvalSplit } from '../engines/evaluate.ts';
import { PRACTICE_LEVELS } from '../domain/levels.ts';

export const EVAL_FIXTURES_FILE = 'tests/fixtures/eval-questions.yaml';

const fixturesSchema = z.strictObject({
  questions: z.array(
    z.strictObject({
      q: z.string(),
      category: z.string().min(1),
      expect: z.array(z.string()),
      level: z.array(z.enum(PRACTICE_LEVELS)).min(1).optional(),
      split: z.enum(['tune', 'report']),
    }),
  ),
});

/** The blind evaluation questions, optionally only one split. */
export function loadEvalFixtures(file = EVAL_FIXTURES_FILE, split?: EvalSplit): EvalFixtures {
  const { questions } = fixturesSchema.parse(parseYaml(readFileSync(file, 'utf8')));
  return { questions: split === undefined ? questions : questions.filter((q) => q.split === split) };
}
