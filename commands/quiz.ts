import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand } from '../src/bot/command.ts';
import { PERIOD_CHOICES, periodStart } from '../src/bot/periods.ts';
import { EVERYWHERE, requireServer } from '../src/bot/reach.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';
import { QUIZ_LEVELS, QUIZ_LIMITS, quizLevel, type QuizLevel } from '../src/engines/quiz.ts';
import { quizButtonParts } from '../src/format/custom-ids/quiz.ts';
import { leaderboardReply, quizIntro, statsReply } from '../src/format/quiz.ts';
import { pressText } from '../src/format/quiz-notices.ts';
import { quoteUserText } from '../src/format/limits.ts';
import { UserError } from '../src/interactions/errors.ts';
import { answerPractice, continuePractice, shownTimeOf, startPractice } from './quiz-practice.ts';
import { quizRemind, quizSettings, reminderOff, remindGroup, settingsSubcommand, timezoneChoices } from './quiz-habits.ts';
import { quizReport, replyWithStats, reportSubcommand } from './quiz-report.ts';

const LEVEL_DESCRIPTION = 'micro, mezzo (or meso), macro or mixed (default mixed)';

/** A level as typed ("meso", "Mezzo"), or a friendly refusal. */
function chosenLevel(typed: string | null): QuizLevel {
  const parsed = quizLevel(typed);
  if (parsed === null) throw new UserError(`“${quoteUserText(typed ?? '', 40)}” is not a level I know: pick micro, mezzo (or meso), macro or mixed.`);
  return parsed;
}

function bounded(value: number | null, min: number, max: number, fallback: number): number {
  return value === null ? fallback : Math.min(max, Math.max(min, value));
}

