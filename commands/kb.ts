import { ApplicationCommandOptionType, PermissionFlagsBits } from 'discord-api-types/v10';
import type { CommandModule } from '../src/bot/command.ts';
import { PERIOD_CHOICES, periodStart } from '../src/bot/periods.ts';
import { requireServer, SERVER_ONLY } from '../src/bot/reach.ts';
import { gapSections } from '../src/format/gaps.ts';
import { LEVEL_STYLE } from '../src/format/levels.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { UserError } from '../src/interactions/errors.ts';

const SHOWN = 10;
const PERIOD_NAMES: Readonly<Record<string, string>> = { week: 'last 7 days', month: 'last 30 days', all: 'all time' };

/** For curators: what this server's students could not get answered, voted 👎 or reported. */
export const kbCommand: CommandModule = {
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
  },
  examples: ['/kb gaps period: week'],

  async execute(interaction, context) {
    const guildId = requireServer(interaction, '`/kb`');
    // Discord hides the command from members without Manage Server; a changed override must not open it up.
    if (!interaction.can('ManageGuild')) throw new UserError('`/kb gaps` needs the **Manage Server** permission.');
    if (interaction.subcommand !== 'gaps') throw new UserError('I don’t know that `/kb` option. Try `/help`.');
    const period = periodStart(interaction.string('period'), 'month', context.now());
    const scope = { guildId, since: period.since ?? 0 };
    const sections = gapSections(context.storage.askLog.gaps(SHOWN, scope), context.storage.itemReports.summary(SHOWN, scope));
    await interaction.reply({
      ephemeral: true,
      embeds: [
        {
          title: `Knowledge gaps: ${PERIOD_NAMES[period.name] ?? period.name}`,
          description: 'For all servers, curators run `npm run kb:gaps`; `npm run kb:suggest` proposes new phrasings.',
          color: LEVEL_STYLE.general.colour,
          // A code block: questions are students' own words, shown as typed and never rendered as mentions or markdown.
          fields: sections.map((section) => ({
            name: section.title,
            value: section.lines.length === 0 ? 'None.' : truncate(`\`\`\`\n${section.lines.map((l) => l.replace(/`/g, 'ˋ')).join('\n')}`, LIMITS.fieldValue - 4) + '\n```',
          })),
        },
      ],
    });
  },
};
