import { describe, expect, test } from 'vitest';
import {
  BASE_POINTS,
  choiceLabel,
  choicesFor,
  correctKey,
  drawItems,
  matchesLevel,
  pointsFor,
  QuizGame,
  quizLevel,
  SPEED_BONUS,
  standings,
} from '../../src/engines/quiz.ts';
import { seededRandom } from '../../src/engines/random.ts';
import { fixtureQuizItems } from '../helpers/quiz-items.ts';

const items = fixtureQuizItems();

describe('drawItems', () => {
  test('is deterministic for a seed and never repeats within a quiz', () => {
    const first = drawItems(items, 'mixed', 20, seededRandom(7)).map((i) => i.id);
    expect(drawItems(items, 'mixed', 20, seededRandom(7)).map((i) => i.id)).toEqual(first);
    expect(new Set(first).size).toBe(20);
    expect(drawItems(items, 'mixed', 20, seededRandom(8)).map((i) => i.id)).not.toEqual(first);
  });

  test.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])('a mixed quiz includes a "which level" scenario (seed %i)', (seed) => {
    expect(drawItems(items, 'mixed', 3, seededRandom(seed)).some((i) => i.kind === 'scenario-level')).toBe(true);
  });

  test.each(['micro', 'mezzo', 'macro'] as const)('a %s quiz only draws items for that level (or general), and "which level?" scenarios', (level) => {
    for (const item of drawItems(items, level, 20, seededRandom(1))) {
      expect(item.level === level || item.level === 'general' || item.kind === 'scenario-level').toBe(true);
    }
  });

  test.each(['micro', 'mezzo', 'macro'] as const)('the quiz level does not give away a scenario’s answer: a %s pool has scenarios of every level', (level) => {
    const scenarios = items.filter((item) => item.kind === 'scenario-level' && matchesLevel(item, level));
    expect(new Set(scenarios.map((item) => item.answer))).toEqual(new Set(['micro', 'mezzo', 'macro']));
  });
});

describe('pointsFor', () => {
  test('rewards speed and nothing for a wrong answer', () => {
    expect(pointsFor(true, 0, 0, 20_000)).toBe(BASE_POINTS + SPEED_BONUS);
    expect(pointsFor(true, 0, 10_000, 20_000)).toBe(BASE_POINTS + Math.round(SPEED_BONUS / 2));
    expect(pointsFor(true, 0, 20_000, 20_000)).toBe(BASE_POINTS);
    expect(pointsFor(false, 0, 0, 20_000)).toBe(0);
  });
});

describe('choicesFor', () => {
  test('gives letters, true/false or the three levels', () => {
    const byKind = (kind: string) => items.find((i) => i.kind === kind)!;
    expect(choicesFor(byKind('multiple-choice')).map((c) => c.key)).toEqual(expect.arrayContaining(['A', 'B']));
    expect(choicesFor(byKind('true-false')).map((c) => c.label)).toEqual(['True', 'False']);
    expect(choicesFor(byKind('scenario-level')).map((c) => c.label)).toEqual(['Micro', 'Mezzo', 'Macro']);
  });
});

