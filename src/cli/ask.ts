import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { AnswerEngine, type AskResult } from '../engines/answer-engine.ts';
import { toAskText } from '../format/ask-text.ts';
import { toAskJson } from '../format/ask-json.ts';
import { loadKnowledge } from '../knowledge/load.ts';
import { runCli } from './run-cli.ts';

const USAGE = `usage: npm run ask -- [--json] "question"
       npm run ask -- --json --batch FILE   (one question per line)`;

runCli(() => {
  let parsed;
  try {
    parsed = parseArgs({
      options: { json: { type: 'boolean', default: false }, batch: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
      allowPositionals: true,
    });
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || (values.batch === undefined && positionals.length === 0)) {
    console.error(USAGE);
    return values.help ? 0 : 2;
  }
  const engine = new AnswerEngine(loadKnowledge(loadConfig().knowledgeDir));
  const render = (result: AskResult): string => (values.json ? JSON.stringify(toAskJson(result)) : toAskText(result));

  if (values.batch !== undefined) {
    // A trailing newline ends the last question; it does not add an empty one.
    const questions = readFileSync(values.batch, 'utf8').replace(/\r?\n$/, '').split(/\r?\n/);
    process.stdout.write(questions.map((q) => render(engine.ask(q))).join('\n') + '\n');
    return 0;
  }
  console.log(render(engine.ask(positionals.join(' '))));
  return 0;
});
