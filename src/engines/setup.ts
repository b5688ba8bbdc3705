import { quoteUserText } from '../format/limits.ts';
import type { GuildSettings, SettingsRepo, TermSchedule } from '../storage/settings-repo.ts';
import { resolveTimezone, utcOffset } from './time-zones.ts';

/** What the bot knows of a channel when an admin names it; the Discord layer fills it in. */
export interface ChannelFacts {
  readonly id: string;
  readonly kind: 'text' | 'announcement' | 'thread' | 'voice' | 'stage' | 'category' | 'forum' | 'other';
  readonly botCanView: boolean;
  readonly botCanSend: boolean;
  /** Read Message History: the term of the day checks the channel before re-posting after a crash. */
  readonly botCanReadHistory?: boolean;
}

export type SetupResult = { readonly ok: true; readonly message: string } | { readonly ok: false; readonly message: string };

const ok = (message: string): SetupResult => ({ ok: true, message });
const fail = (message: string): SetupResult => ({ ok: false, message });

const TIME = /^([01]?\d|2[0-3]):([0-5]\d)$/;

/** "7:05" → "07:05"; anything that is not a 24-hour clock time → null. */
export function parseTime(input: string): string | null {
  const match = TIME.exec(input.trim());
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : null;
}

/** Why the bot cannot use a channel for posting, or null when it can. */
export function channelProblem(channel: ChannelFacts): string | null {
  if (channel.kind === 'voice' || channel.kind === 'stage') return `<#${channel.id}> is a voice channel: pick a text channel.`;
  if (channel.kind === 'category') return `<#${channel.id}> is a category: pick a text channel inside it.`;
  if (channel.kind === 'forum' || channel.kind === 'other') return `<#${channel.id}> is not a text channel: pick a text channel.`;
  if (!channel.botCanView) return `I can't see <#${channel.id}>: give me the View Channel permission there, or pick another channel.`;
  if (!channel.botCanSend) return `I can't send messages in <#${channel.id}>: give me Send Messages and Embed Links there, or pick another channel.`;
  return null;
}

/** Why the bot cannot post the term of the day in a channel, or null when it can. */
export function termChannelProblem(channel: ChannelFacts): string | null {
  const problem = channelProblem(channel);
  if (problem !== null || channel.botCanReadHistory !== false) return problem;
  return `I can't read the message history of <#${channel.id}>: give me Read Message History there (I check it so a term is never posted twice), or pick another channel.`;
}

/** The settings side of `/setup`: validates admin input, then stores it. */
export class SetupService {
  constructor(private readonly settings: SettingsRepo) {}

  addStudyChannel(guildId: string, channel: ChannelFacts): SetupResult {
    const problem = channelProblem(channel);
    if (problem !== null) return fail(problem);
    return this.settings.addStudyChannel(guildId, channel.id)
      ? ok(`<#${channel.id}> is now a study channel: quizzes can run there.`)
      : ok(`<#${channel.id}> was already a study channel.`);
  }

  removeStudyChannel(guildId: string, channelId: string): SetupResult {
    return this.settings.removeStudyChannel(guildId, channelId)
      ? ok(`<#${channelId}> is no longer a study channel.`)
      : fail(`<#${channelId}> is not a study channel, so there was nothing to remove.`);
  }

  /**
   * Validates every option at once, so an admin fixes them all in one go. Missing options
   * come as null. `at` is now, for the zone's current UTC offset.
   */
  setTermSchedule(guildId: string, input: { channel: ChannelFacts | null; time: string | null; timezone: string | null; roleId: string | null; at: number }): SetupResult {
    const problems: string[] = [];
    const channelIssue = input.channel === null ? 'Pick a text channel for `channel`.' : termChannelProblem(input.channel);
    if (channelIssue !== null) problems.push(channelIssue);
    const time = input.time === null ? null : parseTime(input.time);
    if (input.time === null) problems.push('Give a `time`: 24-hour HH:MM, for example 09:30.');
    else if (time === null) problems.push(`“${quoteUserText(input.time, 20)}” is not a time I understand. Use 24-hour HH:MM, from 00:00 to 23:59 (for example 09:30 or 18:00).`);
    const zone = input.timezone === null ? null : resolveTimezone(input.timezone);
    if (zone === null) problems.push('Give a `timezone`: a city like London or New York, an abbreviation like EST, or an IANA name like `Europe/London`.');
    else if ('suggestions' in zone) {
      const hint = zone.suggestions.length > 0 ? ` Did you mean ${zone.suggestions.map((z) => `\`${z}\``).join(', ')}?` : '';
      problems.push(`“${quoteUserText(input.timezone ?? '', 40)}” is not a time zone I know. Use a city (London, New York, Sydney), an abbreviation (EST, CET, IST) or an IANA name like \`Europe/London\`.${hint}`);
    }
    if (problems.length > 0 || input.channel === null || time === null || zone === null || 'suggestions' in zone) return fail(problems.join('\n'));
    const schedule: TermSchedule = { channelId: input.channel.id, time, timezone: zone.zone, roleId: input.roleId };
    this.settings.setTermSchedule(guildId, schedule);
    const mention = input.roleId ? `, mentioning <@&${input.roleId}>` : '';
    return ok(`The term of the day will be posted in <#${input.channel.id}> every day at ${time} (${zone.zone}, ${utcOffset(zone.zone, input.at)} now)${mention}.`);
  }

  turnTermOff(guildId: string): SetupResult {
    if (this.settings.get(guildId).termSchedule === null) return ok('The term of the day was already off.');
    this.settings.setTermSchedule(guildId, null);
    return ok('The term of the day is off. Turn it on again with `/setup term set channel: time: timezone:`.');
  }

  show(guildId: string): GuildSettings {
    return this.settings.get(guildId);
  }
}
