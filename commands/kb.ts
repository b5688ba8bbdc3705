import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import { defineCommand } from '../src/bot/command.ts';
import { PERIOD_CHOICES, periodStart } from '../src/bot/periods.ts';
import { requireServer, SERVER_ONLY } from '../src/bot/reach.ts';
import { gapsReply } from '../src/format/gaps.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';

const SHOWN = 10;

/** For curators: what this server's students could not get answered, voted 👎 or reported. */
export const kbCommand = defineCommand({
  needs: ['askFeedback', 'now'],
  data: {
    name: 'kb',
    description: 'For curators: gaps in the knowledge base (Manage Server)',
    default_member_permissions: String(PermissionFlagsBits.ManageGuild),
    ...SERVER_ONLY,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'gaps',
        description: 'This server’s most frequent unanswered questions, 👎 answers and reports',
        options: [{ type: ApplicationCommandOptionType.String, name: 'period', description: 'week, month or all (default month)', choices: PERIOD_CHOICES }],
      },
    ],
  } as const satisfies CommandDefinition,
  examples: ['/kb gaps period: week'],

  async execute(interaction, { askFeedback, now }) {
    const guildId = requireServer(interaction, '`/kb`');
    // Discord hides the command from members without Manage Server; a changed override must not open it up.
    if (!interaction.can('ManageGuild')) throw new UserError('`/kb gaps` needs the **Manage Server** permission.');
    if (interaction.subcommand !== 'gaps') throw new UserError('I don’t know that `/kb` option. Try `/help`.');
    const period = periodStart(interaction.string('period'), 'month', now());
    const { gaps, reports } = await askFeedback.gaps(SHOWN, { guildId, since: period.since ?? 0 });
    await interaction.reply(gapsReply(period.name, gaps, reports));
  },
});
