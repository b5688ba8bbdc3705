import Fuse from 'fuse.js';
import type { GuildSettings, SettingsRepo, TermSchedule } from '../storage/settings-repo.ts';

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

let zoneSearch: { names: Map<string, string>; fuse: Fuse<string> } | undefined;

function zones(): NonNullable<typeof zoneSearch> {
  if (zoneSearch === undefined) {
    const all = [...Intl.supportedValuesOf('timeZone'), 'UTC'];
    zoneSearch = { names: new Map(all.map((zone) => [zone.toLowerCase(), zone])), fuse: new Fuse(all, { threshold: 0.4, ignoreLocation: true }) };
  }
  return zoneSearch;
}

/** The canonical IANA name for what an admin typed, or the closest names to suggest. */
export function resolveTimezone(input: string): { zone: string } | { suggestions: string[] } {
  const typed = input.trim().replace(/\s+/g, '_');
  const { names, fuse } = zones();
  const known = names.get(typed.toLowerCase());
  if (known !== undefined) {
    try {
      new Intl.DateTimeFormat('en', { timeZone: known });
      return { zone: known };
    } catch {
      // Listed but unusable on this runtime: fall through to suggestions.
    }
  }
  return { suggestions: typed === '' ? [] : fuse.search(typed.slice(0, 64), { limit: 3 }).map((r) => r.item) };
}

/** Time zone names for autocomplete: exact-prefix matches first, then fuzzy ones. */
export function suggestTimezones(typed: string, limit = 25): string[] {
  const { names, fuse } = zones();
  const query = typed.trim().replace(/\s+/g, '_').toLowerCase().slice(0, 64);
  const prefixed = [...names.entries()].filter(([lower]) => lower.startsWith(query) || lower.includes(`/${query}`)).map(([, zone]) => zone);
  const fuzzy = query === '' ? [] : fuse.search(query, { limit }).map((r) => r.item);
  return [...new Set([...prefixed, ...fuzzy])].slice(0, limit);
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

  async addStudyChannel(guildId: string, channel: ChannelFacts): Promise<SetupResult> {
    const problem = channelProblem(channel);
    if (problem !== null) return fail(problem);
    return (await this.settings.addStudyChannel(guildId, channel.id))
      ? ok(`<#${channel.id}> is now a study channel: quizzes can run there.`)
      : ok(`<#${channel.id}> was already a study channel.`);
  }

  async removeStudyChannel(guildId: string, channelId: string): Promise<SetupResult> {
    return (await this.settings.removeStudyChannel(guildId, channelId))
      ? ok(`<#${channelId}> is no longer a study channel.`)
      : fail(`<#${channelId}> is not a study channel, so there was nothing to remove.`);
  }

  async setTermSchedule(guildId: string, input: { channel: ChannelFacts; time: string; timezone: string; roleId: string | null }): Promise<SetupResult> {
    const problem = termChannelProblem(input.channel);
    if (problem !== null) return fail(problem);
    const time = parseTime(input.time);
    if (time === null) return fail(`"${input.time.slice(0, 20)}" is not a time I understand. Use 24-hour HH:MM, from 00:00 to 23:59 (for example 09:30 or 18:00).`);
    const zone = resolveTimezone(input.timezone);
    if ('suggestions' in zone) {
      const hint = zone.suggestions.length > 0 ? ` Did you mean ${zone.suggestions.map((z) => `\`${z}\``).join(', ')}?` : '';
      return fail(`"${input.timezone.slice(0, 40)}" is not a time zone I know. Use an IANA name like \`Europe/London\` or \`America/New_York\`.${hint}`);
    }
    const schedule: TermSchedule = { channelId: input.channel.id, time, timezone: zone.zone, roleId: input.roleId };
    await this.settings.setTermSchedule(guildId, schedule);
    const mention = input.roleId ? `, mentioning <@&${input.roleId}>` : '';
    return ok(`The term of the day will be posted in <#${input.channel.id}> every day at ${time} (${zone.zone})${mention}.`);
  }

  async turnTermOff(guildId: string): Promise<SetupResult> {
    if ((await this.settings.get(guildId)).termSchedule === null) return ok('The term of the day was already off.');
    await this.settings.setTermSchedule(guildId, null);
    return ok('The term of the day is off. Turn it on again with `/setup term`.');
  }

  show(guildId: string): Promise<GuildSettings> {
    return this.settings.get(guildId);
  }
}
