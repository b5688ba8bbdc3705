/** The calendar date (YYYY-MM-DD) at an instant in a time zone. */
export function localDate(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The wall-clock time (HH:MM, 24-hour) at an instant in a time zone. */
export function localTime(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}

/**
 * Whether today's post is due: the local clock has reached the posting time today.
 * Comparing wall-clock strings keeps DST simple: on a spring-forward day a 02:30 post
 * goes out at 03:00; on a fall-back day the date key makes the repeated hour harmless.
 */
export function isDue(instant: Date, time: string, timeZone: string): boolean {
  return localTime(instant, timeZone) >= time;
}
