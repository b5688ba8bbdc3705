import pino, { type Logger } from 'pino';

export type { Logger };

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Replaces every secret in a string; the token must never reach a log line. */
function scrub(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('[redacted]');
  return out;
}

function scrubValue(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === 'string') return scrub(value, secrets);
  if (value instanceof Error) {
    const copy = new Error(scrub(value.message, secrets));
    copy.name = value.name;
    copy.stack = value.stack === undefined ? undefined : scrub(value.stack, secrets);
    return copy;
  }
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).map(([key, inner]) => [key, scrubValue(inner, secrets)]);
    return Object.fromEntries(entries);
  }
  return value;
}

/** JSON lines on stderr (stdout stays free for command output), secrets scrubbed. */
export function createLogger(level: LogLevel, secrets: readonly string[] = [], destination: pino.DestinationStream = pino.destination(2)): Logger {
  const known = secrets.filter((s) => s.length >= 8);
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: ['token', '*.token', 'authorization', '*.authorization', 'headers.authorization'], censor: '[redacted]' },
      hooks: {
        logMethod(args, method) {
          method.apply(this, (known.length === 0 ? args : args.map((arg) => scrubValue(arg, known))) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}
