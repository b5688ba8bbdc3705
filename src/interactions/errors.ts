import { randomBytes } from 'node:crypto';

/** An error whose message is meant for the user, shown ephemerally as is. */
export class UserError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserError';
  }
}

/** A short reference a student can quote and an admin can find in the logs. */
export function errorReference(): string {
  return randomBytes(4).toString('hex').toUpperCase().slice(0, 6);
}
