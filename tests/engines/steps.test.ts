import { describe, expect, test } from 'vitest';
import { seededRandom } from '../../src/engines/random.ts';
import { eachOf, sortedOf, type Steps } from '../../src/engines/steps.ts';

/** Runs steps to the end, counting its pauses. */
function pausesOf<T>(steps: Steps<T>): { value: T; pauses: number } {
  let pauses = 0;
  for (;;) {
    const step = steps.next();
    if (step.done === true) return { value: step.value, pauses };
    pauses++;
  }
}

describe('steps', () => {
  test('eachOf visits every item in order, pausing now and then', () => {
    const items = Array.from({ length: 1000 }, (_, i) => i);
    const seen: number[] = [];
    expect(pausesOf(eachOf(items, (item, index) => seen.push(item * 10 + index))).pauses).toBeGreaterThan(1);
    expect(seen).toEqual(items.map((i) => i * 11));
  });

  test.each([0, 1, 1023, 1024, 1025, 5000])('sortedOf sorts %i items as Array.prototype.sort does, stably', (count) => {
    const random = seededRandom(count);
    // Few distinct keys: most items tie, so only a stable sort keeps their order.
    const items = Array.from({ length: count }, (_, i) => ({ key: Math.floor(random() * 20), i }));
    const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;
    const { value, pauses } = pausesOf(sortedOf(items, byKey));
    expect(value).toEqual([...items].sort(byKey));
    expect(items.map((item) => item.i)).toEqual(Array.from({ length: count }, (_, i) => i));
    if (count > 1024) expect(pauses).toBeGreaterThan(2);
  });
});
