import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { setImmediate } from 'node:timers/promises';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { AnswerEngine } from '../../src/engines/answer-engine.ts';
import { Cooldowns } from '../../src/bot/cooldowns.ts';
import { KnowledgeHolder } from '../../src/services/knowledge-holder.ts';
import { createLogger } from '../../src/logger.ts';
import { miniKnowledgeCopy } from '../helpers/knowledge.ts';

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function holder() {
  const dir = miniKnowledgeCopy();
  dirs.push(dir);
  const logs: string[] = [];
  const knowledge = new KnowledgeHolder(dir, createLogger('info', [], { write: (line: string) => void logs.push(line) }));
  return { dir, logs, knowledge };
}

describe('KnowledgeHolder.reload', () => {
  test('serves an edited knowledge base after a valid edit', async () => {
    const { dir, knowledge } = holder();
    expect(knowledge.engine.ask('what is a genogram').answer).toBeNull();
    writeFileSync(
      path.join(dir, 'qa', 'extra.yaml'),
      '- id: genogram\n  question: What is a genogram?\n  alternatives: [genogram meaning]\n  answer: A family map.\n  levels: [micro]\n  sources: [test-source]\n',
    );
    expect(await knowledge.reload()).toBe(true);
    expect(knowledge.engine.ask('what is a genogram').answer?.doc.id).toBe('genogram');
  });

  test('answers from the previous knowledge while a reload reads the files; the last reload started wins', async () => {
    const { dir, knowledge } = holder();
    writeFileSync(
      path.join(dir, 'qa', 'extra.yaml'),
      '- id: genogram\n  question: What is a genogram?\n  alternatives: [genogram meaning]\n  answer: A family map.\n  levels: [micro]\n  sources: [test-source]\n',
    );
    const first = knowledge.reload();
    const second = knowledge.reload();
    expect(knowledge.engine.ask('what is a genogram').answer).toBeNull();
    expect(await Promise.all([first, second])).toEqual([false, true]);
    expect(knowledge.engine.ask('what is a genogram').answer?.doc.id).toBe('genogram');
  });

  test('answers from the previous knowledge while the new index is built in slices, then from the new', async () => {
    const { dir, knowledge } = holder();
    // Enough entries that building their index takes many slices.
    const entries = Array.from(
      { length: 2000 },
      (_, i) =>
        `- id: extra-${i}\n  question: What is extra topic ${i}?\n  alternatives: [extra topic ${i} meaning]\n  answer: Extra answer ${i}.\n  levels: [micro]\n  sources: [test-source]\n`,
    );
    writeFileSync(path.join(dir, 'qa', 'extra.yaml'), entries.join(''));
    const before = knowledge.engine;
    let building = false;
    const build = AnswerEngine.build;
    vi.spyOn(AnswerEngine, 'build').mockImplementation(function* (...args) {
      building = true;
      const built = yield* build.apply(AnswerEngine, args);
      building = false;
      return built;
    });
    let done = false;
    const reloaded = knowledge.reload().finally(() => (done = true));
    let answeredWhileBuilding = 0;
    while (!done) {
      await setImmediate();
      if (!building) continue;
      expect(knowledge.engine).toBe(before);
      expect(knowledge.engine.ask('what is micro social work').answer?.doc.id).toBe('micro-definition');
      answeredWhileBuilding++;
    }
    expect(await reloaded).toBe(true);
    expect(answeredWhileBuilding).toBeGreaterThan(1);
    expect(knowledge.engine.ask('what is extra topic 1234').answer?.doc.id).toBe('extra-1234');
  });

  test('keeps serving the previous knowledge after an invalid edit, logging file, entry and field', async () => {
    const { dir, logs, knowledge } = holder();
    writeFileSync(
      path.join(dir, 'qa', 'extra.yaml'),
      '- id: broken\n  question: Broken?\n  alternatives: [x]\n  answer: y\n  levels: [nano]\n  sources: [test-source]\n',
    );
    expect(await knowledge.reload()).toBe(false);
    expect(knowledge.engine.ask('what is micro social work').answer?.doc.id).toBe('micro-definition');
    const problem = JSON.parse(logs.find((line) => line.includes('reload refused'))!).problem;
    expect(problem).toMatchObject({ file: 'qa/extra.yaml', id: 'broken', field: 'levels.0' });
  });
});

describe('Cooldowns', () => {
  test('makes a user wait, per user, and lets them go when the time is up', () => {
    let now = 0;
    const cooldowns = new Cooldowns(3000, () => now);
    expect(cooldowns.take('a')).toBe(0);
    expect(cooldowns.take('b')).toBe(0);
    now = 1000;
    expect(cooldowns.take('a')).toBe(2000);
    now = 3000;
    expect(cooldowns.take('a')).toBe(0);
  });
  test('a zero duration never waits', () => {
    const cooldowns = new Cooldowns(0, () => 5);
    expect([cooldowns.take('a'), cooldowns.take('a')]).toEqual([0, 0]);
  });
});
