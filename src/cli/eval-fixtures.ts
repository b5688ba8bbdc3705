import { readFileSync } from 'node:fs';
import { load as parseYaml } from 'js-yaml';
import { z } from 'zod';
import type { EvalFixtures } from '../engines/evaluate.ts';

export const EVAL_FIXTURES_FILE = 'tests/fixtures/eval-questions.yaml';

const fixturesSchema = z.strictObject({
  in_scope: z.array(z.strictObject({ q: z.string(), expect: z.union([z.string(), z.array(z.string()).min(1)]) })),
  off_topic: z.array(z.string()),
});

export function loadEvalFixtures(file = EVAL_FIXTURES_FILE): EvalFixtures {
  const data = fixturesSchema.parse(parseYaml(readFileSync(file, 'utf8')));
  return { inScope: data.in_scope, offTopic: data.off_topic };
}
