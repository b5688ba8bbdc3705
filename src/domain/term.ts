/** A server's daily term of the day. */
export interface TermSchedule {
  readonly channelId: string;
  /** Local time of day, "HH:MM". */
  readonly time: string;
  /** IANA time zone, e.g. "Europe/London". */
  readonly timezone: string;
  readonly roleId: string | null;
}