describe('QuizGame', () => {
  const three = drawItems(items, 'mixed', 3, seededRandom(3));
  const wrongKey = (item: (typeof three)[number]) => choicesFor(item).find((c) => c.key !== correctKey(item))!.key;

  function play(game: QuizGame, user: string, round: number, key: string, now: number) {
    const outcome = game.press(user, round, key, now);
    if (outcome.kind === 'locked') game.record(outcome.answer);
    return outcome;
  }

  test('runs rounds, scores answers and ranks the players', () => {
    const game = new QuizGame(three, 20);
    let round = game.openNextRound(0);
    expect(play(game, 'ann', 1, correctKey(round.item), 1_000)).toMatchObject({ kind: 'locked', everyoneAnswered: false });
    expect(play(game, 'ben', 1, wrongKey(round.item), 2_000)).toMatchObject({ kind: 'locked', answer: { correct: false, points: 0 } });
    expect(game.closeRound()).toMatchObject({ right: ['ann'], wrong: ['ben'] });

    round = game.openNextRound(30_000);
    expect(play(game, 'ann', 2, correctKey(round.item), 31_000)).toMatchObject({ kind: 'locked', everyoneAnswered: false });
    expect(play(game, 'ben', 2, correctKey(round.item), 32_000)).toMatchObject({ kind: 'locked', everyoneAnswered: true });
    game.closeRound();
    expect(game.hasNextRound).toBe(true);
    expect(game.standings().map((s) => s.userId)).toEqual(['ann', 'ben']);
    expect(game.standings()[0]).toMatchObject({ correct: 2, answered: 2 });
  });

  test('refuses second presses, closed rounds, stale rounds and unknown choices', () => {
    const game = new QuizGame(three, 20);
    const round = game.openNextRound(0);
    play(game, 'ann', 1, correctKey(round.item), 1_000);
    expect(game.press('ann', 1, wrongKey(round.item), 2_000)).toMatchObject({ kind: 'already-answered', choice: correctKey(round.item) });
    expect(game.press('ben', 1, 'Z', 2_000)).toEqual({ kind: 'invalid-choice' });
    expect(game.press('ben', 2, correctKey(round.item), 2_000)).toEqual({ kind: 'round-closed' });
    expect(game.press('ben', 1, correctKey(round.item), 20_001)).toEqual({ kind: 'round-closed' });
    game.closeRound();
    expect(game.press('ben', 1, correctKey(round.item), 3_000)).toEqual({ kind: 'round-closed' });
    expect(game.allAnswers).toHaveLength(1);
  });

  test('a solo starter’s first answer closes the first round early', () => {
    const game = new QuizGame(three, 20, [], 'ann');
    const round = game.openNextRound(0);
    expect(play(game, 'ann', 1, correctKey(round.item), 1_000)).toMatchObject({ kind: 'locked', everyoneAnswered: true });
  });

  test('the first round waits for the starter; later rounds wait for everyone who answered before', () => {
    const game = new QuizGame(three, 20, [], 'ann');
    let round = game.openNextRound(0);
    expect(play(game, 'ben', 1, correctKey(round.item), 1_000)).toMatchObject({ everyoneAnswered: false });
    expect(play(game, 'ann', 1, correctKey(round.item), 2_000)).toMatchObject({ everyoneAnswered: true });
    game.closeRound();
    round = game.openNextRound(30_000);
    expect(play(game, 'ann', 2, correctKey(round.item), 31_000)).toMatchObject({ everyoneAnswered: false });
    expect(play(game, 'ben', 2, correctKey(round.item), 32_000)).toMatchObject({ everyoneAnswered: true });
  });

  test('a first round nobody answered leaves the next waiting for the starter', () => {
    const game = new QuizGame(three, 20, [], 'ann');
    game.openNextRound(0);
    game.closeRound();
    const round = game.openNextRound(30_000);
    expect(play(game, 'ann', 2, correctKey(round.item), 31_000)).toMatchObject({ everyoneAnswered: true });
  });

  test('a locked answer carries the label as its button shows it', () => {
    const scenario = items.find((i) => i.kind === 'scenario-level')!;
    const game = new QuizGame([scenario], 20, [], 'ann');
    game.openNextRound(0);
    expect(play(game, 'ben', 1, 'macro', 1_000)).toMatchObject({ kind: 'locked', label: 'Macro' });
    expect(game.press('ben', 1, 'micro', 2_000)).toMatchObject({ kind: 'already-answered', label: 'Macro' });
    const mc = items.find((i) => i.kind === 'multiple-choice')!;
    expect(choiceLabel(mc, 'B')).toBe(`B: ${choicesFor(mc)[1]!.label}`);
  });

  test('standings break ties by right answers, then by who answered first', () => {
    expect(
      standings([
        { round: 1, userId: 'late', choice: 'A', correct: true, points: 10, answeredAt: 5 },
        { round: 1, userId: 'early', choice: 'A', correct: true, points: 10, answeredAt: 1 },
      ]).map((s) => s.userId),
    ).toEqual(['early', 'late']);
  });
});

describe('quizLevel', () => {
  test.each([
    [null, 'mixed'],
    ['', 'mixed'],
    ['meso', 'mezzo'],
    ['Meso', 'mezzo'],
    ['MEZZO', 'mezzo'],
    ['mezo', 'mezzo'],
    ['micro level', 'micro'],
    ['mirco', 'micro'],
    ['macro', 'macro'],
    ['mixed', 'mixed'],
    ['cosmic', null],
    ['micro or macro', null],
  ])('%j → %j', (typed, level) => {
    expect(quizLevel(typed)).toBe(level);
  });
});
