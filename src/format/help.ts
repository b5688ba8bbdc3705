import { channelMention } from '@discordjs/formatters';
import type { ReplyPayload } from '../interactions/types.ts';
import { COLORS } from './colors.ts';
import { LEVEL_STYLE } from './levels.ts';

export interface HelpFacts {
  /** Each slash command's name, description and examples, in registry order. */
  readonly commands: ReadonlyArray<{ readonly name: string; readonly description: string; readonly examples: readonly string[] }>;
  /** Each message command's one-line summary. */
  readonly messageCommands: readonly string[];
  readonly counts: { readonly entries: number; readonly terms: number; readonly quiz: number };
  /** This server's study channels; null outside a server that added the bot. */
  readonly studyChannelIds: readonly string[] | null;
}

/** `/help`: what the bot does, every command with an example, how a quiz question closes, this server's study channels. */
export function helpReply(facts: HelpFacts): ReplyPayload {
  const { entries, terms, quiz } = facts.counts;
  const commandLines = [
    ...facts.commands.map((command) => `**/${command.name}**: ${command.description}\n${command.examples.map((e) => `\`${e}\``).join('\n')}`),
    ...facts.messageCommands,
  ];
  const where =
    facts.studyChannelIds === null
      ? 'Group quizzes run in the study channels of a server that added Levels Tutor; `/ask`, `/term` and `/quiz practice` work anywhere you installed the app.'
      : facts.studyChannelIds.length > 0
        ? facts.studyChannelIds.map(channelMention).join(', ')
        : 'This server has no study channels yet: an admin adds one with `/setup study-channel add`.';
  return {
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
          `I know ${entries} questions, ${terms} glossary terms and ${quiz} quiz items, each from a cited source. If I don't know something, I say so.`,
        ].join('\n'),
        color: COLORS.general,
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
  };
}
