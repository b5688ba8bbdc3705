import { execFile } from 'node:child_process';
import { cpSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { dump } from 'js-yaml';
import { KnowledgeHolder } from '../services/knowledge-holder.ts';
import type { Knowledge } from '../knowledge/schema.ts';
import type { Logger } from '../logger.ts';

/**
 * The longest the event loop stalls (ms) while a running bot's knowledge holder reloads
 * after `extra` has been added to its folder as one more Q&A file. A 1 ms timer measures the
 * gaps, so a stall shows as its length, whatever part of the reload causes it.
 */
export async function reloadBlockMaxMs(knowledgeDir: string, extra: Knowledge, workDir: string, logger: Logger): Promise<number> {
  const dir = path.join(workDir, 'reload-knowledge');
  cpSync(knowledgeDir, dir, { recursive: true });
  const holder = new KnowledgeHolder(dir, logger);
  writeFileSync(
    path.join(dir, 'qa', 'bench-extra.yaml'),
    dump(
      extra.entries.map(({ file: _file, ...entry }) => entry),
      { lineWidth: -1 },
    ),
  );
  let last = performance.now();
  let longest = 0;
  const probe = setInterval(() => {
    const now = performance.now();
    longest = Math.max(longest, now - last);
    last = now;
  }, 1);
  try {
    last = performance.now();
    if (!(await holder.reload())) throw new Error('the bench reload was refused');
    const now = performance.now();
    return Math.max(longest, now - last);
  } finally {
    clearInterval(probe);
  }
}

/**
 * reloadBlockMaxMs in a process of its own, spawned with the same Node flags: the bench's own
 * heap holds bases of 100,000 entries and its rivals' indexes, whose garbage-collection pauses a
 * running bot, which holds only its knowledge, never has.
 */
export async function reloadBlockMaxMsInOwnProcess(knowledgeDir: string, size: number, workDir: string): Promise<number> {
  const script = path.join(import.meta.dirname, 'reload-process.ts');
  const { stdout } = await promisify(execFile)(process.execPath, [...process.execArgv, script, knowledgeDir, String(size), workDir], {
    maxBuffer: 1024 * 1024,
  });
  const { stallMs } = JSON.parse(stdout.trim().split('\n').at(-1) as string) as { stallMs: number };
  return stallMs;
}
