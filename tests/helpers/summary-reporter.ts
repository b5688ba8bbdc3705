import type { Reporter, TestModule } from 'vitest/node';

/**
 * Ends every run with one plain line, `tests: N passed, N failed`, that any CI can read. Before
 * it: how many storage tests ran against each engine (their names carry `[sqlite]` or
 * `[postgres]`), and why the PostgreSQL part did not run, when it did not.
 */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    const counts = { passed: 0, failed: 0, skipped: 0 };
    const engines = { sqlite: 0, postgres: 0 };
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') counts.passed++;
        else if (state === 'failed') counts.failed++;
        else counts.skipped++;
        if (state !== 'passed' && state !== 'failed') continue;
        if (test.fullName.includes('[sqlite]')) engines.sqlite++;
        if (test.fullName.includes('[postgres]')) engines.postgres++;
      }
    }
    const lines = [`storage tests: ${engines.sqlite} against SQLite, ${engines.postgres} against PostgreSQL`];
    if (!process.env.TEST_DATABASE_URL?.trim()) {
      lines.push(
        'PostgreSQL: not run (its storage suite and the two-host test), because TEST_DATABASE_URL is not set (.ci/run starts a throwaway server and sets it)',
      );
    }
    const skipped = counts.skipped > 0 ? `, ${counts.skipped} skipped` : '';
    process.stdout.write(`\n${lines.join('\n')}\ntests: ${counts.passed} passed, ${counts.failed} failed${skipped}\n`);
  }
}
