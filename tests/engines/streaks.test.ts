import { describe, expect, test } from 'vitest';
import { addDays, milestoneReached, streakOn } from '../../src/engines/streaks.ts';
import { localDate } from '../../src/engines/term-schedule.ts';

/** Consecutive dates from `start`, `count` of them. */
const run = (start: string, count: number) => Array.from({ length: count }, (_, i) => addDays(start, i));

describe('streakOn', () => {
  test('consecutive days count; the streak stays current until a day is fully missed', () => {
    const days = run('2026-11-28', 3);
    expect(streakOn(days, '2026-11-30')).toEqual({ current: 3, best: 3, studiedToday: true, bridged: [] });
    expect(streakOn(days, '2026-12-01')).toMatchObject({ current: 3, studiedToday: false });
  });

  test('one missed day is bridged (a freeze), and counts in the streak', () => {
    const days = ['2026-11-28', '2026-11-29', '2026-12-01'];
    expect(streakOn(days, '2026-12-01')).toEqual({ current: 4, best: 4, studiedToday: true, bridged: ['2026-11-30'] });
  });

  test('a second missed day within the week breaks the streak; a week later a freeze is free again', () => {
    const days = ['2026-11-01', '2026-11-03', '2026-11-05'];
    expect(streakOn(days, '2026-11-05')).toMatchObject({ current: 1, best: 3, bridged: ['2026-11-02'] });
    const later = ['2026-11-01', '2026-11-03', ...run('2026-11-04', 5), '2026-11-10'];
    expect(streakOn(later, '2026-11-10')).toMatchObject({ current: 10, bridged: ['2026-11-02', '2026-11-09'] });
  });

  test('two missed days in a row break it; the best is kept', () => {
    expect(streakOn([...run('2026-11-01', 5), '2026-11-08'], '2026-11-08')).toMatchObject({ current: 1, best: 5 });
    expect(streakOn(run('2026-11-01', 5), '2026-11-08')).toMatchObject({ current: 0, best: 5 });
  });

  test('a streak two days old is still current while a freeze can bridge yesterday', () => {
    expect(streakOn(run('2026-11-01', 3), '2026-11-05')).toMatchObject({ current: 3 });
    expect(streakOn(['2026-11-01', '2026-11-03'], '2026-11-05')).toMatchObject({ current: 0 });
  });

  test('no study at all', () => {
    expect(streakOn([], '2026-11-05')).toEqual({ current: 0, best: 0, studiedToday: false, bridged: [] });
  });
});

describe('study days across time zones and DST', () => {
  const dates = (instants: string[], zone: string) => instants.map((i) => localDate(new Date(i), zone));

  test('the same instants are one study day in Tokyo and two in New York', () => {
    const instants = ['2026-06-01T03:30:00Z', '2026-06-01T14:00:00Z']; // 23:30 and 10:00 in New York
    expect(new Set(dates(instants, 'Asia/Tokyo')).size).toBe(1);
    expect(streakOn(dates(instants, 'America/New_York'), '2026-06-01')).toMatchObject({ current: 2 });
    expect(streakOn(dates(instants, 'Asia/Tokyo'), '2026-06-01')).toMatchObject({ current: 1 });
  });

  test('across the spring-forward night (a 23-hour day) late-evening study keeps the streak', () => {
    // 23:30 in New York on 7 and 8 March 2026; clocks sprang forward at 02:00 on 8 March.
    const instants = ['2026-03-08T04:30:00Z', '2026-03-09T03:30:00Z'];
    expect(dates(instants, 'America/New_York')).toEqual(['2026-03-07', '2026-03-08']);
    expect(streakOn(dates(instants, 'America/New_York'), '2026-03-08')).toMatchObject({ current: 2, bridged: [] });
  });

  test('across the fall-back night (a 25-hour day) in London', () => {
    // 00:30 local on 25 Oct (BST) and 23:30 local on 25 Oct (GMT): one day, then 26 Oct.
    const instants = ['2026-10-24T23:30:00Z', '2026-10-25T23:30:00Z', '2026-10-26T20:00:00Z'];
    expect(dates(instants, 'Europe/London')).toEqual(['2026-10-25', '2026-10-25', '2026-10-26']);
    expect(streakOn(dates(instants, 'Europe/London'), '2026-10-26')).toMatchObject({ current: 2 });
  });

  test('a bridged day across a month end in UTC-10', () => {
    const instants = ['2026-12-01T05:00:00Z', '2026-12-03T05:00:00Z']; // 19:00 on 30 Nov and 2 Dec in Honolulu
    expect(streakOn(dates(instants, 'Pacific/Honolulu'), '2026-12-02')).toEqual({ current: 3, best: 3, studiedToday: true, bridged: ['2026-12-01'] });
  });
});

describe('milestoneReached', () => {
  test.each([
    [3, true, 3],
    [7, true, 7],
    [4, true, null],
    [7, false, null],
    [100, true, 100],
  ])('a %i-day streak, studied today %s: %s', (current, studiedToday, milestone) => {
    expect(milestoneReached({ current, best: current, studiedToday, bridged: [] })).toBe(milestone);
  });
});
