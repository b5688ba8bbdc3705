import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { openStorage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
function storage(now = () => 1_000) {
  return openStorage(path.join(tempDir(), 'repos.sqlite'), now);
}

describe('QuizRepo', () => {
  test('allows one running quiz per channel', () => {
    const s = storage();
    const base = { guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 3, seconds: 20, startedAt: 1 };
    const first = s.quiz.startSession(base);
    expect(first).toBeTypeOf('number');
    expect(s.quiz.startSession(base)).toBeNull();
    expect(s.quiz.startSession({ ...base, channelId: 'other' })).toBeTypeOf('number');
    s.quiz.endSession(first!, 'finished', 5);
    expect(s.quiz.startSession(base)).toBeTypeOf('number');
    expect(s.quiz.running().map((r) => r.channelId).sort()).toEqual(['c', 'other']);
    s.close();
  });

  test('keeps the first answer per user and round', () => {
    const s = storage();
    const id = s.quiz.startSession({ guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 1, seconds: 20, startedAt: 1 })!;
    s.quiz.openRound(id, 1, 'mc-one', 'macro', 1, 100);
    expect(s.quiz.recordAnswer(id, { round: 1, userId: 'a', choice: 'C', correct: true, points: 15, answeredAt: 10 })).toBe(true);
    expect(s.quiz.recordAnswer(id, { round: 1, userId: 'a', choice: 'A', correct: false, points: 0, answeredAt: 11 })).toBe(false);
    expect(s.quiz.answers(id)).toEqual([{ round: 1, userId: 'a', choice: 'C', correct: true, points: 15, answeredAt: 10 }]);
    s.close();
  });

  test('ranks the leaderboard by points within a period and reports stats per level', () => {
    const s = storage();
    const id = s.quiz.startSession({ guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 3, seconds: 20, startedAt: 1 })!;
    const levels = ['micro', 'macro', 'micro'];
    levels.forEach((level, i) => s.quiz.openRound(id, i + 1, `item-${i}`, level, 1, 100));
    const answer = (round: number, userId: string, correct: boolean, points: number, answeredAt: number) =>
      s.quiz.recordAnswer(id, { round, userId, choice: 'A', correct, points, answeredAt });
    answer(1, 'ann', true, 15, 10);
    answer(2, 'ann', true, 12, 20);
    answer(3, 'ann', false, 0, 30);
    answer(1, 'ben', false, 0, 11);
    answer(2, 'ben', true, 10, 5_000);
    const other = s.quiz.startSession({ guildId: 'elsewhere', channelId: 'x', startedBy: 'u', level: 'mixed', questionCount: 1, seconds: 20, startedAt: 1 })!;
    s.quiz.openRound(other, 1, 'item', 'micro', 1, 100);
    s.quiz.recordAnswer(other, { round: 1, userId: 'ben', choice: 'A', correct: true, points: 99, answeredAt: 12 });

    const all = s.quiz.leaderboard('g', null, 10, 'ben');
    expect(all.top.map((r) => [r.rank, r.userId, r.points])).toEqual([[1, 'ann', 27], [2, 'ben', 10]]);
    expect(all.own).toMatchObject({ rank: 2, userId: 'ben', answered: 2, correct: 1 });
    expect(s.quiz.leaderboard('g', 1_000, 10).top.map((r) => r.userId)).toEqual(['ben']);
    expect(s.quiz.leaderboard('g', null, 1, 'ben')).toMatchObject({ top: [{ userId: 'ann' }], own: { rank: 2 } });

    expect(s.quiz.stats('g', 'ann')).toEqual({
      answered: 3,
      correct: 2,
      quizzes: 1,
      bestStreak: 2,
      byLevel: [{ level: 'macro', answered: 1, correct: 1 }, { level: 'micro', answered: 2, correct: 1 }],
    });
    expect(s.quiz.stats('g', 'nobody')).toMatchObject({ answered: 0, bestStreak: 0, byLevel: [] });
    s.close();
  });
});

describe('TermRepo', () => {
  test('records one post per server and local date, pending first', () => {
    const s = storage();
    expect(s.terms.recordPending('g', '2026-03-08', 'empathy', 'c')).toBe(true);
    expect(s.terms.recordPending('g', '2026-03-08', 'advocacy', 'c')).toBe(false);
    expect(s.terms.pending()).toHaveLength(1);
    s.terms.markPosted('g', '2026-03-08', 'm1');
    expect(s.terms.get('g', '2026-03-08')).toMatchObject({ termId: 'empathy', status: 'posted', messageId: 'm1' });
    expect(s.terms.pending()).toEqual([]);
    s.terms.recordPending('g', '2026-03-09', 'advocacy', 'c');
    s.terms.markFailed('g', '2026-03-09');
    expect(s.terms.history('g')).toEqual(['empathy']);
    s.close();
  });
});

describe('AskLogRepo', () => {
  test('keeps one vote per user per answer and lists gaps most frequent first', () => {
    const s = storage();
    s.askLog.vote('micro-definition', 'a', 1, 'g');
    s.askLog.vote('micro-definition', 'a', -1, 'g');
    s.askLog.vote('micro-definition', 'b', -1, 'g');
    s.askLog.vote('macro-definition', 'a', 1, 'g');
    expect(s.askLog.votes('micro-definition')).toEqual({ up: 0, down: 2 });
    s.askLog.logUnanswered('g', 'how do I bake bread', 'out-of-scope');
    s.askLog.logUnanswered('g', 'What is a genogram?', 'out-of-scope');
    s.askLog.logUnanswered(null, 'what is a genogram? ', 'unsure');
    s.askLog.logUnanswered('g', 'x'.repeat(5000), 'out-of-scope');
    const gaps = s.askLog.gaps();
    expect(gaps.unanswered[0]).toMatchObject({ times: 2 });
    expect(gaps.unanswered[0]?.question.toLowerCase()).toContain('genogram');
    expect(Math.max(...gaps.unanswered.map((g) => g.question.length))).toBe(500);
    expect(gaps.downvoted).toEqual([{ answerId: 'micro-definition', down: 2, up: 0 }]);
    s.close();
  });
});
