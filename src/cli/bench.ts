import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import Fuse from 'fuse.js';
import { percentile, prefixesOf, timeEach } from '../bench/stats.ts';
import { QUESTION_MIX } from '../bench/questions.ts';
import { meetsTarget, renderTable, toJsonLine, type Figure } from '../bench/report.ts';
import { SinkChatInput, silentMessenger } from '../bench/sink.ts';
import { syntheticKnowledge } from '../bench/synthetic-knowledge.ts';
import { createContext } from '../bot/context.ts';
import { KnowledgeHolder } from '../bot/knowledge-holder.ts';
import { InteractionRouter } from '../bot/router.ts';
import { loadConfig } from '../config.ts';
import { AnswerEngine } from '../engines/answer-engine.ts';
import { evaluate } from '../engines/evaluate.ts';
import { LIMITS } from '../format/limits.ts';
import { createLogger } from '../logger.ts';
import { loadEvalFixtures } from './eval-fixtures.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: npm run bench -- [--json] [--quick]';
const SYNTHETIC_SIZE = 10_000;

/**
 * How many passes over the question mix each measurement makes; `--quick` only proves the bench runs.
 * Plain fuse.js takes seconds per question at 10,000 entries, so it gets every n-th question of the mix.
 */
const PLANS = {
  full: { warmupPasses: 3, askPasses: 100, autocompletePasses: 3, ask10kPasses: 20, autocomplete10kPasses: 2, baselineStride: 7, interactions: 6000 },
  quick: { warmupPasses: 1, askPasses: 2, autocompletePasses: 1, ask10kPasses: 1, autocomplete10kPasses: 1, baselineStride: 28, interactions: 300 },
} as const;

const progress = (message: string): void => void process.stderr.write(`bench: ${message}\n`);

function megabytes(bytes: number): number {
  return bytes / 2 ** 20;
}

/** An /ask reply the router produced itself is an answer (embed) or offers buttons; the error boundary's reply has neither. */
function isAskReply(sink: SinkChatInput): boolean {
  const [reply, ...more] = sink.sent;
  return reply !== undefined && more.length === 0 && ((reply.embeds?.length ?? 0) > 0 || (reply.components?.length ?? 0) > 0);
}

