import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, type Services } from '../src/bot/command.ts';
import { EVERYWHERE, serverId } from '../src/bot/reach.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';
import { termQuiz } from '../src/engines/glossary.ts';
import { termButtonParts } from '../src/format/custom-ids/term.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { termCard, termQuizReply, termQuizResult, termSuggestions } from '../src/format/term.ts';
import { UserError } from '../src/interactions/errors.ts';
import type { GlossaryTerm } from '../src/knowledge/schema.ts';

function findTerm({ knowledge }: Pick<Services, 'knowledge'>, id: string): GlossaryTerm {
  const term = knowledge.glossary.get(id);
  if (term === undefined) throw new UserError('That term isn’t in my glossary anymore. Try `/term` again.');
  return term;
}

function card({ knowledge }: Pick<Services, 'knowledge'>, term: GlossaryTerm, footer: string) {
  return termCard(term, footer, knowledge.sourceTitles(term.sources));
}

export const termCommand = defineCommand({
  needs: ['knowledge', 'termJob', 'study', 'now'],
  data: {
    name: 'term',
    description: 'Today’s term of the day, or look up any glossary term',
    ...EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'name',
        description: 'A term to look up (leave empty for today’s term)',
        autocomplete: true,
        max_length: 100,
      },
    ],
  } as const satisfies CommandDefinition,
  examples: ['/term', '/term name: Person-in-Environment'],

  async execute(interaction, context) {
    const name = interaction.string('name')?.trim() ?? '';
    if (name === '') {
      const term = await context.termJob.todaysTerm(serverId(interaction), new Date(context.now()));
      if (term === undefined) throw new UserError('My glossary is empty right now.');
      await interaction.reply(card(context, term, 'Today’s term'));
      return;
    }
    const lookup = context.knowledge.glossary.lookup(name);
    await interaction.reply('found' in lookup ? card(context, lookup.found, 'Glossary') : termSuggestions(name, lookup.suggestions));
  },

  async autocomplete(interaction, context) {
    await interaction.respond(
      context.knowledge.glossary
        .suggest(interaction.focused.value, LIMITS.choices)
        .map((term) => ({ name: truncate(term.term, LIMITS.choiceName), value: truncate(term.term, LIMITS.choiceValue) })),
    );
  },

  async button(interaction, parts, context) {
    const parsed = termButtonParts.safeParse(parts);
    if (!parsed.success) throw new UserError('That term button isn’t valid anymore.');
    const action = parsed.data;
    switch (action[0]) {
      case 'q': {
        const term = findTerm(context, action[1]);
        const { clue, choices } = termQuiz(context.knowledge.knowledge.terms, term, `${term.id}:${interaction.user.id}`);
        await interaction.reply(termQuizReply(term, clue, choices));
        return;
      }
      case 'qa': {
        const result = termQuizResult(findTerm(context, action[1]), findTerm(context, action[2]));
        const note = await context.study.studied(interaction.user.id, interaction.guildId, 'quiz-me');
        await interaction.update(note === null ? result : { ...result, content: note });
        return;
      }
      case 'show':
        await interaction.reply({ ...card(context, findTerm(context, action[1]), 'Glossary'), ephemeral: true });
        return;
    }
  },
});
