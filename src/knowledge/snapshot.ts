import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Knowledge } from './schema.ts';
import { loadKnowledge } from './load.ts';

/**
 * Where the compiled bot finds its snapshot: `dist/knowledge.json` beside `dist/src/`. Run from
 * source, the same path is the repository's root, where no snapshot is written, so `npm run dev`
 * always reads the YAML.
 */
export const KNOWLEDGE_SNAPSHOT = fileURLToPath(new URL('../../knowledge.json', import.meta.url));

/**
 * A validated copy of a knowledge folder as JSON, which `npm run build` writes beside the
 * compiled bot so that `npm start` skips parsing and validating the YAML (most of its start-up
 * after loading modules). It records the size and modification time of every file it was read
 * from: after any edit it no longer matches, and the folder itself is read as always.
 */
interface Snapshot {
  readonly dir: string;
  readonly files: readonly FileStamp[];
  readonly knowledge: Knowledge;
}

interface FileStamp {
  readonly file: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/** Every file below `dir`, sorted, with its size and modification time. */
function stampsOf(dir: string): FileStamp[] {
  const stamps: FileStamp[] = [];
  const walk = (folder: string): void => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const { size, mtimeMs } = statSync(full);
        stamps.push({ file: path.relative(dir, full), size, mtimeMs });
      }
    }
  };
  walk(dir);
  return stamps;
}

function sameStamps(a: readonly FileStamp[], b: readonly FileStamp[]): boolean {
  return a.length === b.length && a.every((stamp, i) => stamp.file === b[i]?.file && stamp.size === b[i]?.size && stamp.mtimeMs === b[i]?.mtimeMs);
}

/** Loads and validates `dir` (throwing on any problem, as `loadKnowledge` does) and writes its snapshot to `file`. */
export function writeKnowledgeSnapshot(dir: string, file: string): void {
  const absolute = path.resolve(dir);
  const files = stampsOf(absolute);
  const snapshot: Snapshot = { dir: absolute, files, knowledge: loadKnowledge(absolute) };
  writeFileSync(file, JSON.stringify(snapshot));
}

/** The knowledge of `dir` from the snapshot in `file`, or null when there is none or any file of the folder has changed since. */
export function readKnowledgeSnapshot(dir: string, file: string): Knowledge | null {
  let snapshot: Snapshot;
  try {
    snapshot = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  } catch {
    return null;
  }
  const absolute = path.resolve(dir);
  return snapshot.dir === absolute && sameStamps(snapshot.files, stampsOf(absolute)) ? snapshot.knowledge : null;
}
