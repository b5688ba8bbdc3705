import { ApplicationCommandOptionType, ChannelType, PermissionFlagsBits, type ApplicationCommandOptionAllowedChannelType } from 'discord-api-types/v10';
import { defineCommand, type BotContext } from '../src/bot/command.ts';
import { requireServer, SERVER_ONLY } from '../src/bot/reach.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';
import { channelProblem, termChannelProblem, type SetupResult } from '../src/engines/setup.ts';
import { suggestTimezones, utcOffset } from '../src/engines/time-zones.ts';
import { LEVEL_STYLE } from '../src/format/levels.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { ChatInputInteraction } from '../src/interactions/types.ts';

const TEXT_CHANNELS: ApplicationCommandOptionAllowedChannelType[] = [ChannelType.GuildText, ChannelType.GuildAnnouncement];

async function showSettings(interaction: ChatInputInteraction, context: BotContext, guildId: string): Promise<void> {
  const settings = await context.setup.show(guildId);
  const problems: string[] = [];
  for (const channelId of settings.studyChannelIds) {
    const facts = await context.messenger.channelFacts(guildId, channelId);
    const problem = facts === null ? `Study channel <#${channelId}> no longer exists or I can't see it.` : channelProblem(facts);
    if (problem !== null) problems.push(problem);
  }
  const schedule = settings.termSchedule;
  if (schedule !== null) {
    const facts = await context.messenger.channelFacts(guildId, schedule.channelId);
    const problem = facts === null ? `Term channel <#${schedule.channelId}> no longer exists or I can't see it.` : termChannelProblem(facts);
    if (problem !== null) problems.push(`Term of the day: ${problem}`);
  }
  if (settings.termProblem !== null) problems.push(`Last term-of-the-day post: ${settings.termProblem}`);
  await interaction.reply({
    ephemeral: true,
    embeds: [
      {
        title: 'Levels Tutor settings for this server',
        color: problems.length > 0 ? 0xe74c3c : LEVEL_STYLE.general.colour,
        fields: [
          { name: 'Study channels (quizzes run here)', value: settings.studyChannelIds.map((id) => `<#${id}>`).join(', ') || 'None yet: `/setup study-channel add`' },
          {
            name: 'Term of the day',
            value:
              schedule === null
                ? 'Off: `/setup term set channel: time: timezone:`'
                : `<#${schedule.channelId}> at ${schedule.time} (${schedule.timezone}, ${utcOffset(schedule.timezone, context.now())} now)${schedule.roleId ? `, mentioning <@&${schedule.roleId}>` : ''}`,
          },
          { name: 'Problems', value: problems.length > 0 ? problems.map((p) => `⚠️ ${p}`).join('\n') : 'None found ✅' },
        ],
      },
    ],
  });
}

function requireChannel(interaction: ChatInputInteraction) {
  const channel = interaction.channel('channel');
  if (channel === null) throw new UserError('Pick a text channel for `channel`.');
  return channel;
}

export const setupCommand = defineCommand({
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
          { type: ApplicationCommandOptionType.Subcommand, name: 'add', description: 'Let quizzes run in a channel', options: [{ type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'A text channel', required: true, channel_types: TEXT_CHANNELS }] },
          { type: ApplicationCommandOptionType.Subcommand, name: 'remove', description: 'Stop quizzes in a channel', options: [{ type: ApplicationCommandOptionType.Channel, name: 'channel', description: 'A study channel', required: true, channel_types: TEXT_CHANNELS }] },
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
              { type: ApplicationCommandOptionType.String, name: 'timezone', description: 'A city (London, New York), an abbreviation (EST, CET) or an IANA zone', required: true, autocomplete: true, max_length: 64 },
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

  async execute(interaction, context) {
    const guildId = requireServer(interaction, '`/setup`');
    // Discord hides the command from others, but a stale client or forged call must still be refused.
    if (!interaction.can('ManageGuild')) throw new UserError('Only members with the **Manage Server** permission can change Levels Tutor’s settings.');

    let result: SetupResult;
    const route = `${interaction.subcommandGroup ?? ''}/${interaction.subcommand ?? ''}`;
    switch (route) {
      case 'study-channel/add':
        result = await context.setup.addStudyChannel(guildId, requireChannel(interaction));
        break;
      case 'study-channel/remove':
        result = await context.setup.removeStudyChannel(guildId, requireChannel(interaction).id);
        break;
      case 'term/set': {
        const role = interaction.role('role');
        result = await context.setup.setTermSchedule(guildId, {
          channel: interaction.channel('channel'),
          time: interaction.string('time'),
          timezone: interaction.string('timezone'),
          roleId: role?.id ?? null,
          at: context.now(),
        });
        break;
      }
      case 'term/off':
        result = await context.setup.turnTermOff(guildId);
        break;
      case '/show':
        await showSettings(interaction, context, guildId);
        return;
      default:
        throw new UserError('I don’t know that `/setup` option. Try `/setup show`.');
    }
    await interaction.reply({ ephemeral: true, content: `${result.ok ? '✅' : '⚠️'} ${result.message}` });
  },

  async autocomplete(interaction, context) {
    if (interaction.focused.name !== 'timezone') return interaction.respond([]);
    await interaction.respond(suggestTimezones(interaction.focused.value, context.now(), LIMITS.choices).map((s) => ({ name: truncate(s.label, LIMITS.choiceName), value: s.zone })));
  },
});
