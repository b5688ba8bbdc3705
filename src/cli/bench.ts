import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { askLogFloodMs } from '../bench/ask-log-flood.ts';
import { percentile, prefixesOf, timeEach } from '../bench/stats.ts';
import { QUESTION_MIX } from '../bench/questions.ts';
import { reloadBlockMaxMsInOwnProcess } from '../bench/reload.ts';
import { meetsTarget, renderTable, toJsonLine, type Figure } from '../bench/report.ts';
import { flexSearchOver, fuseOver, miniSearchOver, rivalDocs, top1Accuracy } from '../bench/rivals.ts';
import { SinkChatInput, silentMessenger } from '../bench/sink.ts';
import { timeFirstAnswer } from '../bench/start-up.ts';
import { syntheticKnowledge, syntheticQuestions } from '../bench/synthetic-knowledge.ts';
import { createContext } from '../bot/context.ts';
import { KnowledgeHolder } from '../services/knowledge-holder.ts';
import { InteractionRouter } from '../bot/router.ts';
import { loadConfig } from '../config.ts';
import { AnswerEngine } from '../engines/answer-engine.ts';
import { evaluate } from '../engines/evaluate.ts';
import { LIMITS } from '../format/limits.ts';
import { createLogger } from '../logger.ts';
import { loadEvalFixtures } from './eval-fixtures.ts';
import { runCli } from './run-cli.ts';
import { REGISTRY } from '../../commands/index.ts';

const USAGE = 'usage: npm run bench -- [--json] [--quick]';
/** Questions drawn from each synthetic base and added to the fixed mix: they name the words that tell its entries apart. */
const SYNTHETIC_QUESTIONS = 50;

/**
 * Sizes and passes of each measurement; `--quick` only proves the bench runs (smaller bases, one pass).
 * Plain fuse.js takes seconds per question at 10,000 entries, so it gets every n-th question of the mix.
 */
const PLANS = {
  full: {
    warmupPasses: 3,
    askPasses: 100,
    autocompletePasses: 3,
    ask10kPasses: 20,
    autocomplete10kPasses: 2,
    baselineStride: 7,
    interactions: 6000,
    sizes: { small: 1_000, medium: 10_000, large: 100_000 },
    ask100kPasses: 5,
    autocomplete100kStride: 3,
    rivalPasses: 2,
    baseline1kStride: 3,
    e2eInteractions: 3000,
    reloadSize: 50_000,
    startRuns: 5,
    floodQuestions: 3000,
    floodRuns: 5,
  },
  quick: {
    warmupPasses: 1,
    askPasses: 2,
    autocompletePasses: 1,
    ask10kPasses: 1,
    autocomplete10kPasses: 1,
    baselineStride: 28,
    interactions: 300,
    sizes: { small: 200, medium: 1_000, large: 2_000 },
    ask100kPasses: 1,
    autocomplete100kStride: 12,
    rivalPasses: 1,
    baseline1kStride: 12,
    e2eInteractions: 100,
    reloadSize: 1_000,
    startRuns: 1,
    floodQuestions: 100,
    floodRuns: 1,
  },
} as const;

/** Thousands as the keys name them: 1k, 10k, 100k (quick runs use smaller bases under the same keys). */
function sizeLabel(size: number): string {
  return size >= 1000 ? `${(size / 1000).toLocaleString('en-US')}k` : String(size);
}

