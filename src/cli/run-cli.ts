import { ConfigError, StartupError } from '../config.ts';
import { KnowledgeError } from '../knowledge/load.ts';

/**
 * Runs a command-line entry point: known errors print their message alone (no stack),
 * anything else prints in full; the exit code reflects the outcome.
 */
export function runCli(main: () => number | Promise<number>): void {
  Promise.resolve()
    .then(main)
    .then((code) => {
      process.exitCode = code;
    })
    .catch((error: unknown) => {
      const known = error instanceof ConfigError || error instanceof KnowledgeError || error instanceof StartupError;
      console.error(known ? error.message : error);
      process.exitCode = known ? 2 : 1;
    });
}
