import { setImmediate as nextTurn } from 'node:timers/promises';
import type { Steps } from '../engines/steps.ts';

/** How long one slice may hold the event loop: well inside the stall an interaction notices. */
export const SLICE_MS = 5;

/**
 * Runs steps (engines/steps.ts) for about `sliceMs` at a time, and lets the event loop run
 * (timers, I/O, interactions) between slices: a long build without a long stall.
 */
export async function runInSlices<T>(steps: Steps<T>, sliceMs = SLICE_MS): Promise<T> {
  for (;;) {
    const until = performance.now() + sliceMs;
    for (;;) {
      const step = steps.next();
      if (step.done === true) return step.value;
      if (performance.now() >= until) break;
    }
    await nextTurn();
  }
}
