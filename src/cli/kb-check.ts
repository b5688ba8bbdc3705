import path from 'node:path';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { findCopiedRuns, readSourceTexts } from '../knowledge/copy-check.ts';
import { lintKnowledge } from '../knowledge/lint.ts';
import { formatProblem, readKnowledge } from '../knowledge/load.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run kb:check -- [--seeds DIR] [KNOWLEDGE_DIR]';
/** The course's source documents sit beside the repository (`../shared/seeds`); CI has none and skips the copy check. */
const DEFAULT_SEEDS_DIR = path.resolve(import.meta.dirname, '../../../shared/seeds');

/** Validates the knowledge folder; exits 1 when there is any problem. */
runCli(() => {
  let parsed;
  try {
    parsed = parseArgs({ options: { seeds: { type: 'string' } }, allowPositionals: true });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const dir = parsed.positionals[0] ?? loadConfig().knowledgeDir;
  const { knowledge, problems } = readKnowledge(dir);
  const copied = findCopiedRuns(knowledge, readSourceTexts(parsed.values.seeds ?? DEFAULT_SEEDS_DIR));
  const all = [...problems, ...lintKnowledge(knowledge), ...copied];
  for (const problem of all) console.log(`problem: ${formatProblem(problem)}`);
  console.log(`kb: ${knowledge.entries.length} entries, ${knowledge.terms.length} terms, ${knowledge.quiz.length} quiz items, ${all.length} problems`);
  return all.length === 0 ? 0 : 1;
});
