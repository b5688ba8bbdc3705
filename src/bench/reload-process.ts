import path from 'node:path';
import { loadKnowledge } from '../knowledge/load.ts';
import { createLogger } from '../logger.ts';
import { reloadBlockMaxMs } from './reload.ts';
import { syntheticKnowledge } from './synthetic-knowledge.ts';

/**
 * Run by reloadBlockMaxMsInOwnProcess: a process that holds what a running bot holds (its
 * knowledge, nothing of the bench's other bases) reloads with `size` more entries and prints
 * the longest event-loop stall as JSON. Arguments: knowledge folder, size, work folder.
 */
const [knowledgeDir, size, workDir] = process.argv.slice(2);
if (knowledgeDir === undefined || size === undefined || workDir === undefined) {
  process.stderr.write('usage: reload-process.ts KNOWLEDGE_DIR SIZE WORK_DIR\n');
  process.exit(2);
}
const extra = syntheticKnowledge(loadKnowledge(path.resolve(knowledgeDir)), Number(size));
const stallMs = await reloadBlockMaxMs(knowledgeDir, extra, workDir, createLogger('silent'));
process.stdout.write(`${JSON.stringify({ stallMs })}\n`);
