import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMainThread, parentPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import { KnowledgeError, readKnowledge, type KnowledgeProblem } from './load.ts';
import type { Knowledge } from './schema.ts';

/**
 * What the worker sends: the knowledge a part at a time, then its problems (none once every part
 * is sent), or an error that stopped the read (such as ENOTDIR).
 */
type WorkerReply =
  | { readonly part: { readonly key: keyof Knowledge; readonly items: readonly unknown[] } }
  | { readonly problems: readonly KnowledgeProblem[] }
  | { readonly error: { readonly name: string; readonly message: string; readonly code?: string } };

/**
 * Items per message, and the worker sends the next only when asked: the main thread deserialises
 * a message in one go (50,000 entries at once held it for 0.4 s, 500 up to 36 ms), and queued messages all at once.
 */
const ITEMS_PER_PART = 100;
const NEXT_PART = 'next';

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
    const parts: Partial<Record<keyof Knowledge, unknown[]>> = {};
    worker.on('message', (reply: WorkerReply) => {
      if ('part' in reply) {
        const { key, items } = reply.part;
        for (const item of items) (parts[key] ??= []).push(item);
        parts[key] ??= [];
        worker.postMessage(NEXT_PART);
      } else if ('error' in reply) reject(Object.assign(new Error(reply.error.message), reply.error));
      else if (reply.problems.length > 0) reject(new KnowledgeError(reply.problems));
      else resolve(parts as unknown as Knowledge);
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

/** Sends the knowledge a part at a time, each once the main thread asks for it. */
async function sendInParts(port: MessagePort, knowledge: Knowledge): Promise<void> {
  for (const key of Object.keys(knowledge) as Array<keyof Knowledge>) {
    const items = knowledge[key];
    for (let start = 0; start === 0 || start < items.length; start += ITEMS_PER_PART) {
      const asked = new Promise((resolve) => port.once('message', resolve));
      port.postMessage({ part: { key, items: items.slice(start, start + ITEMS_PER_PART) } } satisfies WorkerReply);
      await asked;
    }
  }
}

const workerDir: unknown = isMainThread ? undefined : (workerData as Record<string, unknown> | null)?.[DIR_KEY];
if (typeof workerDir === 'string' && parentPort !== null) {
  const port = parentPort;
  let reply: WorkerReply;
  try {
    const { knowledge, problems } = readKnowledge(workerDir);
    if (problems.length === 0) await sendInParts(port, knowledge);
    reply = { problems };
  } catch (error) {
    const { name, message, code } = error as NodeJS.ErrnoException;
    reply = { error: code === undefined ? { name, message } : { name, message, code } };
  }
  port.postMessage(reply);
}
