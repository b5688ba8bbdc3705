import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { activityStart, activityStrip, classReport, periodStart, reportLevel, reportPeriod } from '../../src/engines/class-report.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { openStorage } from '../../src/storage/index.ts';
import { MINI_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';
import { DAY, OTHER_GUILD, SEED_GUILD, SEED_NOW, seedQuizzes } from '../helpers/seed-quizzes.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const items = loadKnowledge(MINI_KNOWLEDGE_DIR).quiz;

async function seededRepo() {
  const storage = await openStorage(path.join(tempDir(), 'report.sqlite'));
  await seedQuizzes(storage);
  return { storage, repo: storage.report };
}

describe('the class report on a seeded database', () => {
  test('all time, every level: participation, accuracy per level, per-item figures, most missed, unseen', async () => {
    const { storage, repo } = await seededRepo();
    const report = classReport(items, await repo.rows(SEED_GUILD, periodStart('all', SEED_NOW)), { period: 'all', level: 'all' });
    await storage.close();
    expect({ players: report.players, quizzes: report.quizzes, answers: report.answers }).toEqual({ players: 5, quizzes: 2, answers: 11 });
    // gone-item (no longer in the knowledge base) still counts for macro.
    expect(report.byLevel).toEqual([
      { level: 'micro', answers: 5, right: 4 },
      { level: 'mezzo', answers: 0, right: 0 },
      { level: 'macro', answers: 6, right: 3 },
    ]);
    const byId = new Map(report.items.map((item) => [item.id, item]));
    expect([...byId.keys()]).toEqual(['mc-one', 'tf-one', 'sc-one']);
    expect(byId.get('mc-one')).toMatchObject({ level: 'macro', kind: 'multiple-choice', asked: 2, right: 2, wrong: 3 });
    expect(byId.get('mc-one')!.options).toEqual([
      { key: 'A', label: 'Micro', correct: false, count: 2, share: 0.4 },
      { key: 'B', label: 'Mezzo', correct: false, count: 1, share: 0.2 },
      { key: 'C', label: 'Macro', correct: true, count: 2, share: 0.4 },
    ]);
    expect(byId.get('tf-one')).toMatchObject({ asked: 2, right: 4, wrong: 1 });
    expect(byId.get('tf-one')!.options.map((o) => [o.key, o.count, o.share])).toEqual([
      ['true', 4, 0.8],
      ['false', 1, 0.2],
    ]);
    expect(byId.get('sc-one')).toMatchObject({ asked: 0, right: 0, wrong: 0 });
    expect(byId.get('sc-one')!.options.every((o) => o.count === 0 && o.share === null)).toBe(true);
    expect(report.mostMissed.map((item) => [item.id, item.wrong])).toEqual([
      ['mc-one', 3],
      ['tf-one', 1],
    ]);
    expect(report.unseen.map((item) => item.id)).toEqual(['sc-one']);
  });

  test('the last week leaves out the quiz of ten days ago', async () => {
    const { storage, repo } = await seededRepo();
    const report = classReport(items, await repo.rows(SEED_GUILD, periodStart('week', SEED_NOW)), { period: 'week', level: 'all' });
    await storage.close();
    expect({ players: report.players, quizzes: report.quizzes, answers: report.answers }).toEqual({ players: 4, quizzes: 1, answers: 6 });
    expect(report.byLevel).toEqual([
      { level: 'micro', answers: 3, right: 3 },
      { level: 'mezzo', answers: 0, right: 0 },
      { level: 'macro', answers: 3, right: 2 },
    ]);
    expect(report.mostMissed.map((item) => [item.id, item.asked, item.right, item.wrong])).toEqual([['mc-one', 1, 1, 1]]);
    expect(report.unseen.map((item) => item.id)).toEqual(['sc-one']);
  });

  test('one level narrows every figure to it; another guild sees only its own quiz', async () => {
    const { storage, repo } = await seededRepo();
    const micro = classReport(items, await repo.rows(SEED_GUILD, 0), { period: 'all', level: 'micro' });
    const other = classReport(items, await repo.rows(OTHER_GUILD, 0), { period: 'all', level: 'all' });
    const guilds = await repo.guildsWithQuizzes();
    await storage.close();
    expect({ players: micro.players, quizzes: micro.quizzes, answers: micro.answers }).toEqual({ players: 3, quizzes: 2, answers: 5 });
    expect(micro.byLevel).toEqual([{ level: 'micro', answers: 5, right: 4 }]);
    expect(micro.items.map((item) => item.id)).toEqual(['tf-one']);
    expect(micro.unseen).toEqual([]);
    expect({ players: other.players, quizzes: other.quizzes, answers: other.answers }).toEqual({ players: 1, quizzes: 1, answers: 1 });
    expect(other.mostMissed.map((item) => [item.id, item.options.map((o) => o.count)])).toEqual([['sc-one', [1, 0, 0]]]);
    expect(guilds).toEqual([SEED_GUILD, OTHER_GUILD]);
  });

  test('most missed: ten at most, most wrong first, then the larger wrong share, then by id', () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...items[1]!, id: `tf-${String(i).padStart(2, '0')}` }));
    const rounds = many.map((item) => ({ sessionId: 1, itemId: item.id, itemLevel: 'micro' as const }));
    // tf-00..tf-11 get 1 + (i % 3) wrong answers; tf-00 and tf-03 also one right answer each.
    const answers = many.flatMap((item, i) => [
      ...Array.from({ length: 1 + (i % 3) }, (_, k) => ({
        sessionId: 1,
        itemId: item.id,
        itemLevel: 'micro' as const,
        userId: `u${k}`,
        choice: 'false',
        correct: false,
      })),
      ...(i === 0 || i === 3 ? [{ sessionId: 1, itemId: item.id, itemLevel: 'micro' as const, userId: 'r', choice: 'true', correct: true }] : []),
    ]);
    const report = classReport(many, { rounds, answers }, { period: 'all', level: 'all' });
    expect(report.mostMissed.map((item) => item.id)).toEqual(['tf-02', 'tf-05', 'tf-08', 'tf-11', 'tf-01', 'tf-04', 'tf-07', 'tf-10', 'tf-06', 'tf-09']);
  });
});

