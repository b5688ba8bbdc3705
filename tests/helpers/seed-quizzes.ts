import type { Storage } from '../../src/storage/index.ts';

export const DAY = 24 * 3_600_000;
/** The seeded figures are read at this instant. */
export const SEED_NOW = Date.UTC(2026, 10, 20, 12, 0, 0);
export const SEED_GUILD = '410000000000000001';
export const OTHER_GUILD = '410000000000000002';

type Answer = readonly [userId: string, choice: string, correct: boolean];

async function playQuiz(
  storage: Storage,
  guildId: string,
  channelId: string,
  startedAt: number,
  rounds: ReadonlyArray<readonly [itemId: string, level: string, answers: readonly Answer[]]>,
): Promise<void> {
  const sessionId = await storage.quiz.startSession({
    guildId,
    channelId,
    startedBy: 'alice',
    level: 'mixed',
    questionCount: rounds.length,
    seconds: 20,
    startedAt,
  });
  if (sessionId === null) throw new Error('seed: a quiz is already running in that channel');
  for (const [index, [itemId, level, answers]] of rounds.entries()) {
    const round = index + 1;
    const openedAt = startedAt + index * 30_000;
    await storage.quiz.openRound(sessionId, round, itemId, level, openedAt, openedAt + 20_000);
    for (const [order, [userId, choice, correct]] of answers.entries()) {
      await storage.quiz.recordAnswer(sessionId, { round, userId, choice, correct, points: correct ? 10 : 0, answeredAt: openedAt + 1_000 * (order + 1) });
    }
    await storage.quiz.closeRound(sessionId, round, openedAt + 20_000);
  }
  await storage.quiz.endSession(sessionId, 'finished', startedAt + rounds.length * 30_000);
}

/**
 * Quizzes on the mini knowledge base (mc-one: macro, right C of A-C; tf-one: micro, right
 * true; sc-one: mezzo, never asked in SEED_GUILD), ten days and two days before `now`,
 * one round of an item since removed from the knowledge base, and a quiz in another guild.
 */
export async function seedQuizzes(storage: Storage, now = SEED_NOW): Promise<void> {
  await playQuiz(storage, SEED_GUILD, '410000000000000011', now - 10 * DAY, [
    [
      'mc-one',
      'macro',
      [
        ['alice', 'C', true],
        ['bob', 'A', false],
        ['carol', 'A', false],
      ],
    ],
    [
      'tf-one',
      'micro',
      [
        ['alice', 'true', true],
        ['bob', 'false', false],
      ],
    ],
  ]);
  await playQuiz(storage, SEED_GUILD, '410000000000000011', now - 2 * DAY, [
    [
      'mc-one',
      'macro',
      [
        ['alice', 'B', false],
        ['bob', 'C', true],
      ],
    ],
    [
      'tf-one',
      'micro',
      [
        ['alice', 'true', true],
        ['bob', 'true', true],
        ['dave', 'true', true],
      ],
    ],
    ['gone-item', 'macro', [['eve', 'A', true]]],
  ]);
  await playQuiz(storage, OTHER_GUILD, '410000000000000021', now - 1 * DAY, [['sc-one', 'mezzo', [['alice', 'micro', false]]]]);
}
