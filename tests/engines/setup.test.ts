import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { channelProblem, parseTime, resolveTimezone, SetupService, type ChannelFacts } from '../../src/engines/setup.ts';
import { openStorage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const text = (id: string, overrides: Partial<ChannelFacts> = {}): ChannelFacts => ({ id, kind: 'text', botCanView: true, botCanSend: true, ...overrides });

async function service() {
  const storage = await openStorage(path.join(tempDir(), 'setup.sqlite'));
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
  test('adds and removes study channels, and says when nothing changed', async () => {
    const { storage, setup } = await service();
    expect(await setup.addStudyChannel('g', text('10'))).toMatchObject({ ok: true, message: expect.stringMatching(/now a study channel/) });
    expect(await setup.addStudyChannel('g', text('10'))).toMatchObject({ ok: true, message: expect.stringMatching(/already/) });
    expect(await setup.addStudyChannel('g', text('11', { kind: 'voice' }))).toMatchObject({ ok: false });
    expect((await setup.show('g')).studyChannelIds).toEqual(['10']);
    expect(await setup.removeStudyChannel('g', '10')).toMatchObject({ ok: true });
    expect(await setup.removeStudyChannel('g', '10')).toMatchObject({ ok: false, message: expect.stringMatching(/not a study channel/) });
    expect((await setup.show('other-guild')).studyChannelIds).toEqual([]);
    await storage.close();
  });

  test('stores a term schedule with a canonical zone and time', async () => {
    const { storage, setup } = await service();
    const result = await setup.setTermSchedule('g', { channel: text('20'), time: '7:30', timezone: 'europe/berlin', roleId: '99' });
    expect(result).toMatchObject({ ok: true, message: expect.stringContaining('07:30 (Europe/Berlin)') });
    expect((await setup.show('g')).termSchedule).toEqual({ channelId: '20', time: '07:30', timezone: 'Europe/Berlin', roleId: '99' });
    expect(await storage.settings.scheduledGuilds()).toEqual([{ guildId: 'g', schedule: { channelId: '20', time: '07:30', timezone: 'Europe/Berlin', roleId: '99' } }]);
    await storage.close();
  });

  test.each([
    [{ time: '25:99' }, /HH:MM/],
    [{ timezone: 'Europe/Londn' }, /Did you mean `Europe\/London`/],
    [{ channel: text('21', { kind: 'category' }) }, /category/],
    [{ channel: text('21', { botCanSend: false }) }, /can't send/],
    [{ channel: text('21', { botCanReadHistory: false }) }, /Read Message History/],
  ])('refuses a bad schedule %#, keeping the old one', async (override, message) => {
    const { storage, setup } = await service();
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null });
    const result = await setup.setTermSchedule('g', { channel: text('20'), time: '09:00', timezone: 'UTC', roleId: null, ...override });
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(message);
    expect((await setup.show('g')).termSchedule?.time).toBe('08:00');
    await storage.close();
  });

  test('turns the term off, and clears a recorded problem when rescheduled', async () => {
    const { storage, setup } = await service();
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null });
    await storage.settings.setTermProblem('g', 'cannot post');
    expect((await setup.show('g')).termProblem).toBe('cannot post');
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null });
    expect((await setup.show('g')).termProblem).toBeNull();
    expect((await setup.turnTermOff('g')).message).toMatch(/is off/);
    expect((await setup.show('g')).termSchedule).toBeNull();
    expect((await setup.turnTermOff('g')).message).toMatch(/already off/);
    await storage.close();
  });
});
