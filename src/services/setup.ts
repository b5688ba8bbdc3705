import type { ChannelFacts } from '../domain/channel.ts';
import type { TermSchedule } from '../domain/term.ts';
import { channelProblem, parseTime, termChannelProblem } from '../engines/setup.ts';
import { resolveTimezone } from '../engines/time-zones.ts';
import {
  channelProblemText,
  notAStudyChannelText,
  scheduleProblemText,
  type ScheduleProblem,
  type SettingsProblem,
  type SettingsReport,
  type SetupOutcome,
} from '../format/setup.ts';
import { UserError } from '../interactions/errors.ts';
import type { SettingsRepo } from '../storage/settings-repo.ts';

/** Looks a server's channel up as the bot sees it (null: gone, or hidden from the bot). */
export type ChannelLookup = (guildId: string, channelId: string) => Promise<ChannelFacts | null>;

/** A refusal of `/setup`: the admin's input is kept nowhere, and the reply says what to fix. */
const refuse = (message: string) => new UserError(`⚠️ ${message}`);

/** The settings side of `/setup`: validates admin input, then stores it; a refusal is thrown as a UserError. */
export class SetupService {
  constructor(
    private readonly settings: SettingsRepo,
    private readonly channelFacts: ChannelLookup,
  ) {}

  async addStudyChannel(guildId: string, channel: ChannelFacts): Promise<SetupOutcome> {
    const problem = channelProblem(channel);
    if (problem !== null) throw refuse(channelProblemText(channel.id, problem));
    const added = await this.settings.addStudyChannel(guildId, channel.id);
    return { kind: 'study-channel-added', channelId: channel.id, already: !added };
  }

  async removeStudyChannel(guildId: string, channelId: string): Promise<SetupOutcome> {
    if (!(await this.settings.removeStudyChannel(guildId, channelId))) throw refuse(notAStudyChannelText(channelId));
    return { kind: 'study-channel-removed', channelId };
  }

  /**
   * Validates every option at once, so an admin fixes them all in one go. Missing options
   * come as null. `at` is now, for the zone's current UTC offset.
   */
  async setTermSchedule(
    guildId: string,
    input: { channel: ChannelFacts | null; time: string | null; timezone: string | null; roleId: string | null; at: number },
  ): Promise<SetupOutcome> {
    const problems: ScheduleProblem[] = [];
    const channelIssue = input.channel === null ? null : termChannelProblem(input.channel);
    if (input.channel === null) problems.push({ kind: 'no-channel' });
    else if (channelIssue !== null) problems.push({ kind: 'channel', channelId: input.channel.id, problem: channelIssue });
    const time = input.time === null ? null : parseTime(input.time);
    if (input.time === null) problems.push({ kind: 'no-time' });
    else if (time === null) problems.push({ kind: 'bad-time', typed: input.time });
    const zone = input.timezone === null ? null : resolveTimezone(input.timezone);
    if (input.timezone === null || zone === null) problems.push({ kind: 'no-timezone' });
    else if ('suggestions' in zone) problems.push({ kind: 'bad-timezone', typed: input.timezone, suggestions: zone.suggestions });
    if (problems.length > 0 || input.channel === null || time === null || zone === null || 'suggestions' in zone)
      throw refuse(problems.map(scheduleProblemText).join('\n'));
    const schedule: TermSchedule = { channelId: input.channel.id, time, timezone: zone.zone, roleId: input.roleId };
    await this.settings.setTermSchedule(guildId, schedule);
    return { kind: 'term-scheduled', schedule, at: input.at };
  }

  async turnTermOff(guildId: string): Promise<SetupOutcome> {
    if ((await this.settings.get(guildId)).termSchedule === null) return { kind: 'term-off', already: true };
    await this.settings.setTermSchedule(guildId, null);
    return { kind: 'term-off', already: false };
  }

  async studyChannels(guildId: string): Promise<readonly string[]> {
    return (await this.settings.get(guildId)).studyChannelIds;
  }

  /** `/setup show`: the settings, and every problem the bot can see with them right now. */
  async report(guildId: string): Promise<SettingsReport> {
    const settings = await this.settings.get(guildId);
    const problems: SettingsProblem[] = [];
    for (const channelId of settings.studyChannelIds) {
      const facts = await this.channelFacts(guildId, channelId);
      const problem = facts === null ? 'gone' : channelProblem(facts);
      if (problem !== null) problems.push({ kind: 'study-channel', channelId, problem });
    }
    const schedule = settings.termSchedule;
    if (schedule !== null) {
      const facts = await this.channelFacts(guildId, schedule.channelId);
      const problem = facts === null ? 'gone' : termChannelProblem(facts);
      if (problem !== null) problems.push({ kind: 'term-channel', channelId: schedule.channelId, problem });
    }
    if (settings.termProblem !== null) problems.push({ kind: 'last-term-post', problem: settings.termProblem });
    return { studyChannelIds: settings.studyChannelIds, termSchedule: schedule, problems };
  }
}
