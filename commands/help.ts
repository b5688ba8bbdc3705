import { defineCommand } from '../src/bot/command.ts';
import { EVERYWHERE, serverId } from '../src/bot/reach.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';
import { LEVEL_STYLE } from '../src/format/levels.ts';

export const helpCommand = defineCommand({
  data: {
    name: 'help',
    description: 'What Levels Tutor does, every command, and this server’s study channels',
    ...EVERYWHERE,
  } as const satisfies CommandDefinition,
  examples: ['/help'],

  async execute(interaction, context) {
    const { entries, terms, quiz } = context.knowledge.knowledge;
    const commandLines = [
      ...context.commands.map((command) => `**/${command.data.name}**: ${command.data.description}\n${command.examples.map((e) => `\`${e}\``).join('\n')}`),
      ...context.messageCommands.map((command) => command.summary),
    ];
    const guildId = serverId(interaction);
    const studyChannels = guildId === null ? [] : (await context.storage.settings.get(guildId)).studyChannelIds;
    const where =
      guildId === null
        ? 'Group quizzes run in the study channels of a server that added Levels Tutor; `/ask`, `/term` and `/quiz practice` work anywhere you installed the app.'
        : studyChannels.length > 0
          ? studyChannels.map((id) => `<#${id}>`).join(', ')
          : 'This server has no study channels yet: an admin adds one with `/setup study-channel add`.';
    await interaction.reply({
      ephemeral: true,
      embeds: [
        {
          title: 'Levels Tutor',
          description: [
            'A study buddy for social work practice at three levels:',
            `${LEVEL_STYLE.micro.badge} **Micro**: individuals, families, small groups`,
            `${LEVEL_STYLE.mezzo.badge} **Mezzo** (meso): groups, organisations, communities`,
            `${LEVEL_STYLE.macro.badge} **Macro**: policy, systems, society`,
            '',
            `I know ${entries.length} questions, ${terms.length} glossary terms and ${quiz.length} quiz items, each from a cited source. If I don't know something, I say so.`,
          ].join('\n'),
          color: LEVEL_STYLE.general.colour,
          fields: [
            { name: 'Commands', value: commandLines.join('\n\n') },
            {
              name: 'How a quiz question closes',
              value:
                'At its deadline, or as soon as everyone taking part has answered: on the first question that is whoever started the quiz; after that, everyone who has answered an earlier question. Late joiners are always welcome until the deadline.',
            },
            { name: 'Study channels', value: where },
          ],
        },
      ],
    });
  },
});
