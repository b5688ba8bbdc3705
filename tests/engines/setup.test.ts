import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { channelProblem, parseTime, SetupService, type ChannelFacts } from '../../src/engines/setup.ts';
import { resolveTimezone, suggestTimezones, utcOffset } from '../../src/engines/time-zones.ts';
import { openStorage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const WINTER = Date.parse('2026-12-02T12:00:00Z');
const SUMMER = Date.parse('2026-07-01T12:00:00Z');
const text = (id: string, overrides: Partial<ChannelFacts> = {}): ChannelFacts => ({ id, kind: 'text', botCanView: true, botCanSend: true, ...overrides });

function service() {
  const storage = openStorage(path.join(tempDir(), 'setup.sqlite'));
  return { storage, setup: new SetupService(storage.settings) };
}

describe('parseTime', () => {
  test.each([['09:30', '09:30'], ['9:05', '09:05'], [' 23:59 ', '23:59'], ['00:00', '00:00']])('accepts %j as %j', (input, expected) => {
    expect(parseTime(input)).toBe(expected);
  });
  test.each(['25:99', '24:00', '12:60', '9', '9am', '', '12:5', '１２:００', '12:00:00'])('rejects %j', (input) => {
    expect(parseTime(input)).toBeNull();
  });
});

describe('resolveTimezone', () => {
  test.each([['Europe/London', 'Europe/London'], ['america/new_york', 'America/New_York'], ['America/New York', 'America/New_York'], ['UTC', 'UTC'], ['Pacific/Kiritimati', 'Pacific/Kiritimati']])(
    'accepts %j as %j',
    (input, zone) => {
      expect(resolveTimezone(input)).toEqual({ zone });
    },
  );
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
    [{ kind: 'voice' }, /voice channel/],
    [{ kind: 'stage' }, /voice channel/],
    [{ kind: 'category' }, /category/],
    [{ kind: 'forum' }, /not a text channel/],
    [{ botCanView: false }, /can't see/],
    [{ botCanSend: false }, /can't send/],
  ] as const)('explains %j', (overrides, message) => {
    expect(channelProblem(text('1', overrides))).toMatch(message);
  });
  test('accepts a text channel the bot can use', () => {
    expect(channelProblem(text('1'))).toBeNull();
    expect(channelProblem(text('1', { kind: 'announcement' }))).toBeNull();
  });
});

describe('SetupService', () => {
  test('adds and removes study channels, and says when nothing changed', () => {
    const { storage, setup } = service();
    expect(setup.addStudyChannel('g', text('10'))).toMatchObject({ ok: true, message: expect.stringMatching(/now a study channel/) });
    expect(setup.addStudyChannel('g', text('10'))).toMatchObject({ ok: true, message: expect.stringMatching(/already/) });
    expect(setup.addStudyChannel('g', text('11', { kind: 'voice' }))).toMatchObject({ ok: false });
    expect(setup.show('g').studyChannelIds).toEqual(['10']);
    expect(setup.removeStudyChannel('g', '10')).toMatchObject({ ok: true });
    expect(setup.removeStudyChannel('g', '10')).toMatchObject({ ok: false, message: expect.stringMatching(/not a study channel/) });
    expect(setup.show('other-guild').studyChannelIds).toEqual([]);
    storage.close();
  });

  test('stores a term schedule with a canonical zone and time', () => {
    const { storage, setup } = service();
    const result = setup.setTermSchedule('g', { channel: text('20'), time: '7:30', timezone: 'europe/berlin', roleId: '99', at: WINTER });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('07:30 (Europe/Berlin, UTC+1 now)') });
    expect(setup.show('g').termSchedule).toEqual({ channelId: '20', time: '07:30', timezone: 'Europe/Berlin', roleId: '99' });
    expect(storage.settings.scheduledGuilds()).toEqual([{ guildId: 'g', schedule: { channelId: '20', time: '07:30', timezone: 'Europe/Berlin', roleId: '99' } }]);
    storage.close();
  });

  test.each([
    [{ time: '25:99' }, /HH:MM/],
    [{ timezone: 'Europe/Londn' }, /Did you mean `Europe\/London`/],
    [{ channel: text('21', { kind: 'category' }) }, /category/],
    [{ channel: text('21', { botCanSend: false }) }, /can't send/],
    [{ channel: text('21', { botCanReadHistory: false }) }, /Read Message History/],
  ])('refuses a bad schedule %#, keeping the old one', (override, message) => {
    const { storage, setup } = service();
    setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    const result = setup.setTermSchedule('g', { channel: text('20'), time: '09:00', timezone: 'UTC', roleId: null, at: WINTER, ...override });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(message);
    expect(setup.show('g').termSchedule?.time).toBe('08:00');
    storage.close();
  });

  test('reports every missing or wrong option at once', () => {
    const { storage, setup } = service();
    const missing = setup.setTermSchedule('g', { channel: null, time: null, timezone: null, roleId: null, at: WINTER });
    expect(missing.ok).toBe(false);
    expect(missing.message.split('\n')).toEqual([expect.stringMatching(/`channel`/), expect.stringMatching(/`time`/), expect.stringMatching(/`timezone`/)]);
    const wrong = setup.setTermSchedule('g', { channel: text('21', { kind: 'voice' }), time: '25:00', timezone: 'Mars/Base', roleId: null, at: WINTER });
    expect(wrong.message.split('\n')).toEqual([expect.stringMatching(/voice channel/), expect.stringMatching(/not a time/), expect.stringMatching(/not a time zone/)]);
    expect(setup.show('g').termSchedule).toBeNull();
    storage.close();
  });

  test('echoes admin input escaped, and cut on whole characters', () => {
    const { storage, setup } = service();
    const result = setup.setTermSchedule('g', { channel: text('20'), time: '@everyone what is mi', timezone: '<@&123> **bold** 👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', roleId: null, at: WINTER });
    expect(result.message).not.toMatch(/@everyone|<@&123>|\*\*bold\*\*/);
    expect(result.message).toContain('@\u200beveryone');
    expect(result.message).toContain('\\*\\*bold\\*\\*');
    const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(result.message)].map((s) => s.segment);
    expect(segments.filter((g) => g.includes('👩')).every((g) => g === '👩‍👩‍👧‍👦')).toBe(true);
    expect(result.message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    storage.close();
  });

  test('turning it off names the command that turns it on again', () => {
    const { storage, setup } = service();
    setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    expect(setup.turnTermOff('g').message).toBe('The term of the day is off. Turn it on again with `/setup term set channel: time: timezone:`.');
    storage.close();
  });

  test('turns the term off, and clears a recorded problem when rescheduled', () => {
    const { storage, setup } = service();
    setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    storage.settings.setTermProblem('g', 'cannot post');
    expect(setup.show('g').termProblem).toBe('cannot post');
    setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    expect(setup.show('g').termProblem).toBeNull();
    expect(setup.turnTermOff('g').message).toMatch(/is off/);
    expect(setup.show('g').termSchedule).toBeNull();
    expect(setup.turnTermOff('g').message).toMatch(/already off/);
    storage.close();
  });
});
