import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { ChannelFacts } from '../../src/domain/channel.ts';
import { setupOutcomeText } from '../../src/format/setup.ts';
import { UserError } from '../../src/interactions/errors.ts';
import { SetupService } from '../../src/services/setup.ts';
import { openStorage } from '../../src/storage/index.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';

const tempDir = useTempDirs();
const WINTER = Date.parse('2026-12-02T12:00:00Z');
const text = (id: string, overrides: Partial<ChannelFacts> = {}): ChannelFacts => ({ id, kind: 'text', botCanView: true, botCanSend: true, ...overrides });

/** The service over a real database; channels `gone-…` are ones the bot cannot see any more. */
async function service() {
  const storage = await openStorage(path.join(tempDir(), 'setup.sqlite'));
  const lookup = async (_guildId: string, channelId: string) =>
    channelId.startsWith('gone') ? null : text(channelId, channelId.startsWith('mute') ? { botCanSend: false } : {});
  return { storage, setup: new SetupService(storage.settings, lookup) };
}

/** The refusal a call throws: always a UserError, whose reply is what the admin reads. */
async function refusal(call: Promise<unknown>): Promise<string> {
  const error: unknown = await call.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(UserError);
  return (error as UserError).message;
}

describe('SetupService', () => {
  test('adds and removes study channels, and says when nothing changed', async () => {
    const { storage, setup } = await service();
    expect(await setup.addStudyChannel('g', text('10'))).toEqual({ kind: 'study-channel-added', channelId: '10', already: false });
    expect(await setup.addStudyChannel('g', text('10'))).toEqual({ kind: 'study-channel-added', channelId: '10', already: true });
    expect(await refusal(setup.addStudyChannel('g', text('11', { kind: 'voice' })))).toBe('⚠️ <#11> is a voice channel: pick a text channel.');
    expect(await setup.studyChannels('g')).toEqual(['10']);
    expect(await setup.removeStudyChannel('g', '10')).toEqual({ kind: 'study-channel-removed', channelId: '10' });
    expect(await refusal(setup.removeStudyChannel('g', '10'))).toBe('⚠️ <#10> is not a study channel, so there was nothing to remove.');
    expect(await setup.studyChannels('other-guild')).toEqual([]);
    await storage.close();
  });

  test('stores a term schedule with a canonical zone and time', async () => {
    const { storage, setup } = await service();
    const outcome = await setup.setTermSchedule('g', { channel: text('20'), time: '7:30', timezone: 'europe/berlin', roleId: '99', at: WINTER });
    expect(setupOutcomeText(outcome)).toBe('The term of the day will be posted in <#20> every day at 07:30 (Europe/Berlin, UTC+1 now), mentioning <@&99>.');
    expect((await setup.report('g')).termSchedule).toEqual({ channelId: '20', time: '07:30', timezone: 'Europe/Berlin', roleId: '99' });
    expect(await storage.settings.scheduledGuilds()).toEqual([
      { guildId: 'g', schedule: { channelId: '20', time: '07:30', timezone: 'Europe/Berlin', roleId: '99' } },
    ]);
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
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    expect(await refusal(setup.setTermSchedule('g', { channel: text('20'), time: '09:00', timezone: 'UTC', roleId: null, at: WINTER, ...override }))).toMatch(
      message,
    );
    expect((await setup.report('g')).termSchedule?.time).toBe('08:00');
    await storage.close();
  });

  test('reports every missing or wrong option at once', async () => {
    const { storage, setup } = await service();
    const missing = await refusal(setup.setTermSchedule('g', { channel: null, time: null, timezone: null, roleId: null, at: WINTER }));
    expect(missing.replace(/^⚠️ /, '').split('\n')).toEqual([
      expect.stringMatching(/`channel`/),
      expect.stringMatching(/`time`/),
      expect.stringMatching(/`timezone`/),
    ]);
    const wrong = await refusal(
      setup.setTermSchedule('g', { channel: text('21', { kind: 'voice' }), time: '25:00', timezone: 'Mars/Base', roleId: null, at: WINTER }),
    );
    expect(wrong.replace(/^⚠️ /, '').split('\n')).toEqual([
      expect.stringMatching(/voice channel/),
      expect.stringMatching(/not a time/),
      expect.stringMatching(/not a time zone/),
    ]);
    expect((await setup.report('g')).termSchedule).toBeNull();
    await storage.close();
  });

  test('echoes admin input escaped, and cut on whole characters', async () => {
    const { storage, setup } = await service();
    const message = await refusal(
      setup.setTermSchedule('g', { channel: text('20'), time: '@everyone what is mi', timezone: '<@&123> **bold** 👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦👩‍👩‍👧‍👦', roleId: null, at: WINTER }),
    );
    expect(message).not.toMatch(/@everyone|<@&123>|\*\*bold\*\*/);
    expect(message).toContain('@\u200beveryone');
    expect(message).toContain('\\*\\*bold\\*\\*');
    const segments = [...new Intl.Segmenter(undefined, { granularity: 'grapheme' }).segment(message)].map((s) => s.segment);
    expect(segments.filter((g) => g.includes('👩')).every((g) => g === '👩‍👩‍👧‍👦')).toBe(true);
    expect(message).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    await storage.close();
  });

  test('turning it off names the command that turns it on again', async () => {
    const { storage, setup } = await service();
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    expect(setupOutcomeText(await setup.turnTermOff('g'))).toBe(
      'The term of the day is off. Turn it on again with `/setup term set channel: time: timezone:`.',
    );
    await storage.close();
  });

  test('turns the term off, and clears a recorded problem when rescheduled', async () => {
    const { storage, setup } = await service();
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    await storage.settings.setTermProblem('g', 'cannot post');
    expect((await setup.report('g')).problems).toEqual([{ kind: 'last-term-post', problem: 'cannot post' }]);
    await setup.setTermSchedule('g', { channel: text('20'), time: '08:00', timezone: 'UTC', roleId: null, at: WINTER });
    expect((await setup.report('g')).problems).toEqual([]);
    expect(await setup.turnTermOff('g')).toEqual({ kind: 'term-off', already: false });
    expect((await setup.report('g')).termSchedule).toBeNull();
    expect(await setup.turnTermOff('g')).toEqual({ kind: 'term-off', already: true });
    await storage.close();
  });

  test('the report names each channel the bot can no longer use', async () => {
    const { storage, setup } = await service();
    await storage.settings.addStudyChannel('g', 'gone-1');
    await storage.settings.addStudyChannel('g', 'mute-2');
    await storage.settings.addStudyChannel('g', 'ok-3');
    await storage.settings.setTermSchedule('g', { channelId: 'gone-4', time: '08:00', timezone: 'UTC', roleId: null });
    expect((await setup.report('g')).problems).toEqual([
      { kind: 'study-channel', channelId: 'gone-1', problem: 'gone' },
      { kind: 'study-channel', channelId: 'mute-2', problem: 'cannot-send' },
      { kind: 'term-channel', channelId: 'gone-4', problem: 'gone' },
    ]);
    await storage.close();
  });
});
