import { describe, expect, test } from 'vitest';
import { QUIZ_LIMITS } from '../../src/engines/quiz.ts';
import { askButtonId, askButtonParts } from '../../src/format/custom-ids/ask.ts';
import { customIdSchema } from '../../src/format/custom-ids/custom-id.ts';
import { quizButtonId, quizButtonParts } from '../../src/format/custom-ids/quiz.ts';
import { reportId, reportParts, shareButtonId, shareButtonParts } from '../../src/format/custom-ids/share-report.ts';
import { termButtonId, termButtonParts } from '../../src/format/custom-ids/term.ts';
import { LIMITS } from '../../src/format/limits.ts';
import { ID_MAX_LENGTH } from '../../src/knowledge/schema.ts';

/** The longest parts each codec accepts: the longest knowledge id, the longest choice key, huge counters. */
const longId = 'a'.repeat(ID_MAX_LENGTH);
const longest = { id: longId };

const cases: ReadonlyArray<[string, string, { safeParse(parts: unknown): { success: boolean; data?: unknown } }, unknown]> = [
  ['ask show', askButtonId.show({ id: `term:${longId}` }), askButtonParts, ['show', 't', longId]],
  ['ask vote', askButtonId.vote(longest, 'down'), askButtonParts, ['vote', 'down', 'e', longId]],
  ['ask pick', askButtonId.pick(Number.MAX_SAFE_INTEGER, longest), askButtonParts, ['pick', Number.MAX_SAFE_INTEGER, 'e', longId]],
  [
    'quiz answer',
    quizButtonId.answer(Number.MAX_SAFE_INTEGER, QUIZ_LIMITS.maxQuestions, 'false'),
    quizButtonParts,
    ['a', Number.MAX_SAFE_INTEGER, QUIZ_LIMITS.maxQuestions, 'false'],
  ],
  ['quiz closed', quizButtonId.closed('false'), quizButtonParts, ['closed', 'false']],
  [
    'quiz practice answer',
    quizButtonId.practiceAnswer('mixed', longId, 'false', 999_999, 8.64e15),
    quizButtonParts,
    ['p', 'mixed', longId, 'false', 999_999, (8.64e12).toString(36)],
  ],
  ['quiz reminder practice', quizButtonId.remindPractice(), quizButtonParts, ['rp']],
  ['quiz reminder off', quizButtonId.remindOff(), quizButtonParts, ['ro']],
  ['quiz practice next', quizButtonId.practiceNext('mezzo', longId), quizButtonParts, ['pn', 'mezzo', longId]],
  ['quiz practice stop', quizButtonId.practiceStop(), quizButtonParts, ['ps']],
  ['term quiz me', termButtonId.quizMe(longest), termButtonParts, ['q', longId]],
  ['term answer', termButtonId.answer(longest, longest), termButtonParts, ['qa', longId, longId]],
  ['term show', termButtonId.show(longest), termButtonParts, ['show', longId]],
  ['share copy', shareButtonId.copy(), shareButtonParts, ['copy']],
  ['report open', reportId.open({ kind: 'quiz', id: longId }), reportParts, { step: 'open', item: { kind: 'quiz', id: longId } }],
  ['report send', reportId.send({ kind: 'term', id: longId }), reportParts, { step: 'send', item: { kind: 'term', id: longId } }],
];

describe('custom id codecs', () => {
  test.each(cases)('%s: the longest id fits Discord’s limit and decodes to what was encoded', (_name, id, parts, decoded) => {
    expect(id.length).toBeLessThanOrEqual(LIMITS.customId);
    const split = customIdSchema.safeParse(id);
    expect(split.success).toBe(true);
    const [, ...rest] = split.data ?? [];
    expect(parts.safeParse(rest)).toEqual({ success: true, data: decoded });
  });

  test.each([
    ['a knowledge id one character too long', termButtonParts, ['show', 'a'.repeat(ID_MAX_LENGTH + 1)]],
    ['an unknown level', quizButtonParts, ['pn', 'cosmic', 'mc-x']],
    ['a round past the last question', quizButtonParts, ['a', 1, QUIZ_LIMITS.maxQuestions + 1, 'A']],
    ['an unknown doc kind', askButtonParts, ['show', 'x', 'micro-definition']],
    ['a word that names an object member', askButtonParts, ['vote', 'constructor', 'e', 'micro-definition']],
    ['a report on an unknown kind of item', reportParts, ['open', 'x', 'micro-definition']],
    ['a report step that does not exist', reportParts, ['close', 'e', 'micro-definition']],
  ] as const)('rejects %s', (_name, parts, forged) => {
    expect(parts.safeParse(forged).success).toBe(false);
  });

  test('the router rejects ids with foreign characters or too many parts', () => {
    expect(customIdSchema.safeParse('quiz:a:1:1:A').success).toBe(true);
    expect(customIdSchema.safeParse('quiz:a b').success).toBe(false);
    expect(customIdSchema.safeParse('quiz:1:2:3:4:5:6:7').success).toBe(false);
    expect(customIdSchema.safeParse(`quiz:${'a'.repeat(LIMITS.customId)}`).success).toBe(false);
  });
});
