import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AnswerEngine } from '../engines/answer-engine.ts';
import { evaluate } from '../engines/evaluate.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { EVAL_FIXTURES_FILE, loadEvalFixtures } from './eval-fixtures.ts';
import { runCli } from './run-cli.ts';

/** Prints matching quality on the held-out fixtures; `--verbose` lists every miss. */
runCli(() => {
  const { values } = parseArgs({ options: { verbose: { type: 'boolean', short: 'v', default: false }, fixtures: { type: 'string' } } });
  const engine = new AnswerEngine(loadKnowledge(loadConfig().knowledgeDir));
  const fixtures = loadEvalFixtures(values.fixtures ?? EVAL_FIXTURES_FILE);
  const report = evaluate(engine, fixtures);
  if (values.verbose) {
    for (const miss of report.misses) console.log(`miss: "${miss.q}" expected ${miss.expect.join('|')}, got ${miss.got ?? 'no answer'} (${miss.score ?? '-'}) [${engine.explain(miss.q)}]`);
    for (const wrong of report.wrongAnswers) console.log(`answered off-topic: "${wrong.q}" with ${wrong.got} (${wrong.score}) [${engine.explain(wrong.q)}]`);
  }
  console.log(`in-scope questions: ${fixtures.inScope.length}, off-topic questions: ${fixtures.offTopic.length}`);
  console.log(`top-1 accuracy: ${report.top1Accuracy.toFixed(3)}`);
  console.log(`abstention rate: ${report.abstentionRate.toFixed(3)}`);
  return 0;
});
