import { describe, expect, test } from 'vitest';
import { UserError } from '../../src/interactions/errors.ts';
import { ReplyOnce } from '../../src/interactions/reply-once.ts';

describe('ReplyOnce', () => {
  test('one first answer, then only follow-ups, as Discord allows', () => {
    const answering = new ReplyOnce();
    expect(() => answering.followUp()).toThrow(/not been sent/);
    expect(answering.replied).toBe(false);
    answering.answer();
    expect(answering.replied).toBe(true);
    expect(() => answering.followUp()).not.toThrow();
    expect(() => answering.answer()).toThrow(/already been sent/);
  });
});

describe('UserError', () => {
  test('knows its reply: private, its message as is', () => {
    expect(new UserError('Pick a text channel for `channel`.').reply).toEqual({ ephemeral: true, content: 'Pick a text channel for `channel`.' });
  });
});