runCli(async () => {
  let values;
  try {
    ({ values } = parseArgs({ options: { json: { type: 'boolean', default: false }, quick: { type: 'boolean', default: false } } }));
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const plan = values.quick ? PLANS.quick : PLANS.full;
  const config = loadConfig();
  const logger = createLogger('silent');
  const prefixes = prefixesOf(QUESTION_MIX);

  // Cold, as at start-up: read, validate and index the real knowledge base. The context below loads its own.
  progress('loading the real knowledge base');
  let started = performance.now();
  new KnowledgeHolder(config.knowledgeDir, logger);
  const loadMs = performance.now() - started;

  // The bot's own wiring, with a throwaway database, no cooldown and nothing sent anywhere.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'levels-bench-'));
  const context = await createContext({ ...config, databasePath: path.join(dataDir, 'bench.sqlite'), databaseUrl: null, askCooldownSeconds: 0 }, logger, silentMessenger);
  try {
    const router = new InteractionRouter(context);
    const engine = context.knowledge.engine;
    let interactionCount = 0;
    /** One /ask through the router, timed; fails the bench if the bot did not reply as it should. */
    const askThroughRouter = async (question: string): Promise<number> => {
      interactionCount++;
      const user = { id: `user-${interactionCount % 50}`, displayName: 'bench' };
      const sink = new SinkChatInput(`interaction-${interactionCount}`, user, 'ask', { question });
      const begun = performance.now();
      await router.chatInput(sink);
      const elapsed = performance.now() - begun;
      if (!isAskReply(sink)) throw new Error(`/ask "${question}" got no proper reply: ${JSON.stringify(sink.sent)}`);
      return elapsed;
    };

    progress('warming up');
    // The first pass sees every question new (the engine's typo cache is empty): reported on its own.
    const askCold = timeEach(QUESTION_MIX, 1, (q) => engine.ask(q));
    timeEach(QUESTION_MIX, plan.warmupPasses, (q) => engine.ask(q));
    timeEach(prefixes, plan.warmupPasses, (p) => engine.autocomplete(p, LIMITS.choices));
    for (const question of QUESTION_MIX) await askThroughRouter(question);
    const rssMb = megabytes(process.memoryUsage().rss);

    progress('measuring the real knowledge base');
    const ask = timeEach(QUESTION_MIX, plan.askPasses, (q) => engine.ask(q));
    const autocomplete = timeEach(prefixes, plan.autocompletePasses, (p) => engine.autocomplete(p, LIMITS.choices));

    progress(`handling ${plan.interactions} /ask interactions`);
    const interactionTimes: number[] = [];
    started = performance.now();
    for (let i = 0; i < plan.interactions; i++) interactionTimes.push(await askThroughRouter(QUESTION_MIX[i % QUESTION_MIX.length] as string));
    const interactionsPerSecond = plan.interactions / ((performance.now() - started) / 1000);

    const report = evaluate(engine, loadEvalFixtures());
    const realKnowledge = context.knowledge.knowledge;

    progress(`building a synthetic knowledge base of ${SYNTHETIC_SIZE} entries`);
    const synthetic = syntheticKnowledge(realKnowledge, SYNTHETIC_SIZE);
    started = performance.now();
    const engine10k = new AnswerEngine(synthetic);
    const index10kMs = performance.now() - started;

    progress('measuring the 10k knowledge base');
    const ask10kCold = timeEach(QUESTION_MIX, 1, (q) => engine10k.ask(q));
    timeEach(QUESTION_MIX, plan.warmupPasses, (q) => engine10k.ask(q));
    const ask10k = timeEach(QUESTION_MIX, plan.ask10kPasses, (q) => engine10k.ask(q));
    const autocomplete10k = timeEach(prefixes, plan.autocomplete10kPasses, (p) => engine10k.autocomplete(p, LIMITS.choices));

    const baselineQuestions = QUESTION_MIX.filter((_, i) => i % plan.baselineStride === 0);
    progress(`measuring the plain fuse.js baseline on ${baselineQuestions.length} questions`);
    const fuse = new Fuse(synthetic.entries, { keys: ['question', 'alternatives'] });
    // A one-word search compiles fuse.js's hot paths without costing seconds.
    fuse.search('micro');
    const baseline10k = timeEach(baselineQuestions, 1, (q) => fuse.search(q));
    // The engine on exactly those questions, for a like-for-like speed-up.
    const ask10kSameQuestions = ask10k.filter((_, i) => (i % QUESTION_MIX.length) % plan.baselineStride === 0);

    const p50 = (samples: readonly number[]) => percentile(samples, 50);
    const p99 = (samples: readonly number[]) => percentile(samples, 99);
    const figures: Figure[] = [
      { key: 'load_ms', label: 'load real KB (read, validate, index; cold)', value: loadMs, unit: 'ms', target: { op: '<=', value: 300 } },
      { key: 'rss_mb', label: 'resident memory after load and warm-up', value: rssMb, unit: 'MB', target: { op: '<=', value: 150 } },
      { key: 'ask_p50', label: `ask, real KB, p50 (n=${ask.length})`, value: p50(ask), unit: 'ms' },
      { key: 'ask_p99', label: `ask, real KB, p99 (n=${ask.length})`, value: p99(ask), unit: 'ms', target: { op: '<=', value: 2 } },
      { key: 'ask_cold_p99', label: `ask, real KB, first sight p99 (n=${askCold.length})`, value: p99(askCold), unit: 'ms' },
      { key: 'autocomplete_p50', label: `autocomplete, real KB, p50 (n=${autocomplete.length})`, value: p50(autocomplete), unit: 'ms' },
      { key: 'autocomplete_p99', label: `autocomplete, real KB, p99 (n=${autocomplete.length})`, value: p99(autocomplete), unit: 'ms', target: { op: '<=', value: 1 } },
      { key: 'interactions_per_s', label: `/ask via router + command (n=${plan.interactions})`, value: interactionsPerSecond, unit: '/s', target: { op: '>=', value: 2000 } },
      { key: 'interaction_p99', label: `/ask via router + command, p99`, value: p99(interactionTimes), unit: 'ms' },
      { key: 'index_10k_ms', label: 'index synthetic 10k KB', value: index10kMs, unit: 'ms' },
      { key: 'ask_10k_p50', label: `ask, 10k KB, p50 (n=${ask10k.length})`, value: p50(ask10k), unit: 'ms' },
      { key: 'ask_10k_p99', label: `ask, 10k KB, p99 (n=${ask10k.length})`, value: p99(ask10k), unit: 'ms', target: { op: '<=', value: 20 } },
      { key: 'ask_10k_cold_p99', label: `ask, 10k KB, first sight p99 (n=${ask10kCold.length})`, value: p99(ask10kCold), unit: 'ms' },
      { key: 'autocomplete_10k_p50', label: `autocomplete, 10k KB, p50 (n=${autocomplete10k.length})`, value: p50(autocomplete10k), unit: 'ms' },
      { key: 'autocomplete_10k_p99', label: `autocomplete, 10k KB, p99 (n=${autocomplete10k.length})`, value: p99(autocomplete10k), unit: 'ms', target: { op: '<=', value: 10 } },
      { key: 'baseline_ask_10k_p50', label: `plain fuse.js, 10k KB, p50 (n=${baseline10k.length}, every ${plan.baselineStride}th question)`, value: p50(baseline10k), unit: 'ms' },
      { key: 'baseline_ask_10k_p99', label: `plain fuse.js, 10k KB, p99 (n=${baseline10k.length}, every ${plan.baselineStride}th question)`, value: p99(baseline10k), unit: 'ms' },
      { key: 'ask_10k_speedup', label: 'speed-up over fuse.js at 10k (p99, same questions)', value: p99(baseline10k) / p99(ask10kSameQuestions), unit: '×', target: { op: '>=', value: 3 } },
      { key: 'eval_top1_accuracy', label: 'eval top-1 accuracy (real KB)', value: report.top1Accuracy, unit: '', target: { op: '>=', value: 0.9 } },
      { key: 'eval_abstention_rate', label: 'eval abstention rate (real KB)', value: report.abstentionRate, unit: '', target: { op: '>=', value: 0.9 } },
    ];

    const { entries, terms } = realKnowledge;
    const withTargets = figures.filter((figure) => figure.target !== undefined);
    console.log(`Levels Tutor benchmark (${values.quick ? 'quick' : 'full'}): node ${process.version}, ${availableParallelism()} CPU(s)`);
    console.log(`real KB: ${entries.length} entries + ${terms.length} terms; synthetic KB: ${synthetic.entries.length} entries; question mix: ${QUESTION_MIX.length} questions, ${prefixes.length} prefixes`);
    console.log('');
    console.log(renderTable(figures));
    console.log('');
    console.log(`targets met: ${withTargets.filter((figure) => meetsTarget(figure)).length}/${withTargets.length}`);
    if (values.json) console.log(toJsonLine(figures));
    return 0;
  } finally {
    await context.storage.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
