/** The three levels of social work practice, and `general` for what spans them. */
export const LEVELS = ['micro', 'mezzo', 'macro', 'general'] as const;
export type Level = (typeof LEVELS)[number];
export const PRACTICE_LEVELS = ['micro', 'mezzo', 'macro'] as const;
export type PracticeLevel = (typeof PRACTICE_LEVELS)[number];

const LEVEL_SET: ReadonlySet<string> = new Set(LEVELS);

export function isLevel(value: string): value is Level {
  return LEVEL_SET.has(value);
}

/** A level read back from the database: only the knowledge schema's levels are ever written, so anything else is corruption. */
export function storedLevel(value: string): Level {
  if (!isLevel(value)) throw new Error(`unknown level in the database: ${JSON.stringify(value)}`);
  return value;
}
