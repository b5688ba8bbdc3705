import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import type { Services } from '../src/bot/command.ts';
import { parseTime } from '../src/engines/setup.ts';
import { resolveTimezone, suggestTimezones } from '../src/engines/time-zones.ts';
import { localTime } from '../src/engines/term-schedule.ts';
import { LIMITS, quoteUserText, truncate } from '../src/format/limits.ts';
import { didYouMeanZones } from '../src/format/setup.ts';
import type { OptionNamesOf } from '../src/interactions/options.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { AutocompleteInteraction, ButtonInteraction, ChatInputInteraction } from '../src/interactions/types.ts';

/** `/quiz settings` and `/quiz remind`: a student's own time zone and practice reminders. */
const timezoneOption = (description: string, required: boolean) =>
  ({ type: ApplicationCommandOptionType.String, name: 'timezone', description, required, autocomplete: true, max_length: 64 }) as const;

export const settingsSubcommand = {
  type: ApplicationCommandOptionType.Subcommand,
  name: 'settings',
  description: 'Your own time zone, for study days, streaks and reminders',
  options: [timezoneOption('A city, abbreviation or IANA zone, e.g. London, EST, Europe/London', true)],
} as const;

export const remindGroup = {
  type: ApplicationCommandOptionType.SubcommandGroup,
  name: 'remind',
  description: 'A DM at your time when practice cards are due',
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: 'on',
      description: 'DM me at this local time on days when practice cards are due',
      options: [
        { type: ApplicationCommandOptionType.String, name: 'time', description: '24-hour HH:MM, e.g. 18:30', required: true, max_length: 5 },
        timezoneOption('Time zone (default: yours from /quiz settings, else the server’s)', false),
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: 'off', description: 'No more practice reminders' },
  ],
} as const;

function timezone(typed: string): string {
  const zone = resolveTimezone(typed);
  if ('zone' in zone) return zone.zone;
  throw new UserError(
    `“${quoteUserText(typed, 40)}” is not a time zone I know. Use a city like London or New York, an abbreviation like EST, or an IANA name like \`Europe/London\`.${didYouMeanZones(zone.suggestions)}`,
  );
}

type HabitServices = Pick<Services, 'study' | 'now'>;
/** The option names `/quiz settings` and `/quiz remind` read. */
type HabitOptions = OptionNamesOf<{ name: 'quiz'; description: ''; options: [typeof settingsSubcommand, typeof remindGroup] }>;

export async function quizSettings(interaction: ChatInputInteraction<HabitOptions>, { study, now }: HabitServices): Promise<void> {
  const zone = timezone(interaction.string('timezone') ?? '');
  await study.setTimezone(interaction.user.id, zone);
  const clock = localTime(new Date(now()), zone);
  await interaction.reply({
    ephemeral: true,
    content: `Your study days now follow **${zone}** (it is ${clock} there). Streaks and \`/quiz stats\` count your local days.`,
  });
}

export async function quizRemind(interaction: ChatInputInteraction<HabitOptions>, { study }: Pick<Services, 'study'>): Promise<void> {
  const userId = interaction.user.id;
  if (interaction.subcommand === 'off') {
    await study.setReminder(userId, null);
    await interaction.reply({ ephemeral: true, content: 'Practice reminders are off. Turn them on again with `/quiz remind on`.' });
    return;
  }
  const typedTime = interaction.string('time') ?? '';
  const time = parseTime(typedTime);
  if (time === null) throw new UserError(`“${quoteUserText(typedTime, 20)}” is not a time I understand. Use 24-hour HH:MM, for example 08:30 or 18:00.`);
  const typedZone = interaction.string('timezone');
  const zone = typedZone === null ? await study.timezoneOf(userId, interaction.guildId) : timezone(typedZone);
  await study.setReminder(userId, { time, timezone: zone });
  const offline = !study.sendsDms ? ' (The offline console sends no DMs: reminders go out while the bot runs on Discord.)' : '';
  await interaction.reply({
    ephemeral: true,
    content: `Practice reminders are on: I’ll DM you at **${time} (${zone})** on days when practice cards are due, never more than once a day. \`/quiz remind off\`, or the button on any reminder, turns them off.${offline}`,
  });
}

/** The "Turn reminders off" button on a reminder DM. */
export async function reminderOff(interaction: ButtonInteraction, { study }: Pick<Services, 'study'>): Promise<void> {
  await study.setReminder(interaction.user.id, null);
  await interaction.reply({ ephemeral: true, content: 'Practice reminders are off. Turn them on again with `/quiz remind on`.' });
}

export async function timezoneChoices(interaction: AutocompleteInteraction, { now }: Pick<Services, 'now'>): Promise<void> {
  await interaction.respond(
    suggestTimezones(interaction.focused.value, now(), LIMITS.choices).map((s) => ({ name: truncate(s.label, LIMITS.choiceName), value: s.zone })),
  );
}
