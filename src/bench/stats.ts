/** Nearest-rank percentile (p in 0..100) of samples in any order. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) throw new RangeError('no samples to take a percentile of');
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

/** Runs `run` on every input, `passes` times over, timing each call on its own: milliseconds per call. */
export function timeEach<T>(inputs: readonly T[], passes: number, run: (input: T) => unknown): number[] {
  const samples: number[] = [];
  for (let pass = 0; pass < passes; pass++) {
    for (const input of inputs) {
      const started = performance.now();
      run(input);
      samples.push(performance.now() - started);
    }
  }
  return samples;
}

/** Every non-empty prefix of every question, as a student types it. */
export function prefixesOf(questions: readonly string[]): string[] {
  return questions.flatMap((question) => Array.from({ length: question.length }, (_, i) => question.slice(0, i + 1)));
}
