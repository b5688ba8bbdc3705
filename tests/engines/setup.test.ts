import { describe, expect, test } from 'vitest';
import type { ChannelFacts } from '../../src/domain/channel.ts';
import { channelProblem, parseTime, termChannelProblem } from '../../src/engines/setup.ts';
import { resolveTimezone, suggestTimezones, utcOffset } from '../../src/engines/time-zones.ts';

const WINTER = Date.parse('2026-12-02T12:00:00Z');
const SUMMER = Date.parse('2026-07-01T12:00:00Z');
const text = (id: string, overrides: Partial<ChannelFacts> = {}): ChannelFacts => ({ id, kind: 'text', botCanView: true, botCanSend: true, ...overrides });

describe('parseTime', () => {
  test.each([
    ['09:30', '09:30'],
    ['9:05', '09:05'],
    [' 23:59 ', '23:59'],
    ['00:00', '00:00'],
  ])('accepts %j as %j', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });
  test.each(['25:99', '24:00', '12:60', '9', '9am', '', '12:5', '１２:００', '12:00:00'])('rejects %j', (input) => {
    expect(parseTime(input)).toBeNull();
  });
});

describe('resolveTimezone', () => {
  test.each([
    ['Europe/London', 'Europe/London'],
    ['america/new_york', 'America/New_York'],
    ['America/New York', 'America/New_York'],
    ['UTC', 'UTC'],
    ['Pacific/Kiritimati', 'Pacific/Kiritimati'],
  ])('accepts %j as %j', (input, zone) => {
    expect(resolveTimezone(input)).toEqual({ zone });
  });
  test('suggests the closest names for a typo', () => {
    const result = resolveTimezone('Europe/Londn');
    expect(result).toHaveProperty('suggestions');
    expect((result as { suggestions: string[] }).suggestions).toContain('Europe/London');
  });
  test('rejects nonsense with no crash', () => {
    for (const input of ['', 'Mars/Olympus_Mons', '@everyone', 'x'.repeat(5000)]) expect(resolveTimezone(input)).toHaveProperty('suggestions');
  });
});

describe('time zones by abbreviation and city', () => {
  test.each([
    ['EST', 'America/New_York'],
    ['edt', 'America/New_York'],
    ['PST', 'America/Los_Angeles'],
    ['CET', 'Europe/Berlin'],
    ['IST', 'Asia/Kolkata'],
    ['AEST', 'Australia/Sydney'],
    ['London', 'Europe/London'],
    ['new york', 'America/New_York'],
    ['  Sydney ', 'Australia/Sydney'],
    ['São Paulo', 'America/Sao_Paulo'],
    ['GMT', 'UTC'],
  ])('%j is %j', (input, zone) => {
    expect(resolveTimezone(input)).toEqual({ zone });
  });

  test.each([
    ['Asia/Kolkata', WINTER, 'UTC+5:30'],
    ['America/New_York', WINTER, 'UTC−5'],
    ['America/New_York', SUMMER, 'UTC−4'],
    ['Europe/London', WINTER, 'UTC+0'],
    ['Europe/London', SUMMER, 'UTC+1'],
    ['UTC', SUMMER, 'UTC+0'],
  ])('%s is at %s %s', (zone, at, offset) => {
    expect(utcOffset(zone, at)).toBe(offset);
  });

  test('autocomplete offers the zone an abbreviation or a city names first, with its offset', () => {
    expect(suggestTimezones('EST', WINTER)[0]).toEqual({ label: 'EST: America/New_York (UTC−5)', zone: 'America/New_York' });
    expect(suggestTimezones('lond', WINTER)[0]).toEqual({ label: 'London: Europe/London (UTC+0)', zone: 'Europe/London' });
    expect(suggestTimezones('new y', WINTER)[0]?.zone).toBe('America/New_York');
    expect(suggestTimezones('syd', WINTER)[0]?.zone).toBe('Australia/Sydney');
    expect(suggestTimezones('', WINTER).length).toBeGreaterThan(3);
    expect(suggestTimezones('constructor', WINTER, 25).length).toBeLessThanOrEqual(25);
  });
});

describe('channelProblem', () => {
  test.each([
    [{ kind: 'voice' }, 'voice'],
    [{ kind: 'stage' }, 'voice'],
    [{ kind: 'category' }, 'category'],
    [{ kind: 'forum' }, 'not-text'],
    [{ botCanView: false }, 'cannot-view'],
    [{ botCanSend: false }, 'cannot-send'],
  ] as const)('names the problem with %j: %s', (overrides, problem) => {
    expect(channelProblem(text('1', overrides))).toBe(problem);
  });
  test('the term channel must also let the bot read its history', () => {
    expect(termChannelProblem(text('1', { botCanReadHistory: false }))).toBe('cannot-read-history');
    expect(termChannelProblem(text('1', { kind: 'voice', botCanReadHistory: false }))).toBe('voice');
    expect(termChannelProblem(text('1', { botCanReadHistory: true }))).toBeNull();
  });
  test('accepts a text channel the bot can use', () => {
    expect(channelProblem(text('1'))).toBeNull();
    expect(channelProblem(text('1', { kind: 'announcement' }))).toBeNull();
  });
});
