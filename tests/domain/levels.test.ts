import { describe, expect, test } from 'vitest';
import { isLevel, LEVELS, storedLevel } from '../../src/domain/levels.ts';

describe('levels read back from storage', () => {
  test.each(LEVELS)('%s is a level', (level) => {
    expect(isLevel(level)).toBe(true);
    expect(storedLevel(level)).toBe(level);
  });

  test.each(['Micro', 'meso', 'constructor', ''])('%j is refused, not cast', (value) => {
    expect(isLevel(value)).toBe(false);
    expect(() => storedLevel(value)).toThrow(/unknown level/);
  });
});
