/**
 * Study streaks over local calendar dates (YYYY-MM-DD). Pure: the caller turns instants into
 * dates in the student's time zone, so DST and zones are settled before any arithmetic here.
 */

/** Replies that extend a streak to one of these lengths say so. */
export const STREAK_MILESTONES: readonly number[] = [3, 7, 14, 30, 100];
/** One missed day is bridged (a freeze) at most once in this many days. */
export const FREEZE_EVERY_DAYS = 7;

export interface Streak {
  /** Days in the running streak, bridged days included; 0 when it has broken. */
  readonly current: number;
  readonly best: number;
  readonly studiedToday: boolean;
  /** Missed days that were bridged, oldest first. */
  readonly bridged: readonly string[];
}

const DAY_MS = 86_400_000;

/** Days since 1970-01-01 of a calendar date: pure calendar arithmetic, no time zone. */
export function dayNumber(date: string): number {
  const [year, month, day] = date.split('-').map(Number);
  return Math.round(Date.UTC(year ?? 1970, (month ?? 1) - 1, day ?? 1) / DAY_MS);
}

export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return dateOfDay(dayNumber(date) + days);
}

/**
 * The streak on `today` given the dates studied. A single missed day between two study days
 * is bridged when no other day was bridged in the week before it. A streak stays current
 * through today while it can still be continued: studied today or yesterday, or the day
 * before with a freeze free to bridge yesterday.
 */
export function streakOn(studied: Iterable<string>, today: string): Streak {
  const days = [...new Set([...studied].map(dayNumber))].sort((a, b) => a - b);
  const todayNumber = dayNumber(today);
  const bridged: number[] = [];
  const freezeFree = (missed: number) => bridged.length === 0 || missed - (bridged.at(-1) as number) >= FREEZE_EVERY_DAYS;
  let best = 0;
  let start: number | undefined;
  let last: number | undefined;
  for (const day of days) {
    if (day > todayNumber) break;
    if (last === undefined || start === undefined) start = day;
    else if (day - last === 2 && freezeFree(day - 1)) bridged.push(day - 1);
    else if (day - last !== 1) start = day;
    last = day;
    best = Math.max(best, last - start + 1);
  }
  const gap = last === undefined ? Infinity : todayNumber - last;
  const alive = gap <= 1 || (gap === 2 && freezeFree(todayNumber - 1));
  const current = alive && start !== undefined && last !== undefined ? last - start + 1 : 0;
  return { current, best, studiedToday: gap === 0, bridged: bridged.map(dateOfDay) };
}

/** The milestone reached when today's first study extended the streak, if it is one. */
export function milestoneReached(streak: Streak): number | null {
  return streak.studiedToday && STREAK_MILESTONES.includes(streak.current) ? streak.current : null;
}
