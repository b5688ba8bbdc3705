import { describe, expect, test } from 'vitest';
import { logLine } from '../../src/console/run-console.ts';

describe('logLine: the console shows each log entry as one line, never a stack', () => {
  test.each<[object, string]>([
    [
      {
        level: 50,
        time: 1,
        msg: 'interaction failed',
        err: { type: 'Error', message: 'boom\nsecond line', stack: 'Error: boom\n    at x (y.ts:1:2)' },
        reference: 'AB12CD',
        command: 'ask',
      },
      '[error] interaction failed: boom second line (reference=AB12CD command=ask)\n',
    ],
    [{ level: 30, time: 1, msg: 'knowledge reloaded', entries: 3 }, '[info] knowledge reloaded (entries=3)\n'],
  ])('%j', (entry, line) => {
    expect(logLine(JSON.stringify(entry))).toBe(line);
  });
});