export const quizCommand = defineCommand({
  needs: ['quizzes', 'records', 'practice', 'study', 'knowledge', 'logger', 'now'],
  data: {
    name: 'quiz',
    description: 'Quick quizzes on micro, mezzo and macro practice',
    // One command for all of /quiz: practice works everywhere; the group features check for a server themselves.
    ...EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'start',
        description: 'Start a group quiz in this study channel',
        options: [
          { type: ApplicationCommandOptionType.String, name: 'level', description: LEVEL_DESCRIPTION, autocomplete: true, max_length: 40 },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'questions',
            description: `How many questions, ${QUIZ_LIMITS.minQuestions}-${QUIZ_LIMITS.maxQuestions} (default ${QUIZ_LIMITS.defaultQuestions})`,
            min_value: QUIZ_LIMITS.minQuestions,
            max_value: QUIZ_LIMITS.maxQuestions,
          },
          {
            type: ApplicationCommandOptionType.Integer,
            name: 'seconds',
            description: `Seconds per question, ${QUIZ_LIMITS.minSeconds}-${QUIZ_LIMITS.maxSeconds} (default ${QUIZ_LIMITS.defaultSeconds})`,
            min_value: QUIZ_LIMITS.minSeconds,
            max_value: QUIZ_LIMITS.maxSeconds,
          },
        ],
      },
      { type: ApplicationCommandOptionType.Subcommand, name: 'stop', description: 'Stop the quiz in this channel (starter or Manage Messages)' },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'leaderboard',
        description: 'This server’s top 10, and your own rank',
        options: [{ type: ApplicationCommandOptionType.String, name: 'period', description: 'week, month or all (default week)', choices: PERIOD_CHOICES }],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'stats',
        description: 'Questions answered, accuracy per level, best streak',
        options: [{ type: ApplicationCommandOptionType.User, name: 'user', description: 'Whose stats (default: yours)' }],
      },
      {
        type: ApplicationCommandOptionType.Subcommand,
        name: 'practice',
        description: 'Drill alone, privately: favours what you missed or have not seen',
        options: [{ type: ApplicationCommandOptionType.String, name: 'level', description: LEVEL_DESCRIPTION, autocomplete: true, max_length: 40 }],
      },
      reportSubcommand,
      settingsSubcommand,
      remindGroup,
    ],
  } as const satisfies CommandDefinition,
  examples: [
    '/quiz start level: micro questions: 5 seconds: 20',
    '/quiz practice level: macro',
    '/quiz leaderboard period: month',
    '/quiz stats',
    '/quiz report period: month',
    '/quiz settings timezone: Europe/London',
    '/quiz remind on time: 18:30',
  ],

  async execute(interaction, context) {
    if (interaction.subcommandGroup === 'remind') return quizRemind(interaction, context);
    switch (interaction.subcommand) {
      case 'start': {
        const started = await context.quizzes.start({
          guildId: requireServer(interaction, 'A group quiz'),
          channelId: interaction.channelId,
          userId: interaction.user.id,
          level: chosenLevel(interaction.string('level')),
          questions: bounded(interaction.integer('questions'), QUIZ_LIMITS.minQuestions, QUIZ_LIMITS.maxQuestions, QUIZ_LIMITS.defaultQuestions),
          seconds: bounded(interaction.integer('seconds'), QUIZ_LIMITS.minSeconds, QUIZ_LIMITS.maxSeconds, QUIZ_LIMITS.defaultSeconds),
        });
        await interaction.reply(quizIntro(started.level, started.questions, started.seconds, started.starterId));
        return;
      }
      case 'stop': {
        requireServer(interaction, 'A group quiz');
        await context.quizzes.stop({ channelId: interaction.channelId, userId: interaction.user.id, canManageMessages: interaction.can('ManageMessages') });
        await interaction.reply({ ephemeral: true, content: 'Quiz stopped. Scores so far are saved.' });
        return;
      }
      case 'leaderboard': {
        const period = periodStart(interaction.string('period'), 'week', context.now());
        const { top, own } = await context.records.leaderboard(requireServer(interaction, 'The leaderboard'), period.since, 10, interaction.user.id);
        await interaction.reply(leaderboardReply(period.name, top, own));
        return;
      }
      case 'stats': {
        const user = interaction.userOption('user') ?? interaction.user;
        const stats = await context.records.stats(requireServer(interaction, 'Quiz stats'), user.id);
        const study = user.id === interaction.user.id ? await context.study.summary(user.id, interaction.guildId) : undefined;
        await replyWithStats(interaction, context, user.id, statsReply(user.id, stats, study), stats);
        return;
      }
      case 'report':
        return quizReport(interaction, context);
      case 'practice':
        await startPractice(interaction, context, chosenLevel(interaction.string('level')));
        return;
      case 'settings':
        return quizSettings(interaction, context);
      default:
        throw new UserError('I don’t know that `/quiz` option. Try `/help`.');
    }
  },

  async autocomplete(interaction, context) {
    if (interaction.focused.name === 'timezone') return timezoneChoices(interaction, context);
    const typed = interaction.focused.value;
    const parsed = quizLevel(typed);
    const levels = parsed !== null && typed.trim() !== '' ? [parsed] : QUIZ_LEVELS.filter((l) => l.startsWith(typed.trim().toLowerCase()));
    await interaction.respond((levels.length > 0 ? levels : QUIZ_LEVELS).map((l) => ({ name: l === 'mezzo' ? 'mezzo (meso)' : l, value: l })));
  },

  async button(interaction, parts, context) {
    const parsed = quizButtonParts.safeParse(parts);
    if (!parsed.success) throw new UserError('That quiz button isn’t valid anymore.');
    const action = parsed.data;
    switch (action[0]) {
      case 'a': {
        const [, sessionId, round, choice] = action;
        const message = pressText(await context.quizzes.press({ sessionId, round, choice, userId: interaction.user.id, channelId: interaction.channelId }));
        const note = await context.study.studied(interaction.user.id, interaction.guildId);
        await interaction.reply({ ephemeral: true, content: note === null ? message : `${message}\n${note}` });
        return;
      }
      case 'closed':
        throw new UserError('That question has closed.');
      case 'p': {
        const [, practiceLevel, id, choice, shownAt, shownTime] = action;
        await answerPractice(interaction, context, { level: practiceLevel, itemId: id, choice, shownAt, shownTime: shownTimeOf(shownTime) });
        return;
      }
      case 'pn':
        await continuePractice(interaction, context, action[1], action[2]);
        return;
      case 'rp':
        await continuePractice(interaction, context, 'mixed');
        return;
      case 'ro':
        return reminderOff(interaction, context);
      case 'ps':
        await interaction.update({ content: 'Practice ended. Come back any time with `/quiz practice`!', embeds: [], components: [] });
        return;
    }
  },
});
