const DAY_MS = 24 * 3_600_000;

/** Look-back windows a student or curator may pick; null is all time. */
export const PERIODS: ReadonlyMap<string, number | null> = new Map([
  ['week', 7 * DAY_MS],
  ['month', 30 * DAY_MS],
  ['all', null],
]);

export const PERIOD_CHOICES = [...PERIODS.keys()].map((p) => ({ name: p, value: p }));

/** The start of a period (epoch ms, null for all time) and its name; an unknown name falls back to `fallback`. */
export function periodStart(name: string | null, fallback: string, now: number): { name: string; since: number | null } {
  const known = name !== null && PERIODS.has(name) ? name : fallback;
  const window = PERIODS.get(known) ?? null;
  return { name: known, since: window === null ? null : now - window };
}
