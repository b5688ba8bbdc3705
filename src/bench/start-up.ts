import { spawn } from 'node:child_process';
import path from 'node:path';

/** The answer line the offline console prints for the timed question. */
const FIRST_ANSWER = '╰ macro-definition';
const SCRIPT = '/ask what is macro practice\n/quit\n';

/**
 * Milliseconds from spawning `node …args` (the offline console, input piped) to the first
 * printed answer. Rejects when the process ends without printing it.
 */
export function timeFirstAnswer(args: readonly string[], databasePath: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: path.resolve('.'),
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', DISCORD_TOKEN: '', DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    let elapsed: number | null = null;
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      if (elapsed === null && stdout.includes(FIRST_ANSWER)) elapsed = performance.now() - started;
    });
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdin.end(SCRIPT);
    child.once('error', reject);
    child.once('close', (code) => {
      if (elapsed !== null && code === 0) resolve(elapsed);
      else reject(new Error(`node ${args.join(' ')} exited ${code} without the answer:\n${stdout}${stderr}`));
    });
  });
}
