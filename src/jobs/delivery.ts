import { hashSeed } from '../engines/random.ts';

/**
 * What the scheduled posts (term of the day, practice reminders) share to be sent once:
 * a nonce per delivery, a look back through the channel before sending again, and which
 * Discord failures are worth retrying.
 */

/** A pending delivery is looked for among at most this many messages since its intent. */
export const HISTORY_LIMIT = 1_000;
/** Looks a little before the recorded intent, in case the clocks disagree. */
export const CLOCK_SKEW_MS = 60_000;

/** Discord's "Cannot send messages to this user": DMs closed, or no server in common. */
export const CANNOT_DM_USER = 50007;

/** A failure that trying again will not fix, whatever Discord said. */
export class PermanentError extends Error {}

/** Discord's answer status, when the error is one (discord.js's DiscordAPIError and HTTPError carry it). */
export function statusOf(error: unknown): number | undefined {
  const status = (error as { status?: unknown } | null)?.status;
  return typeof status === 'number' ? status : undefined;
}

/** Discord's JSON error code (50007, 10003…), when the error carries one. */
export function codeOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** 4xx other than 429 will not change by trying again; 5xx, 429 and network failures may. */
export function isPermanent(error: unknown): boolean {
  const status = statusOf(error);
  return error instanceof PermanentError || (status !== undefined && status >= 400 && status < 500 && status !== 429);
}

/** The same for every attempt at one delivery of one local date (Discord allows 25 characters). */
export function deliveryNonce(kind: 't' | 'r', key: string, date: string): string {
  return `${kind}${hashSeed(`${key}:${date}`).toString(36)}${date.replaceAll('-', '')}`;
}
