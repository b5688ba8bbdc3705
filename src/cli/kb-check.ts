import { loadConfig } from '../config.ts';
import { lintKnowledge } from '../knowledge/lint.ts';
import { formatProblem, readKnowledge } from '../knowledge/load.ts';
import { runCli } from './run-cli.ts';

/** Validates the knowledge folder; exits 1 when there is any problem. */
runCli(() => {
  const dir = process.argv[2] ?? loadConfig().knowledgeDir;
  const { knowledge, problems } = readKnowledge(dir);
  const all = [...problems, ...lintKnowledge(knowledge)];
  for (const problem of all) console.log(`problem: ${formatProblem(problem)}`);
  console.log(`kb: ${knowledge.entries.length} entries, ${knowledge.terms.length} terms, ${knowledge.quiz.length} quiz items, ${all.length} problems`);
  return all.length === 0 ? 0 : 1;
});
