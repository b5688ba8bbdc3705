import { dayNumber } from '../engines/streaks.ts';
import { localDate, localTime } from '../engines/term-schedule.ts';

/** "Thu 3 Dec 2026" in the student's time zone. */
export function calendarDate(at: number, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', day: 'numeric', month: 'short', year: 'numeric' })
    .format(new Date(at))
    .replace(',', '');
}

/**
 * When something happens, as a real date in the student's zone: "in 10 minutes (09:20)",
 * "today at 18:00", "tomorrow, Thu 3 Dec 2026", "on Mon 14 Dec 2026 (in 12 days)".
 */
export function whenText(at: number, now: number, timeZone: string): string {
  const days = dayNumber(localDate(new Date(at), timeZone)) - dayNumber(localDate(new Date(now), timeZone));
  const clock = localTime(new Date(at), timeZone);
  if (at - now < 3_600_000) {
    const minutes = Math.max(1, Math.ceil((at - now) / 60_000));
    return `in ${minutes === 1 ? 'a minute' : `${minutes} minutes`} (${clock})`;
  }
  if (days <= 0) return `today at ${clock}`;
  if (days === 1) return `tomorrow, ${calendarDate(at, timeZone)}`;
  return `on ${calendarDate(at, timeZone)} (in ${days} days)`;
}
