import { spawn } from 'node:child_process';
import { cpSync, existsSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited } from '../helpers/processes.ts';

const tempDir = useTempDirs();
/** What a fresh clone holds that the build and the bot read; node_modules is shared, not copied. */
const PROJECT_FILES = ['src', 'commands', 'scripts', 'knowledge', 'package.json', 'tsconfig.json', 'tsconfig.build.json'];

function freshClone(): string {
  const dir = tempDir();
  for (const file of PROJECT_FILES) cpSync(path.resolve(file), path.join(dir, file), { recursive: true });
  symlinkSync(path.resolve('node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** `npm start` in `dir` with no token and a piped console script. */
async function npmStart(dir: string, databasePath: string) {
  const child = spawn('npm', ['start', '--silent'], {
    cwd: dir,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DISCORD_TOKEN: '', DATABASE_PATH: databasePath },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end('/ask what is macro practice\n/quit\n');
  const code = await exited(child);
  return { code, stdout, stderr };
}

describe('npm start on compiled JavaScript', () => {
  test('a fresh clone builds dist/ first, answers, then starts without rebuilding until a source changes', async () => {
    const dir = freshClone();
    const databasePath = path.join(tempDir(), 'start.sqlite');
    expect(existsSync(path.join(dir, 'dist'))).toBe(false);

    const first = await npmStart(dir, databasePath);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stderr).toContain('start: building dist/');
    expect(first.stdout).toMatch(/^╰ macro-definition · match \d+%$/m);
    expect(existsSync(path.join(dir, 'dist', 'src', 'index.js'))).toBe(true);
    // The validated knowledge the compiled bot starts from while knowledge/ is unchanged.
    expect(existsSync(path.join(dir, 'dist', 'knowledge.json'))).toBe(true);

    const second = await npmStart(dir, databasePath);
    expect(second.code, second.stderr).toBe(0);
    expect(second.stderr).not.toContain('building');
    expect(second.stdout).toMatch(/^╰ macro-definition · match \d+%$/m);

    // An edited knowledge/ no longer matches the snapshot: the bot reads the folder itself (here, and says what is wrong).
    const glossary = path.join(dir, 'knowledge', 'glossary.yaml');
    const original = readFileSync(glossary, 'utf8');
    writeFileSync(glossary, `${original}- id: Not An Id\n`);
    const broken = await npmStart(dir, databasePath);
    expect(broken.code).not.toBe(0);
    expect(broken.stderr).toContain('glossary.yaml');
    writeFileSync(glossary, original);

    // The clone's own staleness check: an edited source means the next start builds again.
    const { isStale } = (await import(pathToFileURL(path.join(dir, 'scripts', 'build.js')).href)) as { isStale: () => boolean };
    expect(isStale()).toBe(false);
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(dir, 'src', 'config.ts'), future, future);
    expect(isStale()).toBe(true);
  }, 120_000);
});
