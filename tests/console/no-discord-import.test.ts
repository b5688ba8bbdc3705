import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited } from '../helpers/processes.ts';

const tempDir = useTempDirs();

/** A module-resolution hook that prints every discord.js module the process resolves. */
const RESOLVE_HOOK = `export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context);
  if (/\\/node_modules\\/discord\\.js\\//.test(resolved.url)) process.stderr.write('resolved discord.js\\n');
  return resolved;
}`;
const REGISTER_HOOK = `data:text/javascript,${encodeURIComponent(`import { register } from 'node:module'; register(${JSON.stringify(`data:text/javascript,${encodeURIComponent(RESOLVE_HOOK)}`)});`)}`;

async function run(args: string[], input: string) {
  const child = spawn(process.execPath, ['--import', REGISTER_HOOK, '--import', 'tsx', ...args], {
    cwd: path.resolve('.'),
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DISCORD_TOKEN: '', DATABASE_PATH: path.join(tempDir(), 'console.sqlite') },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  child.stdin.end(input);
  return { code: await exited(child), stdout, stderr };
}

describe('the offline console and discord.js', () => {
  test('answering in the console never loads discord.js', async () => {
    const { code, stdout, stderr } = await run(['src/index.ts'], '/ask what is macro practice\n/quit\n');
    expect(code, stderr).toBe(0);
    expect(stdout).toMatch(/^╰ macro-definition · match \d+%$/m);
    expect(stderr).not.toContain('resolved discord.js');
  });

  test('the hook does see discord.js when the Discord runtime is imported', async () => {
    const { code, stderr } = await run(['--input-type=module', '-e', "await import('./src/discord/run.ts')"], '');
    expect(code, stderr).toBe(0);
    expect(stderr).toContain('resolved discord.js');
  });
});
