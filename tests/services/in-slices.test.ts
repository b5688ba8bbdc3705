import { describe, expect, test } from 'vitest';
import type { Steps } from '../../src/engines/steps.ts';
import { runInSlices } from '../../src/services/in-slices.ts';

describe('runInSlices', () => {
  test('lets callbacks waiting on the event loop run between slices, and resolves with the result', async () => {
    const order: string[] = [];
    function* build(): Steps<string> {
      for (let step = 0; step < 3; step++) {
        order.push(`step ${step}`);
        yield;
      }
      return 'built';
    }
    setImmediate(() => order.push('interaction'));
    // Slices of 0 ms: every pause is a slice's end.
    expect(await runInSlices(build(), 0)).toBe('built');
    expect(order).toEqual(['step 0', 'interaction', 'step 1', 'step 2']);
  });

  test('runs steps through within one slice when they are quick', async () => {
    let other = false;
    setImmediate(() => (other = true));
    function* build(): Steps<number> {
      yield;
      yield;
      return 42;
    }
    expect(await runInSlices(build(), 60_000)).toBe(42);
    expect(other).toBe(false);
  });
});
