// `npm run build` (always) and `npm start` (only when dist/ is missing or stale): TypeScript → dist/.
// Plain JavaScript, so that starting the bot needs no TypeScript loader.
import { execFileSync } from 'node:child_process';
import { readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DIST = path.join(ROOT, 'dist');
/** Written last, so a build that failed or was interrupted counts as missing. */
const STAMP = path.join(DIST, '.built');
/** Everything the build output is made from. */
const INPUTS = ['src', 'commands', 'tsconfig.json', 'tsconfig.build.json', 'package.json'];

function newestMtime(file) {
  const stats = statSync(file, { throwIfNoEntry: false });
  if (stats === undefined) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const name of readdirSync(file)) newest = Math.max(newest, newestMtime(path.join(file, name)));
  return newest;
}

export function isStale() {
  const built = statSync(STAMP, { throwIfNoEntry: false });
  return built === undefined || INPUTS.some((input) => newestMtime(path.join(ROOT, input)) > built.mtimeMs);
}

/**
 * A clean build: files deleted from src/ do not linger in dist/. Throws when tsc reports an error.
 * Also writes dist/knowledge.json, the validated knowledge/ the compiled bot reads at start-up
 * while no file of knowledge/ has changed (src/knowledge/snapshot.ts); a knowledge/ with problems
 * gets none, and the bot reports them when it starts.
 */
export async function build() {
  rmSync(DIST, { recursive: true, force: true });
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // tsc's report goes to stderr: stdout may be a script reading the console's answers.
  execFileSync(process.execPath, [tsc, '-p', path.join(ROOT, 'tsconfig.build.json')], { cwd: ROOT, stdio: ['ignore', 2, 2] });
  const { writeKnowledgeSnapshot, KNOWLEDGE_SNAPSHOT } = await import(pathToFileURL(path.join(DIST, 'src', 'knowledge', 'snapshot.js')).href);
  try {
    writeKnowledgeSnapshot(path.join(ROOT, 'knowledge'), KNOWLEDGE_SNAPSHOT);
  } catch {
    // No snapshot: the bot reads knowledge/ itself, and says what is wrong with it.
  }
  writeFileSync(STAMP, `${new Date().toISOString()}\n`);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    await build();
  } catch {
    console.error('build: tsc reported errors (above); dist/ is not up to date.');
    process.exitCode = 1;
  }
}
