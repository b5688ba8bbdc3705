import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AnswerEngine } from '../engines/answer-engine.ts';
import { evaluate, type EvalFigures } from '../engines/evaluate.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { EVAL_FIXTURES_FILE, loadEvalFixtures } from './eval-fixtures.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run eval -- [--split tune|report] [--verbose] [--fixtures FILE]';

function line(figures: EvalFigures): string {
  return `top-1 ${figures.top1Accuracy.toFixed(3)} (n=${figures.answerable}), refusal ${figures.abstentionRate.toFixed(3)} (n=${figures.refusable}), scenario level ${figures.scenarioLevelAccuracy.toFixed(3)} (n=${figures.scenarios})`;
}

/** Prints matching quality on the blind questions; `--split tune` to tune on, `--verbose` lists every miss. */
runCli(() => {
  let values;
  try {
    ({ values } = parseArgs({
      options: { verbose: { type: 'boolean', short: 'v', default: false }, fixtures: { type: 'string' }, split: { type: 'string' } },
    }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.split !== undefined && values.split !== 'tune' && values.split !== 'report') {
    console.error(`--split must be tune or report\n${USAGE}`);
    return 2;
  }
  const engine = new AnswerEngine(loadKnowledge(loadConfig().knowledgeDir));
  const fixtures = loadEvalFixtures(values.fixtures ?? EVAL_FIXTURES_FILE, values.split);
  const report = evaluate(engine, fixtures);
  if (values.verbose) {
    for (const miss of report.misses) {
      const expected = miss.level === null ? (miss.expect.length === 0 ? 'a refusal' : miss.expect.join('|')) : `level ${miss.level.join('|')}`;
      const got = miss.got === null ? 'no answer' : `${miss.got} [${miss.gotLevel?.join(',')}] (${miss.score})`;
      console.log(`miss (${miss.split}, ${miss.category}): "${miss.q}" expected ${expected}, got ${got} [${engine.explain(miss.q)}]`);
    }
  }
  console.log(`questions: ${fixtures.questions.length}${values.split === undefined ? '' : ` (split ${values.split})`}`);
  console.log(`top-1 accuracy: ${report.top1Accuracy.toFixed(3)}`);
  console.log(`refusal rate: ${report.abstentionRate.toFixed(3)}`);
  // The same figure under its older name, which scripts already read.
  console.log(`abstention rate: ${report.abstentionRate.toFixed(3)}`);
  console.log(`scenario level accuracy: ${report.scenarioLevelAccuracy.toFixed(3)}`);
  for (const [category, { accuracy, count }] of [...report.categories].sort(([a], [b]) => (a < b ? -1 : 1))) {
    console.log(`  ${category.padEnd(14)} ${accuracy.toFixed(3)} (n=${count})`);
  }
  for (const [split, figures] of report.splits) console.log(`split ${split}: ${line(figures)}`);
  return 0;
});
