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

  test('rejects an invalid folder with a KnowledgeError listing every problem, as loadKnowledge does', async () => {
    const dir = miniKnowledgeCopy();
    writeFileSync(path.join(dir, 'qa', 'extra.yaml'), '- id: broken\n  question: Broken?\n  alternatives: [x]\n  answer: y\n  levels: [nano]\n  sources: [nowhere]\n');
    const error = await loadKnowledgeInWorker(dir).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(KnowledgeError);
    expect((error as KnowledgeError).problems).toEqual(expect.arrayContaining([expect.objectContaining({ file: 'qa/extra.yaml', id: 'broken', field: 'levels.0' })]));
    expect((error as KnowledgeError).problems).toEqual(readKnowledge(dir).problems);
  });
});
