import type { Logger } from '../logger.ts';

/**
 * Runs work that nothing awaits (timers, gateway listeners, ClientReady): whatever it throws,
 * synchronously or as a rejected promise, is logged with context and the bot keeps serving.
 */
export function safely(logger: Logger, what: string, context: Record<string, unknown>, work: () => unknown): void {
  const report = (error: unknown) => logger.error({ err: error, ...context }, `${what} failed`);
  try {
    const result = work();
    if (result instanceof Promise) result.catch(report);
  } catch (error) {
    report(error);
  }
}

/** The database is busy (another process holds the write lock), failing (disk full, I/O error) or unreachable. */
export function isStorageFault(error: unknown): boolean {
  return error instanceof Error && (error.name === 'SqliteError' || error.name === 'PostgresError');
}
