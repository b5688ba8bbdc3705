import { describe, expect, test } from 'vitest';
import { ENGINES, useDatabases } from '../helpers/storage-engines.ts';

describe.each(ENGINES)('repositories [%s]', (engine) => {
  const databases = useDatabases(engine);
  const storage = (now = () => 1_000) => databases.open(now);

  describe('QuizRepo', () => {
    test('allows one running quiz per channel', async () => {
      const s = await storage();
      const base = { guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 3, seconds: 20, startedAt: 1 };
      const first = await s.quiz.startSession(base);
      expect(first).toBeTypeOf('number');
      expect(await s.quiz.startSession(base)).toBeNull();
      expect(await s.quiz.startSession({ ...base, channelId: 'other' })).toBeTypeOf('number');
      await s.quiz.endSession(first!, 'finished', 5);
      expect(await s.quiz.startSession(base)).toBeTypeOf('number');
      expect((await s.quiz.running()).map((r) => r.channelId).sort()).toEqual(['c', 'other']);
      await s.close();
    });

    test('keeps the first answer per user and round', async () => {
      const s = await storage();
      const id = (await s.quiz.startSession({ guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 1, seconds: 20, startedAt: 1 }))!;
      await s.quiz.openRound(id, 1, 'mc-one', 'macro', 1, 100);
      expect(await s.quiz.recordAnswer(id, { round: 1, userId: 'a', choice: 'C', correct: true, points: 15, answeredAt: 10 })).toBe(true);
      expect(await s.quiz.recordAnswer(id, { round: 1, userId: 'a', choice: 'A', correct: false, points: 0, answeredAt: 11 })).toBe(false);
      expect(await s.quiz.answers(id)).toEqual([{ round: 1, userId: 'a', choice: 'C', correct: true, points: 15, answeredAt: 10 }]);
      await s.close();
    });

    test('ranks the leaderboard by points within a period and reports stats per level', async () => {
      const s = await storage();
      const id = (await s.quiz.startSession({ guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 3, seconds: 20, startedAt: 1 }))!;
      const levels = ['micro', 'macro', 'micro'];
      for (const [i, level] of levels.entries()) await s.quiz.openRound(id, i + 1, `item-${i}`, level, 1, 100);
      const answer = (round: number, userId: string, correct: boolean, points: number, answeredAt: number) =>
        s.quiz.recordAnswer(id, { round, userId, choice: 'A', correct, points, answeredAt });
      await answer(1, 'ann', true, 15, 10);
      await answer(2, 'ann', true, 12, 20);
      await answer(3, 'ann', false, 0, 30);
      await answer(1, 'ben', false, 0, 11);
      await answer(2, 'ben', true, 10, 5_000);
      const other = (await s.quiz.startSession({
        guildId: 'elsewhere',
        channelId: 'x',
        startedBy: 'u',
        level: 'mixed',
        questionCount: 1,
        seconds: 20,
        startedAt: 1,
      }))!;
      await s.quiz.openRound(other, 1, 'item', 'micro', 1, 100);
      await s.quiz.recordAnswer(other, { round: 1, userId: 'ben', choice: 'A', correct: true, points: 99, answeredAt: 12 });

      const all = await s.quiz.leaderboard('g', null, 10, 'ben');
      expect(all.top.map((r) => [r.rank, r.userId, r.points])).toEqual([
        [1, 'ann', 27],
        [2, 'ben', 10],
      ]);
      expect(all.own).toMatchObject({ rank: 2, userId: 'ben', answered: 2, correct: 1 });
      expect((await s.quiz.leaderboard('g', 1_000, 10)).top.map((r) => r.userId)).toEqual(['ben']);
      expect(await s.quiz.leaderboard('g', null, 1, 'ben')).toMatchObject({ top: [{ userId: 'ann' }], own: { rank: 2 } });

      expect(await s.quiz.stats('g', 'ann')).toEqual({
        answered: 3,
        correct: 2,
        quizzes: 1,
        bestStreak: 2,
        byLevel: [
          { level: 'macro', answered: 1, correct: 1 },
          { level: 'micro', answered: 2, correct: 1 },
        ],
      });
      expect(await s.quiz.stats('g', 'nobody')).toMatchObject({ answered: 0, bestStreak: 0, byLevel: [] });
      await s.close();
    });
  });

  describe('TermRepo', () => {
    test('records one post per server and local date, pending first', async () => {
      const s = await storage();
      expect(await s.terms.recordPending('g', '2026-03-08', 'empathy', 'c', 'host-a')).toBe(true);
      expect(await s.terms.recordPending('g', '2026-03-08', 'advocacy', 'c', 'host-b')).toBe(false);
      expect(await s.terms.pending()).toHaveLength(1);
      await s.terms.markPosted('g', '2026-03-08', 'm1');
      expect(await s.terms.get('g', '2026-03-08')).toMatchObject({ termId: 'empathy', status: 'posted', messageId: 'm1' });
      expect(await s.terms.pending()).toEqual([]);
      await s.terms.recordPending('g', '2026-03-09', 'advocacy', 'c', 'host-a');
      await s.terms.markFailed('g', '2026-03-09');
      expect(await s.terms.history('g')).toEqual(['empathy']);
      await s.close();
    });
  });

  describe('AskLogRepo', () => {
    test('keeps one vote per user per answer and lists gaps most frequent first', async () => {
      const s = await storage();
      await s.askLog.vote('micro-definition', 'a', 1, 'g');
      await s.askLog.vote('micro-definition', 'a', -1, 'g');
      await s.askLog.vote('micro-definition', 'b', -1, 'g');
      await s.askLog.vote('macro-definition', 'a', 1, 'g');
      expect((await s.askLog.gaps()).downvoted).toEqual([{ answerId: 'micro-definition', down: 2, up: 0 }]);
      await s.askLog.logUnanswered('g', 'how do I bake bread', 'out-of-scope');
      await s.askLog.logUnanswered('g', 'What is a genogram?', 'out-of-scope');
      await s.askLog.logUnanswered(null, 'what is a genogram? ', 'unsure');
      await s.askLog.logUnanswered('g', 'x'.repeat(5000), 'out-of-scope');
      const gaps = await s.askLog.gaps();
      expect(gaps.unanswered[0]).toMatchObject({ times: 2 });
      expect(gaps.unanswered[0]?.question.toLowerCase()).toContain('genogram');
      expect(Math.max(...gaps.unanswered.map((g) => g.question.length))).toBe(500);
      expect(gaps.downvoted).toEqual([{ answerId: 'micro-definition', down: 2, up: 0 }]);
      await s.close();
    });
  });

  describe('AskLogRepo scopes', () => {
    test('scopes gaps to one server and a start time', async () => {
      let time = 1_000;
      const s = await storage(() => time);
      await s.askLog.logUnanswered('g', 'old question', 'out-of-scope');
      await s.askLog.vote('micro-definition', 'a', -1, 'g');
      time = 5_000;
      await s.askLog.logUnanswered('g', 'new question', 'out-of-scope');
      await s.askLog.logUnanswered('other', 'elsewhere', 'unsure');
      await s.askLog.vote('macro-definition', 'a', -1, 'other');
      const recent = await s.askLog.gaps(50, { guildId: 'g', since: 2_000 });
      expect(recent.unanswered.map((g) => g.question)).toEqual(['new question']);
      expect(recent.downvoted).toEqual([]);
      expect((await s.askLog.gaps(50, { guildId: 'g' })).downvoted).toEqual([{ answerId: 'micro-definition', down: 1, up: 0 }]);
      expect((await s.askLog.gaps()).unanswered.map((g) => g.question).sort()).toEqual(['elsewhere', 'new question', 'old question']);
      await s.close();
    });

    test('names each queued question by an increasing id that the written row keeps', async () => {
      const s = await storage();
      const first = s.askLog.logUnanswered('g', 'first', 'out-of-scope');
      const second = s.askLog.logUnanswered('g', 'second', 'out-of-scope');
      expect(second).toBeGreaterThan(first);
      await s.askLog.flush();
      expect(await s.sql.all('SELECT id, question FROM unanswered_questions ORDER BY id')).toEqual([
        { id: first, question: 'first' },
        { id: second, question: 'second' },
      ]);
      await s.close();
    });
  });

  describe('ItemReportRepo', () => {
    test('counts reports per user since a time and summarises them per item, most reported first', async () => {
      let time = 1_000;
      const s = await storage(() => time);
      await s.itemReports.add({ kind: 'entry', itemId: 'micro-definition', reason: 'wrong', comment: 'a typo', userId: 'a', guildId: 'g' });
      time = 2_000;
      await s.itemReports.add({ kind: 'entry', itemId: 'micro-definition', reason: 'wrong', comment: null, userId: 'b', guildId: 'g' });
      await s.itemReports.add({ kind: 'entry', itemId: 'micro-definition', reason: 'unclear', comment: 'hard to follow', userId: 'a', guildId: 'g' });
      time = 3_000;
      await s.itemReports.add({ kind: 'quiz', itemId: 'mc-one', reason: 'outdated', comment: null, userId: 'a', guildId: null });
      expect(await s.itemReports.countBy('a', 0)).toBe(3);
      expect(await s.itemReports.countBy('a', 2_000)).toBe(2);
      expect(await s.itemReports.countBy('nobody', 0)).toBe(0);
      expect(await s.itemReports.summary()).toEqual([
        {
          kind: 'entry',
          itemId: 'micro-definition',
          reports: 3,
          reasons: [
            { reason: 'wrong', times: 2 },
            { reason: 'unclear', times: 1 },
          ],
          lastComment: 'hard to follow',
          lastReportedAt: 2_000,
        },
        { kind: 'quiz', itemId: 'mc-one', reports: 1, reasons: [{ reason: 'outdated', times: 1 }], lastComment: null, lastReportedAt: 3_000 },
      ]);
      expect((await s.itemReports.summary(50, { guildId: 'g', since: 1_500 })).map((r) => r.reports)).toEqual([2]);
      expect(await s.itemReports.summary(1)).toHaveLength(1);
      await s.close();
    });
  });

  describe('PickRepo', () => {
    test('keeps one pick per student, question and entry, and ignores picks of unknown questions', async () => {
      const s = await storage();
      const id = s.askLog.logUnanswered('g', 'what is a genogrm', 'unsure');
      s.askLog.logUnanswered('g', 'another question', 'out-of-scope');
      await s.askLog.flush();
      expect(await s.picks.record(id, 'genogram', 'a')).toBe(true);
      expect(await s.picks.record(id, 'genogram', 'a')).toBe(false);
      expect(await s.picks.record(id, 'genogram', 'b')).toBe(true);
      expect(await s.picks.record(id + 1_000_000, 'genogram', 'a')).toBe(false);
      expect(await s.picks.all()).toEqual([
        { question: 'what is a genogrm', docId: 'genogram' },
        { question: 'what is a genogrm', docId: 'genogram' },
      ]);
      expect(await s.picks.unansweredQuestions()).toEqual(['what is a genogrm', 'another question']);
      await s.close();
    });
  });

  describe('two processes sharing one database', () => {
    test('one of them claims the day: the first insert wins, whoever runs it', async () => {
      const where = await databases.location();
      const [a, b] = [await databases.open(() => 1_000, where), await databases.open(() => 1_000, where)];
      const claims = await Promise.all(
        [a, b].flatMap((s, i) => ['2026-03-08', '2026-03-09'].map((date) => s.terms.recordPending('g', date, `term-${i}`, 'c', `host-${i}`))),
      );
      expect(claims.filter(Boolean)).toHaveLength(2);
      expect((await a.terms.pending()).map((p) => [p.localDate, p.claimedBy !== null])).toEqual([
        ['2026-03-08', true],
        ['2026-03-09', true],
      ]);
    });

    test('a claim is taken over only from its own earlier life or once stale, and a retry is open to anyone', async () => {
      let now = 10_000;
      const s = await storage(() => now);
      await s.terms.recordPending('g', '2026-03-08', 'empathy', 'c', 'host-a/shards 0');
      expect(await s.terms.claim('g', '2026-03-08', 'host-b/shards 0', 5_000)).toBe(false);
      expect(await s.terms.claim('g', '2026-03-08', 'host-a/shards 0', 5_000)).toBe(true);
      now = 20_000;
      expect(await s.terms.claim('g', '2026-03-08', 'host-b/shards 0', 15_000)).toBe(true);
      expect(await s.terms.get('g', '2026-03-08')).toMatchObject({ claimedBy: 'host-b/shards 0', claimedAt: 20_000 });
      await s.terms.retryAt('g', '2026-03-08', 30_000);
      expect(await s.terms.get('g', '2026-03-08')).toMatchObject({ claimedBy: null, attempts: 1, nextAttemptAt: 30_000 });
      expect(await s.terms.claim('g', '2026-03-08', 'host-c/shards 1', 0)).toBe(true);
      await s.terms.markPosted('g', '2026-03-08', 'm1');
      expect(await s.terms.claim('g', '2026-03-08', 'host-c/shards 1', Number.MAX_SAFE_INTEGER)).toBe(false);
    });

    test('one running quiz per channel and one answer per user and round, across connections', async () => {
      const where = await databases.location();
      const [a, b] = [await databases.open(() => 1_000, where), await databases.open(() => 1_000, where)];
      const base = { guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 1, seconds: 20, startedAt: 1 };
      const ids = await Promise.all([a.quiz.startSession(base), b.quiz.startSession(base)]);
      expect(ids.filter((id) => id !== null)).toHaveLength(1);
      const id = ids.find((x) => x !== null)!;
      await a.quiz.openRound(id, 1, 'mc-one', 'macro', 1, 100);
      const saved = await Promise.all([
        a.quiz.recordAnswer(id, { round: 1, userId: 'ann', choice: 'A', correct: false, points: 0, answeredAt: 5 }),
        b.quiz.recordAnswer(id, { round: 1, userId: 'ann', choice: 'C', correct: true, points: 15, answeredAt: 6 }),
      ]);
      expect(saved.filter(Boolean)).toHaveLength(1);
      expect(await b.quiz.answers(id)).toHaveLength(1);
    });
  });

  describe('SettingsRepo and PracticeRepo', () => {
    test('keep study channels, the term schedule and practice cards', async () => {
      const s = await storage();
      expect(await s.settings.addStudyChannel('g', 'c1')).toBe(true);
      expect(await s.settings.addStudyChannel('g', 'c1')).toBe(false);
      expect(await s.settings.isStudyChannel('g', 'c1')).toBe(true);
      await s.settings.setTermSchedule('g', { channelId: 't', time: '09:00', timezone: 'Europe/London', roleId: null });
      await s.settings.setTermProblem('g', 'no permission');
      expect(await s.settings.get('g')).toEqual({
        guildId: 'g',
        studyChannelIds: ['c1'],
        termSchedule: { channelId: 't', time: '09:00', timezone: 'Europe/London', roleId: null },
        termProblem: 'no permission',
      });
      expect((await s.settings.scheduledGuilds()).map((g) => g.guildId)).toEqual(['g']);
      expect(await s.settings.removeStudyChannel('g', 'c1')).toBe(true);
      expect(await s.settings.removeStudyChannel('g', 'c1')).toBe(false);
      const card = (dueAt: number, reps: number) => ({
        itemId: 'mc-one',
        state: 2,
        stability: 3.5,
        difficulty: 5.25,
        dueAt,
        scheduledDays: 3,
        learningSteps: 0,
        reps,
        lapses: 0,
        lastReviewAt: 4_000,
      });
      expect(await s.practice.save('u', card(5_000, 1), true, 0, '2026-12-01')).toBe(true);
      expect(await s.practice.save('u', card(7_000, 1), true, 0, '2026-12-01')).toBe(false);
      expect(await s.practice.save('u', card(9_000, 2), false, 1, '2026-12-02')).toBe(true);
      expect(await s.practice.save('u', card(9_500, 3), true, 1, '2026-12-02')).toBe(false);
      expect(await s.practice.cards('u')).toEqual([{ ...card(9_000, 2), reviews: 2, correct: 1 }]);
      expect(await s.practice.card('u', 'other')).toBeUndefined();
      expect(await s.practice.introducedOn('u', '2026-12-01')).toBe(1);
      expect(await s.practice.introducedOn('u', '2026-12-02')).toBe(0);
      expect(await s.practice.dueCount('u', 8_999)).toBe(0);
      expect(await s.practice.dueCount('u', 9_000)).toBe(1);
      await s.close();
    });
  });

  describe('StudentRepo', () => {
    test('keeps a student’s zone and reminder, shows a notice once, and claims one streak note a day', async () => {
      const s = await storage();
      expect(await s.students.get('u')).toEqual({ timezone: null, reminder: null });
      await s.students.setTimezone('u', 'Europe/London');
      await s.students.setReminder('u', { time: '18:00', timezone: 'Asia/Tokyo' });
      expect(await s.students.get('u')).toEqual({ timezone: 'Europe/London', reminder: { userId: 'u', time: '18:00', timezone: 'Asia/Tokyo' } });
      expect(await s.students.reminders()).toEqual([{ userId: 'u', time: '18:00', timezone: 'Asia/Tokyo' }]);
      await s.students.setReminder('u', null, 'reminders are off');
      expect((await s.students.get('u')).reminder).toBeNull();
      expect(await s.students.reminders()).toEqual([]);
      expect(await s.students.takeNotice('u')).toBe('reminders are off');
      expect(await s.students.takeNotice('u')).toBeNull();
      expect(await s.students.claimStreakNote('u', '2026-12-01')).toBe(true);
      expect(await s.students.claimStreakNote('u', '2026-12-01')).toBe(false);
      expect(await s.students.claimStreakNote('u', '2026-12-02')).toBe(true);
      expect(await s.students.claimStreakNote('new', '2026-12-02')).toBe(true);
      await s.close();
    });

    test('lists study times from quiz answers and study events', async () => {
      const s = await storage();
      const id = (await s.quiz.startSession({ guildId: 'g', channelId: 'c', startedBy: 'u', level: 'mixed', questionCount: 1, seconds: 20, startedAt: 1 }))!;
      await s.quiz.openRound(id, 1, 'mc-one', 'macro', 1, 100);
      await s.quiz.recordAnswer(id, { round: 1, userId: 'u', choice: 'A', correct: true, points: 10, answeredAt: 50 });
      await s.students.recordStudy('u', 'practice', 70);
      await s.students.recordStudy('u', 'quiz-me', 90);
      await s.students.recordStudy('other', 'practice', 80);
      expect((await s.students.studyTimes('u')).sort((a, b) => a - b)).toEqual([50, 70, 90]);
      await s.close();
    });

    test('records one reminder a day before it is sent, then its channel and outcome', async () => {
      let time = 1_000;
      const s = await storage(() => time);
      expect(await s.students.recordReminder('u', '2026-12-01', 2)).toBe(true);
      expect(await s.students.recordReminder('u', '2026-12-01', 3)).toBe(false);
      expect(await s.students.recordReminder('v', '2026-12-01', 0)).toBe(true);
      expect(await s.students.pendingReminders()).toEqual([
        { userId: 'u', localDate: '2026-12-01', status: 'pending', dueCount: 2, channelId: null, createdAt: 1_000 },
      ]);
      await s.students.setReminderChannel('u', '2026-12-01', 'dm');
      time = 2_000;
      await s.students.markReminder('u', '2026-12-01', 'sent', 'm1');
      expect(await s.students.reminderSend('u', '2026-12-01')).toEqual({
        userId: 'u',
        localDate: '2026-12-01',
        status: 'sent',
        dueCount: 2,
        channelId: 'dm',
        createdAt: 1_000,
      });
      expect(await s.students.reminderSend('v', '2026-12-01')).toMatchObject({ status: 'none-due' });
      expect(await s.students.reminderSend('u', '2026-12-02')).toBeUndefined();
      expect(await s.students.pendingReminders()).toEqual([]);
      await s.close();
    });
  });
});
