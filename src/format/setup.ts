import { channelMention, roleMention } from '@discordjs/formatters';
import type { TermSchedule } from '../domain/term.ts';
import type { ChannelProblem } from '../engines/setup.ts';
import { utcOffset } from '../engines/time-zones.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import { COLORS } from './colors.ts';
import { quoteUserText } from './limits.ts';

/** What an admin is told about a channel the bot cannot use. */
export function channelProblemText(channelId: string, problem: ChannelProblem): string {
  const channel = channelMention(channelId);
  switch (problem) {
    case 'voice':
      return `${channel} is a voice channel: pick a text channel.`;
    case 'category':
      return `${channel} is a category: pick a text channel inside it.`;
    case 'not-text':
      return `${channel} is not a text channel: pick a text channel.`;
    case 'cannot-view':
      return `I can't see ${channel}: give me the View Channel permission there, or pick another channel.`;
    case 'cannot-send':
      return `I can't send messages in ${channel}: give me Send Messages and Embed Links there, or pick another channel.`;
    case 'cannot-read-history':
      return `I can't read the message history of ${channel}: give me Read Message History there (I check it so a term is never posted twice), or pick another channel.`;
    case 'gone':
      return `${channel} no longer exists or I can't see it.`;
  }
}

export function notAStudyChannelText(channelId: string): string {
  return `${channelMention(channelId)} is not a study channel, so there was nothing to remove.`;
}

/** A problem with `/setup term set`'s options, each reported with the others at once. */
export type ScheduleProblem =
  | { readonly kind: 'no-channel' }
  | { readonly kind: 'channel'; readonly channelId: string; readonly problem: ChannelProblem }
  | { readonly kind: 'no-time' }
  | { readonly kind: 'bad-time'; readonly typed: string }
  | { readonly kind: 'no-timezone' }
  | { readonly kind: 'bad-timezone'; readonly typed: string; readonly suggestions: readonly string[] };

export function didYouMeanZones(suggestions: readonly string[]): string {
  return suggestions.length > 0 ? ` Did you mean ${suggestions.map((zone) => `\`${zone}\``).join(', ')}?` : '';
}

export function scheduleProblemText(problem: ScheduleProblem): string {
  switch (problem.kind) {
    case 'no-channel':
      return 'Pick a text channel for `channel`.';
    case 'channel':
      return channelProblemText(problem.channelId, problem.problem);
    case 'no-time':
      return 'Give a `time`: 24-hour HH:MM, for example 09:30.';
    case 'bad-time':
      return `“${quoteUserText(problem.typed, 20)}” is not a time I understand. Use 24-hour HH:MM, from 00:00 to 23:59 (for example 09:30 or 18:00).`;
    case 'no-timezone':
      return 'Give a `timezone`: a city like London or New York, an abbreviation like EST, or an IANA name like `Europe/London`.';
    case 'bad-timezone':
      return `“${quoteUserText(problem.typed, 40)}” is not a time zone I know. Use a city (London, New York, Sydney), an abbreviation (EST, CET, IST) or an IANA name like \`Europe/London\`.${didYouMeanZones(problem.suggestions)}`;
  }
}

/** What a `/setup` change did. */
export type SetupOutcome =
  | { readonly kind: 'study-channel-added'; readonly channelId: string; readonly already: boolean }
  | { readonly kind: 'study-channel-removed'; readonly channelId: string }
  | { readonly kind: 'term-scheduled'; readonly schedule: TermSchedule; readonly at: number }
  | { readonly kind: 'term-off'; readonly already: boolean };

function scheduleText(schedule: TermSchedule, at: number): string {
  const role = schedule.roleId ? `, mentioning ${roleMention(schedule.roleId)}` : '';
  return `${schedule.time} (${schedule.timezone}, ${utcOffset(schedule.timezone, at)} now)${role}`;
}

export function setupOutcomeText(outcome: SetupOutcome): string {
  switch (outcome.kind) {
    case 'study-channel-added':
      return outcome.already
        ? `${channelMention(outcome.channelId)} was already a study channel.`
        : `${channelMention(outcome.channelId)} is now a study channel: quizzes can run there.`;
    case 'study-channel-removed':
      return `${channelMention(outcome.channelId)} is no longer a study channel.`;
    case 'term-scheduled':
      return `The term of the day will be posted in ${channelMention(outcome.schedule.channelId)} every day at ${scheduleText(outcome.schedule, outcome.at)}.`;
    case 'term-off':
      return outcome.already
        ? 'The term of the day was already off.'
        : 'The term of the day is off. Turn it on again with `/setup term set channel: time: timezone:`.';
  }
}

export function setupOutcomeReply(outcome: SetupOutcome): ReplyPayload {
  return { ephemeral: true, content: `✅ ${setupOutcomeText(outcome)}` };
}

/** A problem `/setup show` found: a channel the bot cannot use, or the last term post's failure. */
export type SettingsProblem =
  | { readonly kind: 'study-channel'; readonly channelId: string; readonly problem: ChannelProblem }
  | { readonly kind: 'term-channel'; readonly channelId: string; readonly problem: ChannelProblem }
  | { readonly kind: 'last-term-post'; readonly problem: string };

function settingsProblemText(problem: SettingsProblem): string {
  switch (problem.kind) {
    case 'study-channel':
      return problem.problem === 'gone'
        ? `Study channel ${channelProblemText(problem.channelId, 'gone')}`
        : channelProblemText(problem.channelId, problem.problem);
    case 'term-channel':
      return `Term of the day: ${problem.problem === 'gone' ? `Term channel ${channelProblemText(problem.channelId, 'gone')}` : channelProblemText(problem.channelId, problem.problem)}`;
    case 'last-term-post':
      return `Last term-of-the-day post: ${problem.problem}`;
  }
}

export interface SettingsReport {
  readonly studyChannelIds: readonly string[];
  readonly termSchedule: TermSchedule | null;
  readonly problems: readonly SettingsProblem[];
}

/** `/setup show`. */
export function settingsReply(report: SettingsReport, at: number): ReplyPayload {
  const { studyChannelIds, termSchedule: schedule, problems } = report;
  return {
    ephemeral: true,
    embeds: [
      {
        title: 'Levels Tutor settings for this server',
        color: problems.length > 0 ? COLORS.problem : COLORS.general,
        fields: [
          { name: 'Study channels (quizzes run here)', value: studyChannelIds.map(channelMention).join(', ') || 'None yet: `/setup study-channel add`' },
          {
            name: 'Term of the day',
            value:
              schedule === null ? 'Off: `/setup term set channel: time: timezone:`' : `${channelMention(schedule.channelId)} at ${scheduleText(schedule, at)}`,
          },
          { name: 'Problems', value: problems.length > 0 ? problems.map((p) => `⚠️ ${settingsProblemText(p)}`).join('\n') : 'None found ✅' },
        ],
      },
    ],
  };
}
