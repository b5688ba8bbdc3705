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
    // Node's own message names the flag ("Unknown option '--x'"); its advice about "--" does not apply here.
    const flag = /'([^']+)'/.exec((error as Error).message)?.[1];
    console.error(`ask: ${flag === undefined ? 'bad arguments' : `unknown option ${flag}`}\n${USAGE}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.batch === undefined && positionals.join(' ').trim() === '') {
    console.error(`ask: no question given\n${USAGE}`);
    return 2;
  }
  const engine = new AnswerEngine(loadKnowledge(loadConfig().knowledgeDir));
  const render = (result: AskResult): string => (values.json ? JSON.stringify(toAskJson(result)) : toAskText(result));

  if (values.batch !== undefined) {
    // A trailing newline ends the last question; it does not add an empty one.
    const questions = readFileSync(values.batch, 'utf8')
      .replace(/\r?\n$/, '')
      .split(/\r?\n/);
    // Each line on its own: no context between lines, and one bad line never stops the batch.
    const lines = questions.map((q) => {
      try {
        return render(engine.ask(q));
      } catch (error) {
        console.error(`ask: could not answer ${JSON.stringify(q.slice(0, 80))}: ${(error as Error).message}`);
        return values.json ? JSON.stringify({ query: q, answer: null, suggestions: [] }) : "Sorry, I couldn't answer that one.";
      }
    });
    process.stdout.write(lines.join('\n') + '\n');
    return 0;
  }
  console.log(render(engine.ask(positionals.join(' '))));
  return 0;
});
