/**
 * A long build written as a generator that pauses (yields) every so often: run through at once
 * with runToEnd(), or a slice at a time by a caller that lets the event loop run in between
 * (a knowledge reload builds a 50,000-entry index that way while the old one keeps answering).
 */
export type Steps<T> = Generator<void, T, undefined>;

/** Items handled between two pauses: each costs microseconds (tens for a long entry), so a pause comes every millisecond or so. */
const ITEMS_PER_STEP = 64;

export function runToEnd<T>(steps: Steps<T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** `visit` on every item, in order, pausing between every few. */
export function* eachOf<T>(items: readonly T[], visit: (item: T, index: number) => void): Steps<void> {
  for (let i = 0; i < items.length; i++) {
    visit(items[i] as T, i);
    if (i % ITEMS_PER_STEP === ITEMS_PER_STEP - 1) yield;
  }
}

/** Pauses once every ITEMS_PER_STEP calls of a loop over `count` cheap items: `for (...) { ...; if (pauseAt(i)) yield; }`. */
export function pauseAt(index: number, perStep = ITEMS_PER_STEP): boolean {
  return index % perStep === perStep - 1;
}

/**
 * `items` sorted by `compare`, stably (as Array.prototype.sort sorts), by bottom-up merge sort:
 * sorting 250,000 phrasings at once holds the thread for a tenth of a second. Leaves `items` as is.
 */
export function* sortedOf<T>(items: readonly T[], compare: (a: T, b: T) => number): Steps<T[]> {
  const runLength = 1024;
  let from: T[] = [];
  for (let start = 0; start < items.length; start += runLength) {
    for (const item of items.slice(start, start + runLength).sort(compare)) from.push(item);
    yield;
  }
  let to: T[] = new Array<T>(from.length);
  let merged = 0;
  for (let width = runLength; width < from.length; width *= 2) {
    for (let left = 0; left < from.length; left += 2 * width) {
      const middle = Math.min(left + width, from.length);
      const right = Math.min(left + 2 * width, from.length);
      let i = left;
      let j = middle;
      for (let out = left; out < right; out++) {
        // Of equal items the left run's comes first: stable.
        to[out] = (j >= right || (i < middle && compare(from[i] as T, from[j] as T) <= 0) ? from[i++] : from[j++]) as T;
        if (pauseAt(merged++, 4 * ITEMS_PER_STEP)) yield;
      }
    }
    [from, to] = [to, from];
  }
  return from;
}
