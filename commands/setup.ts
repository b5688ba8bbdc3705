import { ApplicationCommandOptionType, ChannelType, PermissionFlagsBits, type ApplicationCommandOptionAllowedChannelType } from 'discord-api-types/v10';
import { defineCommand } from '../src/bot/command.ts';
import { requireServer, SERVER_ONLY } from '../src/bot/reach.ts';
import { suggestTimezones } from '../src/engines/time-zones.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { settingsReply, setupOutcomeReply, type SetupOutcome } from '../src/format/setup.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';
import type { ChannelFacts } from '../src/domain/channel.ts';

const TEXT_CHANNELS: ApplicationCommandOptionAllowedChannelType[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

function requireChannel(channel: ChannelFacts | null): ChannelFacts {
  if (channel === null) throw new UserError('Pick a text channel for `channel`.');
  return channel;
}

export const setupCommand = defineCommand({
  needs: ['setup', 'now'],
  data: {
    name: 'setup',
    description: 'Configure Levels Tutor for this server (Manage Server)',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    ...SERVER_ONLY,
    options: [
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: 'study-channel',
        description: 'Channels where quizzes may run',
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'add',
            description: 'Let quizzes run in a channel',
            options: [
              { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'A text channel', required: true, channel_types: TEXT_CHANNELS },
            ],
          },
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'remove',
            description: 'Stop quizzes in a channel',
            options: [
              { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'A study channel', required: true, channel_types: TEXT_CHANNELS },
            ],
          },
        ],
      },
      {
        type: ApplicationCommandOptionType.SubcommandGroup,
        name: 'term',
        description: 'The daily term of the day',
        options: [
          {
            type: ApplicationCommandOptionType.Subcommand,
            name: 'set',
            description: 'Post a term of the day every day',
            options: [
              { type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'Where to post', required: true, channel_types: TEXT_CHANNELS },
              { type: ApplicationCommandOptionType.String, name: 'time', description: 'Local time, 24-hour HH:MM (e.g. 09:00)', required: true, max_length: 5 },
              {
                type: ApplicationCommandOptionType.String,
                name: 'timezone',
                description: 'A city (London, New York), an abbreviation (EST, CET) or an IANA zone',
                required: true,
                autocomplete: true,
                max_length: 64,
              },
              { type: ApplicationCommandOptionType.Role, name: 'role', description: 'A role to mention with each post (optional)' },
            ],
          },
          { type: ApplicationCommandOptionType.Subcommand, name: 'off', description: 'Stop the term of the day' },
        ],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'show', description: 'Show this server’s settings and any problems' },
    ],
  } as const satisfies CommandDefinition,
  examples: ['/setup study-channel add channel: #study-hall', '/setup term set channel: #daily time: 09:00 timezone: Europe/London', '/setup show'],

  async execute(interaction, { setup, now }) {
    const guildId = requireServer(interaction, '`/setup`');
    // Discord hides the command from others, but a stale client or forged call must still be refused.
    if (!interaction.can('ManageGuild')) throw new UserError('Only members with the **Manage Server** permission can change Levels Tutor’s settings.');

    let outcome: SetupOutcome;
    const route = `${interaction.subcommandGroup ?? ''}/${interaction.subcommand ?? ''}`;
    switch (route) {
      case 'study-channel/add':
        outcome = await setup.addStudyChannel(guildId, requireChannel(interaction.channel('channel')));
        break;
      case 'study-channel/remove':
        outcome = await setup.removeStudyChannel(guildId, requireChannel(interaction.channel('channel')).id);
        break;
      case 'term/set':
        outcome = await setup.setTermSchedule(guildId, {
          channel: interaction.channel('channel'),
          time: interaction.string('time'),
          timezone: interaction.string('timezone'),
          roleId: interaction.role('role')?.id ?? null,
          at: now(),
        });
        break;
      case 'term/off':
        outcome = await setup.turnTermOff(guildId);
        break;
      case '/show':
        await interaction.reply(settingsReply(await setup.report(guildId), now()));
        return;
      default:
        throw new UserError('I don’t know that `/setup` option. Try `/setup show`.');
    }
    await interaction.reply(setupOutcomeReply(outcome));
  },

  async autocomplete(interaction, { now }) {
    if (interaction.focused.name !== 'timezone') return interaction.respond([]);
    await interaction.respond(
      suggestTimezones(interaction.focused.value, now(), LIMITS.choices).map((s) => ({ name: truncate(s.label, LIMITS.choiceName), value: s.zone })),
    );
  },
});
