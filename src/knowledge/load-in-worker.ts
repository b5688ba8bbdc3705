import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { KnowledgeError, readKnowledge, type KnowledgeProblem } from './load.ts';
import type { Knowledge } from './schema.ts';

/** What the worker sends back: the knowledge and its problems, or an error that stopped the read (such as ENOTDIR). */
type WorkerReply =
  | { readonly knowledge: Knowledge; readonly problems: readonly KnowledgeProblem[] }
  | { readonly error: { readonly name: string; readonly message: string; readonly code?: string } };

const self = fileURLToPath(import.meta.url);
/** Marks a worker started here, so that importing this module in any other worker does nothing. */
const DIR_KEY = 'loadKnowledgeFrom';

/**
 * `loadKnowledge`, in a worker thread: reading, parsing and validating a large knowledge
 * folder takes seconds that the event loop keeps for interactions meanwhile. Rejects with
 * a KnowledgeError listing every problem, or with the error (and its `code`) that stopped the read.
 */
export function loadKnowledgeInWorker(dir: string): Promise<Knowledge> {
  return new Promise((resolve, reject) => {
    const worker = startWorker({ [DIR_KEY]: dir });
    worker.once('message', (reply: WorkerReply) => {
      if ('error' in reply) reject(Object.assign(new Error(reply.error.message), reply.error));
      else if (reply.problems.length > 0) reject(new KnowledgeError(reply.problems));
      else resolve(reply.knowledge);
    });
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the knowledge worker exited (code ${code}) without an answer`)));
  });
}

/** This very module in a worker: compiled, as is; from source, through tsx's API (a worker does not inherit the parent's loader). */
function startWorker(data: Record<string, string>): Worker {
  if (path.extname(self) !== '.ts') return new Worker(self, { workerData: data });
  const tsImport = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ tsImport }) => tsImport(${JSON.stringify(import.meta.url)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(tsImport, { eval: true, workerData: data });
}

const workerDir: unknown = isMainThread ? undefined : (workerData as Record<string, unknown> | null)?.[DIR_KEY];
if (typeof workerDir === 'string' && parentPort !== null) {
  let reply: WorkerReply;
  try {
    reply = readKnowledge(workerDir);
  } catch (error) {
    const { name, message, code } = error as NodeJS.ErrnoException;
    reply = { error: code === undefined ? { name, message } : { name, message, code } };
  }
  parentPort.postMessage(reply);
}