function median(samples: readonly number[]): number {
  return percentile(samples, 50);
}

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
  const context = await createContext(
    { ...config, databasePath: path.join(dataDir, 'bench.sqlite'), databaseUrl: null, askCooldownSeconds: 0 },
    logger,
    silentMessenger,
    REGISTRY,
  );
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

    progress(`flooding the ask log with ${plan.floodQuestions} unanswered questions, on file and in memory, ${plan.floodRuns} run(s) each`);
    const floodFile: number[] = [];
    const floodMemory: number[] = [];
    for (let run = 0; run < plan.floodRuns; run++) {
      floodFile.push(await askLogFloodMs(config, path.join(dataDir, `flood-${run}.sqlite`), plan.floodQuestions, logger));
      floodMemory.push(await askLogFloodMs(config, ':memory:', plan.floodQuestions, logger));
    }

    const fixtures = loadEvalFixtures();
    const report = evaluate(engine, fixtures);
    const realKnowledge = context.knowledge.knowledge;

    progress('top-1 accuracy of each library on the eval fixtures');
    const realDocs = rivalDocs(realKnowledge);
    const top1 = {
      engine: top1Accuracy(fixtures, (q) => engine.ask(q).answer?.doc.id ?? null),
      minisearch: top1Accuracy(fixtures, miniSearchOver(realDocs)),
      flexsearch: top1Accuracy(fixtures, flexSearchOver(realDocs)),
      fuse: top1Accuracy(fixtures, fuseOver(realDocs)),
    };

    const { sizes } = plan;
    /** A synthetic base, and the fixed mix plus questions that name its own distinguishing words. */
    const syntheticBase = (size: number) => {
      progress(`building a synthetic knowledge base of ${size} entries`);
      const knowledge = syntheticKnowledge(realKnowledge, size);
      return { knowledge, questions: [...QUESTION_MIX, ...syntheticQuestions(knowledge, SYNTHETIC_QUESTIONS)] };
    };

    const small = syntheticBase(sizes.small);
    const engine1k = new AnswerEngine(small.knowledge);
    timeEach(small.questions, plan.warmupPasses, (q) => engine1k.ask(q));
    const ask1k = timeEach(small.questions, plan.ask10kPasses, (q) => engine1k.ask(q));
    const baseline1kQuestions = small.questions.filter((_, i) => i % plan.baseline1kStride === 0);
    progress(`measuring the plain fuse.js baseline at ${sizes.small} entries on ${baseline1kQuestions.length} questions`);
    const fuse1k = fuseOver(rivalDocs(small.knowledge));
    // A one-word search compiles fuse.js's hot paths without costing seconds.
    fuse1k('micro');
    const baseline1k = timeEach(baseline1kQuestions, 1, fuse1k);

    const medium = syntheticBase(sizes.medium);
    started = performance.now();
    const engine10k = new AnswerEngine(medium.knowledge);
    const index10kMs = performance.now() - started;
    progress(`measuring the ${sizes.medium}-entry knowledge base`);
    const ask10kCold = timeEach(medium.questions, 1, (q) => engine10k.ask(q));
    timeEach(medium.questions, plan.warmupPasses, (q) => engine10k.ask(q));
    const ask10k = timeEach(medium.questions, plan.ask10kPasses, (q) => engine10k.ask(q));
    const autocomplete10k = timeEach(prefixes, plan.autocomplete10kPasses, (p) => engine10k.autocomplete(p, LIMITS.choices));

    progress(`measuring MiniSearch and FlexSearch over the same ${sizes.medium} entries`);
    const mediumDocs = rivalDocs(medium.knowledge);
    const rivals10k = Object.fromEntries(
      Object.entries({ minisearch: miniSearchOver, flexsearch: flexSearchOver }).map(([name, over]) => {
        const top = over(mediumDocs);
        // A few questions compile each library's hot paths; a full pass of MiniSearch takes minutes.
        timeEach(medium.questions.slice(0, 10), 1, top);
        return [name, timeEach(medium.questions, plan.rivalPasses, top)];
      }),
    ) as Record<'minisearch' | 'flexsearch', number[]>;

    const baselineQuestions = medium.questions.filter((_, i) => i % plan.baselineStride === 0);
    progress(`measuring the plain fuse.js baseline at ${sizes.medium} entries on ${baselineQuestions.length} questions`);
    const fuse10k = fuseOver(mediumDocs);
    fuse10k('micro');
    const baseline10k = timeEach(baselineQuestions, 1, fuse10k);
    // The engine on exactly those questions, for a like-for-like speed-up.
    const ask10kSameQuestions = ask10k.filter((_, i) => (i % medium.questions.length) % plan.baselineStride === 0);

    const { ask100k, autocomplete100k, largeSize } = (() => {
      const large = syntheticBase(sizes.large);
      const engine100k = new AnswerEngine(large.knowledge);
      progress(`measuring the ${sizes.large}-entry knowledge base`);
      const largePrefixes = prefixesOf(large.questions.filter((_, i) => i % plan.autocomplete100kStride === 0));
      timeEach(large.questions, 1, (q) => engine100k.ask(q));
      timeEach(largePrefixes.slice(0, 100), 1, (p) => engine100k.autocomplete(p, LIMITS.choices));
      return {
        ask100k: timeEach(large.questions, plan.ask100kPasses, (q) => engine100k.ask(q)),
        autocomplete100k: timeEach(largePrefixes, 1, (p) => engine100k.autocomplete(p, LIMITS.choices)),
        largeSize: large.knowledge.entries.length,
      };
    })();

    progress(`handling ${plan.e2eInteractions} /ask through discord.js and the local stand-in, 16 in flight`);
    // Imported here, not above: discord.js would otherwise count in rss_mb, which the offline console never loads.
    const { e2eInteractionsPerSecond } = await import('../bench/e2e.ts');
    const e2ePerSecond = await e2eInteractionsPerSecond(QUESTION_MIX, plan.e2eInteractions, 16, dataDir, config.knowledgeDir);

    progress(`reloading the knowledge base with ${plan.reloadSize} more entries`);
    const reloadBlockMs = await reloadBlockMaxMsInOwnProcess(config.knowledgeDir, plan.reloadSize, dataDir);

    progress(`timing start-up to the first answer, ${plan.startRuns} run(s) each way`);
    const startDb = path.join(dataDir, 'start.sqlite');
    const compiledStart = ['scripts/start.js'];
    const tsxStart = ['--import', 'tsx', 'src/index.ts'];
    // Untimed: builds dist/ if it is missing or stale, and warms the file cache for both.
    await timeFirstAnswer(compiledStart, startDb);
    await timeFirstAnswer(tsxStart, startDb);
    const startCompiled: number[] = [];
    const startTsx: number[] = [];
    for (let run = 0; run < plan.startRuns; run++) {
      startCompiled.push(await timeFirstAnswer(compiledStart, startDb));
      startTsx.push(await timeFirstAnswer(tsxStart, startDb));
    }

    const p50 = (samples: readonly number[]) => percentile(samples, 50);
    const p99 = (samples: readonly number[]) => percentile(samples, 99);
    const [k1, k10, k100] = [sizes.small, sizes.medium, sizes.large].map(sizeLabel);
    const figures: Figure[] = [
      {
        key: 'load_ms',
        label: 'load real KB (read, validate, index; cold; modules already loaded)',
        value: loadMs,
        unit: 'ms',
        target: { op: '<=', value: 300 },
      },
      {
        key: 'start_first_answer_ms',
        label: `start to first answer, node scripts/start.js (npm start), piped console, median of ${startCompiled.length}`,
        value: median(startCompiled),
        unit: 'ms',
        target: { op: '<=', value: 0.6 * median(startTsx) },
      },
      {
        key: 'start_first_answer_tsx_ms',
        label: `start to first answer, node --import tsx src/index.ts (before), median of ${startTsx.length}`,
        value: median(startTsx),
        unit: 'ms',
        tableOnly: true,
      },
      { key: 'rss_mb', label: 'resident memory after load and warm-up', value: rssMb, unit: 'MB', target: { op: '<=', value: 150 } },
      { key: 'ask_p50', label: `ask, real KB, p50 (n=${ask.length})`, value: p50(ask), unit: 'ms' },
      { key: 'ask_p99', label: `ask, real KB, p99 (n=${ask.length})`, value: p99(ask), unit: 'ms', target: { op: '<=', value: 2 } },
      { key: 'ask_cold_p99', label: `ask, real KB, first sight p99 (n=${askCold.length})`, value: p99(askCold), unit: 'ms' },
      { key: 'autocomplete_p50', label: `autocomplete, real KB, p50 (n=${autocomplete.length})`, value: p50(autocomplete), unit: 'ms' },
      {
        key: 'autocomplete_p99',
        label: `autocomplete, real KB, p99 (n=${autocomplete.length})`,
        value: p99(autocomplete),
        unit: 'ms',
        target: { op: '<=', value: 1 },
      },
      {
        key: 'interactions_per_s',
        label: `/ask via router + command (n=${plan.interactions})`,
        value: interactionsPerSecond,
        unit: '/s',
        target: { op: '>=', value: 2000 },
      },
      { key: 'interaction_p99', label: `/ask via router + command, p99`, value: p99(interactionTimes), unit: 'ms' },
      {
        key: 'ask_log_flood_ratio',
        label: `ask-log flood, ${plan.floodQuestions} unanswered /ask: database file ÷ in memory (medians of ${plan.floodRuns})`,
        value: median(floodFile) / median(floodMemory),
        unit: '×',
        target: { op: '<=', value: 1.3 },
        tableOnly: true,
      },
      {
        key: 'e2e_interactions_per_s',
        label: `/ask via discord.js + local stand-in, 16 in flight (n=${plan.e2eInteractions})`,
        value: e2ePerSecond,
        unit: '/s',
      },
      {
        key: 'reload_block_max_ms',
        label: `longest event-loop stall, reload with ${plan.reloadSize} more entries`,
        value: reloadBlockMs,
        unit: 'ms',
        target: { op: '<=', value: 50 },
      },
      { key: 'ask_1k_p99', label: `ask, ${k1} KB, p99 (n=${ask1k.length})`, value: p99(ask1k), unit: 'ms' },
      { key: 'index_10k_ms', label: `index synthetic ${k10} KB`, value: index10kMs, unit: 'ms' },
      { key: 'ask_10k_p50', label: `ask, ${k10} KB, p50 (n=${ask10k.length})`, value: p50(ask10k), unit: 'ms' },
      { key: 'ask_10k_p99', label: `ask, ${k10} KB, p99 (n=${ask10k.length})`, value: p99(ask10k), unit: 'ms', target: { op: '<=', value: 20 } },
      { key: 'ask_10k_cold_p99', label: `ask, ${k10} KB, first sight p99 (n=${ask10kCold.length})`, value: p99(ask10kCold), unit: 'ms' },
      { key: 'autocomplete_10k_p50', label: `autocomplete, ${k10} KB, p50 (n=${autocomplete10k.length})`, value: p50(autocomplete10k), unit: 'ms' },
      {
        key: 'autocomplete_10k_p99',
        label: `autocomplete, ${k10} KB, p99 (n=${autocomplete10k.length})`,
        value: p99(autocomplete10k),
        unit: 'ms',
        target: { op: '<=', value: 10 },
      },
      {
        key: 'ask_100k_p99',
        label: `ask, ${sizeLabel(largeSize)} KB, p99 (n=${ask100k.length})`,
        value: p99(ask100k),
        unit: 'ms',
        target: { op: '<=', value: Math.min(25, 3 * p99(ask10k)) },
      },
      {
        key: 'autocomplete_100k_p99',
        label: `autocomplete, ${k100} KB, p99 (n=${autocomplete100k.length})`,
        value: p99(autocomplete100k),
        unit: 'ms',
        target: { op: '<=', value: 10 },
      },
      {
        key: 'minisearch_ask_10k_p99',
        label: `MiniSearch (fuzzy 0.2, prefix), ${k10} KB, p99 (n=${rivals10k.minisearch.length})`,
        value: p99(rivals10k.minisearch),
        unit: 'ms',
      },
      {
        key: 'flexsearch_ask_10k_p99',
        label: `FlexSearch (forward, suggest), ${k10} KB, p99 (n=${rivals10k.flexsearch.length})`,
        value: p99(rivals10k.flexsearch),
        unit: 'ms',
      },
      {
        key: 'baseline_ask_1k_p99',
        label: `plain fuse.js, ${k1} KB, p99 (n=${baseline1k.length}, every ${plan.baseline1kStride}th question)`,
        value: p99(baseline1k),
        unit: 'ms',
      },
      {
        key: 'baseline_ask_10k_p50',
        label: `plain fuse.js, ${k10} KB, p50 (n=${baseline10k.length}, every ${plan.baselineStride}th question)`,
        value: p50(baseline10k),
        unit: 'ms',
      },
      {
        key: 'baseline_ask_10k_p99',
        label: `plain fuse.js, ${k10} KB, p99 (n=${baseline10k.length}, every ${plan.baselineStride}th question)`,
        value: p99(baseline10k),
        unit: 'ms',
      },
      {
        key: 'ask_10k_speedup',
        label: `speed-up over fuse.js at ${k10} (p99, same questions)`,
        value: p99(baseline10k) / p99(ask10kSameQuestions),
        unit: '×',
        target: { op: '>=', value: 3 },
      },
      {
        key: 'engine_top1',
        label: 'top-1 on the eval fixtures: this engine',
        value: top1.engine,
        unit: '',
        target: { op: '>=', value: Math.max(top1.minisearch, top1.flexsearch, top1.fuse) },
      },
      { key: 'minisearch_top1', label: 'top-1 on the eval fixtures: MiniSearch', value: top1.minisearch, unit: '' },
      { key: 'flexsearch_top1', label: 'top-1 on the eval fixtures: FlexSearch', value: top1.flexsearch, unit: '' },
      { key: 'fuse_top1', label: 'top-1 on the eval fixtures: plain fuse.js', value: top1.fuse, unit: '' },
      { key: 'eval_top1_accuracy', label: 'eval top-1 accuracy (real KB)', value: report.top1Accuracy, unit: '', target: { op: '>=', value: 0.95 } },
      { key: 'eval_abstention_rate', label: 'eval abstention rate (real KB)', value: report.abstentionRate, unit: '', target: { op: '>=', value: 0.95 } },
    ];

    const { entries, terms } = realKnowledge;
    const withTargets = figures.filter((figure) => figure.target !== undefined);
    console.log(`Levels Tutor benchmark (${values.quick ? 'quick' : 'full'}): node ${process.version}, ${availableParallelism()} CPU(s)`);
    console.log(
      `real KB: ${entries.length} entries + ${terms.length} terms; synthetic KBs: ${[sizes.small, sizes.medium, sizes.large].join(', ')} entries; question mix: ${QUESTION_MIX.length} questions (+${SYNTHETIC_QUESTIONS} per synthetic KB), ${prefixes.length} prefixes`,
    );
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
