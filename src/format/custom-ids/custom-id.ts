import { z } from 'zod';
import { ID_MAX_LENGTH } from '../../knowledge/schema.ts';
import { LIMITS } from '../limits.ts';

/**
 * Every button id is `<command>:<part>[:<part>…]`, short and plain; anything else is forged or foreign.
 * The router splits ids with this; each command's codec (beside this file) builds them and parses the parts back.
 */
export const CUSTOM_ID_PATTERN = /^[a-z][a-z-]*(:[A-Za-z0-9_-]{1,64}){1,6}$/;

export const customIdSchema = z
  .string()
  .max(LIMITS.customId)
  .regex(CUSTOM_ID_PATTERN)
  .transform((id) => id.split(':'));

/** A knowledge id (entry, term, quiz item) as it travels in a button; the knowledge schema keeps ids this short. */
export const knowledgeIdPart = z
  .string()
  .regex(/^[a-z0-9-]+$/)
  .max(ID_MAX_LENGTH);

export function customId(command: string, ...parts: readonly (string | number)[]): string {
  return [command, ...parts].join(':');
}
