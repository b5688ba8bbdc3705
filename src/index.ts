import { createInterface } from 'node:readline';
import { runCli } from './cli/run-cli.ts';
import { loadConfig } from './config.ts';
import { AnswerEngine } from './engines/answer-engine.ts';
import { toAskText } from './format/ask-text.ts';
import { loadKnowledge } from './knowledge/load.ts';

/** Interactive ask prompt: type a question, get the answer the bot would give. */
runCli(async () => {
  const engine = new AnswerEngine(loadKnowledge(loadConfig().knowledgeDir));
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  console.log('Levels Tutor: ask about micro, mezzo and macro social work. Type /quit to leave.');
  prompt.setPrompt('ask> ');
  prompt.prompt();
  for await (const line of prompt) {
    const question = line.trim();
    if (question === '/quit') break;
    if (question !== '') console.log(`\n${toAskText(engine.ask(question))}\n`);
    prompt.prompt();
  }
  prompt.close();
  return 0;
});
