import { describe, expect, test } from 'vitest';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const { sources } = loadKnowledge(REAL_KNOWLEDGE_DIR);

// Titles show under "Source" beneath answers about any level, so they must not name one.
describe.each(sources.map((s) => [s.id, s.title] as const))('source %s', (_id, title) => {
  test('has a short title', () => {
    expect(title.length).toBeLessThanOrEqual(80);
  });

  test('names no practice level and is not a question', () => {
    expect(title).not.toMatch(/\b(micro|mezzo|meso|macro)\b/i);
    expect(title).not.toMatch(/\?|^(what|how|why)\b/i);
  });
});