describe('options and periods', () => {
  test.each([
    ['week', 'week'],
    ['month', 'month'],
    ['all', 'all'],
    [null, 'all'],
    ['constructor', 'all'],
  ] as const)('period %s → %s', (value, period) => expect(reportPeriod(value)).toBe(period));

  test.each([
    ['micro', 'micro'],
    ['mixed', 'all'],
    [null, 'all'],
    ['__proto__', 'all'],
  ] as const)('level %s → %s', (value, level) => expect(reportLevel(value)).toBe(level));

  test('periods end now: 7 and 30 days back, or all time', () => {
    expect([periodStart('week', SEED_NOW), periodStart('month', SEED_NOW), periodStart('all', SEED_NOW)]).toEqual([SEED_NOW - 7 * DAY, SEED_NOW - 30 * DAY, 0]);
  });
});

describe('the 30-day activity strip', () => {
  test('counts a student’s answers per UTC day, oldest first, from a seeded database', async () => {
    const { storage, repo } = await seededRepo();
    const times = await repo.answerTimes(SEED_GUILD, 'alice', activityStart(SEED_NOW));
    await storage.close();
    const strip = activityStrip(times, SEED_NOW);
    expect(strip).toHaveLength(30);
    expect(strip[0]).toEqual({ date: '2026-10-22', answers: 0 });
    expect(strip.at(-1)).toEqual({ date: '2026-11-20', answers: 0 });
    expect(strip.filter((day) => day.answers > 0)).toEqual([
      { date: '2026-11-10', answers: 2 },
      { date: '2026-11-18', answers: 2 },
    ]);
  });

  test('an answer older than the strip is left out; one at today’s last millisecond counts today', () => {
    const midnight = Date.UTC(2026, 10, 20);
    const strip = activityStrip([midnight - 30 * DAY, midnight + DAY - 1], SEED_NOW);
    expect(strip.reduce((sum, day) => sum + day.answers, 0)).toBe(1);
    expect(strip.at(-1)!.answers).toBe(1);
  });
});
