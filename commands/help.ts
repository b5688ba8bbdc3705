import { defineCommand } from '../src/bot/command.ts';
import { EVERYWHERE, serverId } from '../src/bot/reach.ts';
import { helpReply } from '../src/format/help.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';

export const helpCommand = defineCommand({
  needs: ['knowledge', 'setup', 'catalog'],
  data: {
    name: 'help',
    description: 'What Levels Tutor does, every command, and this server’s study channels',
    ...EVERYWHERE,
  } as const satisfies CommandDefinition,
  examples: ['/help'],

  async execute(interaction, { knowledge, setup, catalog }) {
    const { entries, terms, quiz } = knowledge.knowledge;
    const guildId = serverId(interaction);
    await interaction.reply(
      helpReply({
        commands: catalog.commands.map((command) => ({ name: command.data.name, description: command.data.description, examples: command.examples })),
        messageCommands: catalog.messageCommands.map((command) => command.summary),
        counts: { entries: entries.length, terms: terms.length, quiz: quiz.length },
        studyChannelIds: guildId === null ? null : await setup.studyChannels(guildId),
      }),
    );
  },
});
