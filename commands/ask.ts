import { ApplicationCommandOptionType, ApplicationIntegrationType, InteractionContextType } from 'discord-api-types/v10';
import type { BotContext, CommandModule } from '../src/bot/command.ts';
import type { AnswerDoc, AskResult } from '../src/engines/answer-engine.ts';
import { askButtonParts, docIdOf } from '../src/format/custom-ids/ask.ts';
import { answerReply, noMatchReply, unsureReply } from '../src/format/ask-reply.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { UserError } from '../src/interactions/errors.ts';

/** Shown when nothing matched: a few good first questions. */
const EXAMPLE_IDS = ['three-levels-overview', 'micro-vs-macro', 'family-smallest-mezzo-unit', 'micro-definition'];

function findDoc(context: BotContext, kind: 'e' | 't', id: string): AnswerDoc {
  const doc = context.knowledge.engine.getDoc(docIdOf(kind, id));
  if (doc === undefined) throw new UserError("That answer isn't in my knowledge base anymore. Try `/ask` again.");
  return doc;
}

/** Curated related entries first, then the engine's other candidates, three at most. */
function relatedDocs(context: BotContext, doc: AnswerDoc, result?: AskResult): AnswerDoc[] {
  const curated = doc.related.map((id) => context.knowledge.engine.getDoc(id)).filter((d): d is AnswerDoc => d !== undefined);
  const unique = new Map([...curated, ...(result?.suggestions ?? [])].map((d) => [d.id, d]));
  unique.delete(doc.id);
  return [...unique.values()].slice(0, 3);
}

function replyFor(context: BotContext, doc: AnswerDoc, score: number | null, ephemeral: boolean, result?: AskResult) {
  return answerReply(doc, { score, related: relatedDocs(context, doc, result), sourceTitles: context.knowledge.sourceTitles(doc.sources), ephemeral });
}

export const askCommand: CommandModule = {
  data: {
    name: 'ask',
    description: 'Ask a question about micro, mezzo or macro social work practice',
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      { type: ApplicationCommandOptionType.String, name: 'question', description: 'Your question, in your own words', required: true, autocomplete: true, max_length: 500 },
      { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer (default: everyone in the channel)' },
    ],
  },
  examples: ['/ask question: what is the difference between micro and macro?', '/ask question: do I need a license for macro work? private: true'],

  async execute(interaction, context) {
    const wait = context.askCooldowns.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply({ ephemeral: true, content: `One moment! You can ask again in ${Math.ceil(wait / 1000)} s.` });
      return;
    }
    const question = interaction.string('question') ?? '';
    const result = context.knowledge.engine.ask(question);
    if (result.answer !== null) {
      await interaction.reply(replyFor(context, result.answer.doc, result.answer.score, interaction.boolean('private') ?? false, result));
      return;
    }
    if (result.outcome !== 'empty') context.storage.askLog.logUnanswered(interaction.guildId, question, result.outcome);
    if (result.outcome === 'unsure' && result.suggestions.length > 0) {
      await interaction.reply(unsureReply(question, result.suggestions));
      return;
    }
    const examples = EXAMPLE_IDS.map((id) => context.knowledge.engine.getDoc(id)).filter((d): d is AnswerDoc => d !== undefined);
    await interaction.reply(noMatchReply(question, examples));
  },

  async autocomplete(interaction, context) {
    const choices = context.knowledge.engine.autocomplete(interaction.focused.value, LIMITS.choices);
    await interaction.respond(
      choices.map((c) => ({ name: truncate(c.kind === 'term' ? `📘 ${c.label}` : c.label, LIMITS.choiceName), value: truncate(c.value, LIMITS.choiceValue) })),
    );
  },

  async button(interaction, parts, context) {
    const parsed = askButtonParts.safeParse(parts);
    if (!parsed.success) throw new UserError("That button isn't valid anymore. Try `/ask` again.");
    const action = parsed.data;
    if (action[0] === 'show') {
      await interaction.reply(replyFor(context, findDoc(context, action[1], action[2]), null, true));
      return;
    }
    const [, vote, kind, id] = action;
    const doc = findDoc(context, kind, id);
    context.storage.askLog.vote(doc.id, interaction.user.id, vote === 'up' ? 1 : -1, interaction.guildId);
    await interaction.reply({
      ephemeral: true,
      content: vote === 'up' ? 'Thanks! Glad it helped. 👍' : "Thanks for telling me. 👎 The curators will look at this answer.",
    });
  },
};
