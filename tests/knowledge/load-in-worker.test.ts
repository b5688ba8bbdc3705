import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { loadKnowledgeInWorker } from '../../src/knowledge/load-in-worker.ts';
import { KnowledgeError, loadKnowledge, readKnowledge } from '../../src/knowledge/load.ts';
import { miniKnowledgeCopy, REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

describe('loadKnowledgeInWorker', () => {
  test('reads exactly what loadKnowledge reads, in a worker thread', async () => {
    expect(await loadKnowledgeInWorker(REAL_KNOWLEDGE_DIR)).toEqual(loadKnowledge(REAL_KNOWLEDGE_DIR));
  });

  test('sends a large knowledge base over in parts and puts it back together as it was', async () => {
    // 1,200 entries: more than one part (500 entries each) of them.
    const entries = Array.from(
      { length: 1200 },
      (_, i) => `- id: extra-${i}\n  question: What is extra topic ${i}?\n  alternatives: [extra ${i}]\n  answer: Extra answer ${i}.\n  levels: [micro]\n  sources: [test-source]\n`,
    );
    const dir = miniKnowledgeCopy({ 'qa/extra.yaml': entries.join('') });
    const loaded = await loadKnowledgeInWorker(dir);
    expect(loaded.entries.length).toBeGreaterThan(1200);
    expect(loaded).toEqual(loadKnowledge(dir));
  });

  test('rejects an invalid folder with a KnowledgeError listing every problem, as loadKnowledge does', async () => {
    const dir = miniKnowledgeCopy();
    writeFileSync(path.join(dir, 'qa', 'extra.yaml'), '- id: broken\n  question: Broken?\n  alternatives: [x]\n  answer: y\n  levels: [nano]\n  sources: [nowhere]\n');
    const error = await loadKnowledgeInWorker(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'qa/extra.yaml', id: 'broken', field: 'levels.0' })]));
    expect((error as KnowledgeError).problems).toEqual(readKnowledge(dir).problems);
  });
});
