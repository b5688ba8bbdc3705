import { describe, expect, test } from 'vitest';
import { isFollowUp, withContext } from '../../src/engines/follow-up.ts';

describe('follow-ups', () => {
  test.each(['and mezzo?', 'what about jobs for that level', 'can you explain that simpler', 'how about macro', 'examples?', 'jobs'])(
    '%j is a follow-up',
    (question) => {
      expect(isFollowUp(question)).toBe(true);
    },
  );
  test.each(['what is micro social work', 'how do micro and macro differ', 'examples of advocacy'])('%j stands on its own', (question) => {
    expect(isFollowUp(question)).toBe(false);
  });

  test('carries the previous question over to another level', () => {
    expect(withContext('and mezzo?', { question: 'what is micro social work' })).toBe('what is mezzo social work');
  });
  test('resolves "that level" to the previous question\'s level', () => {
    expect(withContext('what about jobs for that level', { question: 'what is macro' })).toBe('what about jobs for that level macro');
  });
  test('a bare "examples?" asks for examples of the previous question\'s level', () => {
    expect(withContext('examples?', { question: 'define macro' })).toBe('examples? macro');
  });
  test('asks the previous question again when asked to simplify', () => {
    expect(withContext('can you explain that simpler', { question: 'what is mezzo' })).toBe('what is mezzo');
  });
});
