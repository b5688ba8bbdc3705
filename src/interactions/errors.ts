import { randomBytes } from 'node:crypto';
import type { ReplyPayload } from './types.ts';

/**
 * A refusal meant for the user: thrown from anywhere (a command, a service), it carries its
 * own reply, which the router's one error boundary sends privately, as is.
 */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }

  get reply(): ReplyPayload {
    return { ephemeral: true, content: this.message };
  }
}

/** A short reference a student can quote and an admin can find in the logs. */
export function errorReference(): string {
  return randomBytes(4).toString('hex').toUpperCase().slice(0, 6);
}
