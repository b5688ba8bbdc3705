import { describe, expect, test } from 'vitest';
import { QUESTION_MIX } from '../../src/bench/questions.ts';
import { flexSearchOver, fuseOver, miniSearchOver, rivalDocs, top1Accuracy } from '../../src/bench/rivals.ts';
import { SinkChatInput } from '../../src/bench/sink.ts';
import { percentile, prefixesOf } from '../../src/bench/stats.ts';
import { syntheticKnowledge, syntheticQuestions } from '../../src/bench/synthetic-knowledge.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { qaEntrySchema } from '../../src/knowledge/schema.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

/** The figures the issues ask for; the bench may print more. */
const REQUIRED_KEYS = [
  'ask_p50',
  'ask_p99',
  'autocomplete_p50',
  'autocomplete_p99',
  'ask_10k_p99',
  'autocomplete_10k_p99',
  'baseline_ask_10k_p99',
  'load_ms',
  'interactions_per_s',
  'rss_mb',
  'ask_1k_p99',
  'ask_100k_p99',
  'autocomplete_100k_p99',
  'minisearch_ask_10k_p99',
  'flexsearch_ask_10k_p99',
  'baseline_ask_1k_p99',
  'engine_top1',
  'minisearch_top1',
  'flexsearch_top1',
  'fuse_top1',
  'ask_cold_p99',
  'start_first_answer_ms',
  'e2e_interactions_per_s',
  'reload_block_max_ms',
];

describe('bench helpers', () => {
  test('percentile uses the nearest rank, whatever the order of the samples', () => {
    const samples = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentile(samples, 50)).toBe(50);
    expect(percentile(samples, 99)).toBe(99);
    expect(percentile(samples, 100)).toBe(100);
    expect(percentile([7], 99)).toBe(7);
    expect(() => percentile([], 50)).toThrow();
  });

  test('prefixes are every non-empty prefix of every question', () => {
    expect(prefixesOf(['abc', 'de'])).toEqual(['a', 'ab', 'abc', 'd', 'de']);
    expect(QUESTION_MIX.length).toBeGreaterThanOrEqual(50);
  });

  test('synthetic questions name the place that sets their entry apart, and the vocabulary grows with the base', () => {
    const real = loadKnowledge(REAL_KNOWLEDGE_DIR);
    const vocabulary = (size: number) => new Set(syntheticKnowledge(real, size).entries.flatMap((e) => e.question.toLowerCase().split(/\W+/))).size;
    expect(vocabulary(4000)).toBeGreaterThan(vocabulary(1000) * 1.5);
    const synthetic = syntheticKnowledge(real, 1000);
    const places = new Set(synthetic.entries.map((e) => e.question.replace(/\?$/, '').split(' ').slice(-2).join(' ').toLowerCase()));
    const questions = syntheticQuestions(synthetic, 50);
    expect(questions).toEqual(syntheticQuestions(synthetic, 50));
    for (const question of questions)
      expect(
        [...places].some((place) => question.endsWith(place)),
        question,
      ).toBe(true);
  });

  test('the synthetic knowledge base is reproducible, valid and varied', () => {
    const real = loadKnowledge(REAL_KNOWLEDGE_DIR);
    const synthetic = syntheticKnowledge(real, 2000);
    expect(syntheticKnowledge(real, 2000)).toEqual(synthetic);
    expect(synthetic.entries).toHaveLength(2000);
    expect(new Set(synthetic.entries.map((e) => e.id)).size).toBe(2000);
    expect(new Set(synthetic.entries.map((e) => e.question)).size).toBeGreaterThan(1800);
    for (const { file: _file, ...entry } of synthetic.entries) expect(qaEntrySchema.safeParse(entry).success).toBe(true);
  });

  test('every library compared finds a plainly worded question in the real knowledge base', () => {
    const docs = rivalDocs(loadKnowledge(REAL_KNOWLEDGE_DIR));
    for (const top of [miniSearchOver(docs), flexSearchOver(docs), fuseOver(docs)]) expect(top('what is micro social work')).toBe('micro-definition');
  });

  test('top-1 accuracy counts a question only when the best match is one of its expected ids', () => {
    const asked = (q: string, expect: string[], level?: string[]) => ({ q, category: 'clean', expect, split: 'tune' as const, ...(level ? { level } : {}) });
    // The refused question and the scenario are not counted: only a, b, c and d are.
    const fixtures = {
      questions: [asked('a', ['x']), asked('b', ['y', 'z']), asked('c', ['w']), asked('d', ['v']), asked('e', []), asked('f', [], ['micro'])],
    };
    const best = new Map([
      ['a', 'x'],
      ['b', 'z'],
      ['c', 'x'],
    ]);
    expect(top1Accuracy(fixtures, (q) => best.get(q) ?? null)).toBe(0.5);
  });

  test('the sink records the reply and refuses a second one', async () => {
    const sink = new SinkChatInput('1', { id: 'u', displayName: 'U' }, 'ask', { question: 'what is micro', private: true });
    expect(sink.string('question')).toBe('what is micro');
    expect(sink.boolean('private')).toBe(true);
    expect(sink.integer('question')).toBeNull();
    await expect(sink.followUp({ content: 'too early' })).rejects.toThrow(/not been sent/);
    await sink.reply({ content: 'first' });
    expect(sink.replied).toBe(true);
    expect(sink.sent).toEqual([{ content: 'first' }]);
    await expect(sink.reply({ content: 'again' })).rejects.toThrow(/already been sent/);
  });
});

describe('npm run bench', () => {
  test('runs, and the last line of stdout is JSON holding every figure as a finite number', async () => {
    const bench = spawnEntry('src/cli/bench.ts', ['--json', '--quick'], {});
    let stdout = '';
    bench.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await exited(bench), bench.output()).toBe(0);

    const lines = stdout.trimEnd().split('\n');
    const figures = JSON.parse(lines[lines.length - 1] as string) as Record<string, unknown>;
    for (const key of REQUIRED_KEYS) {
      expect(typeof figures[key], key).toBe('number');
      expect(Number.isFinite(figures[key]), key).toBe(true);
    }
    // The readable table comes first, one row per figure.
    for (const key of REQUIRED_KEYS) expect(stdout).toMatch(new RegExp(`\\b${key}\\b`));
  }, 180_000);
});
