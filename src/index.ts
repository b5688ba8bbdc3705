import { createInterface } from 'node:readline';
import { runCli } from './cli/run-cli.ts';
import { loadConfig } from './config.ts';
import { runDiscordBot, runShardedBot } from './discord/run.ts';
import { AnswerEngine } from './engines/answer-engine.ts';
import { toAskText } from './format/ask-text.ts';
import { loadKnowledge } from './knowledge/load.ts';
import { createLogger } from './logger.ts';

/** `npm start`: the Discord bot when DISCORD_TOKEN is set, otherwise an offline ask prompt. */
runCli(async () => {
  const config = loadConfig();
  if (config.discord !== null) {
    const logger = createLogger(config.logLevel, [config.discord.token]);
    await (config.shardCount > 1 ? runShardedBot(config, logger) : runDiscordBot(config, logger));
    return 0;
  }
  const engine = new AnswerEngine(loadKnowledge(config.knowledgeDir));
  const prompt = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  console.log('Levels Tutor (offline: no DISCORD_TOKEN set). Ask about micro, mezzo and macro social work; /quit to leave.');
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
