import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { z } from 'zod';
import type { BotContext, CommandModule } from '../src/bot/command.ts';
import { EVERYWHERE, repliesForcedPrivate, serverId } from '../src/bot/reach.ts';
import type { AnswerDoc, AskResult } from '../src/engines/answer-engine.ts';
import { answerReply, noMatchReply, unsureReply } from '../src/format/ask-reply.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { UserError } from '../src/interactions/errors.ts';

/** Shown when nothing matched: a few good first questions. */
const EXAMPLE_IDS = ['three-levels-overview', 'micro-vs-macro', 'family-smallest-mezzo-unit', 'micro-definition'];

const docId = z.string().regex(/^[a-z0-9-]{1,60}$/);
const docKind = z.enum(['e', 't']);
const buttonParts = z.union([
  z.tuple([z.literal('show'), docKind, docId]),
  z.tuple([z.literal('vote'), z.enum(['up', 'down']), docKind, docId]),
  z.tuple([z.literal('pick'), z.coerce.number().int().positive(), docKind, docId]),
]);

function findDoc(context: BotContext, kind: 'e' | 't', id: string): AnswerDoc {
  const doc = context.knowledge.engine.getDoc(kind === 't' ? `term:${id}` : id);
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

/** A private answer can be shared, unless Discord keeps every reply private here anyway. */
function replyFor(context: BotContext, doc: AnswerDoc, score: number | null, ephemeral: boolean, forcedPrivate: boolean, result?: AskResult) {
  return answerReply(doc, { score, related: relatedDocs(context, doc, result), sourceTitles: context.knowledge.sourceTitles(doc.sources), ephemeral: ephemeral || forcedPrivate, shareable: !forcedPrivate });
}

export const askCommand: CommandModule = {
  data: {
    name: 'ask',
    description: 'Ask a question about micro, mezzo or macro social work practice',
    ...EVERYWHERE,
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
      await interaction.reply(replyFor(context, result.answer.doc, result.answer.score, interaction.boolean('private') ?? false, repliesForcedPrivate(interaction), result));
      return;
    }
    const logId = result.outcome === 'empty' ? null : context.storage.askLog.logUnanswered(serverId(interaction), question, result.outcome);
    if (logId !== null && result.outcome === 'unsure' && result.suggestions.length > 0) {
      await interaction.reply(unsureReply(question, result.suggestions, logId));
      return;
    }
    const examples = EXAMPLE_IDS.map((id) => context.knowledge.engine.getDoc(id)).filter((d): d is AnswerDoc => d !== undefined);
    await interaction.reply(noMatchReply(question, examples, logId === null ? undefined : { logId, docs: result.suggestions }));
  },

  async autocomplete(interaction, context) {
    const choices = context.knowledge.engine.autocomplete(interaction.focused.value, LIMITS.choices);
    await interaction.respond(
      choices.map((c) => ({ name: truncate(c.kind === 'term' ? `📘 ${c.label}` : c.label, LIMITS.choiceName), value: truncate(c.value, LIMITS.choiceValue) })),
    );
  },

  async button(interaction, parts, context) {
    const parsed = buttonParts.safeParse(parts);
    if (!parsed.success) throw new UserError("That button isn't valid anymore. Try `/ask` again.");
    const action = parsed.data;
    if (action[0] === 'show' || action[0] === 'pick') {
      const doc = action[0] === 'show' ? findDoc(context, action[1], action[2]) : findDoc(context, action[2], action[3]);
      // A pick pairs the question the bot could not answer with the entry the student chose, for `npm run kb:suggest`.
      if (action[0] === 'pick') context.storage.picks.record(action[1], doc.id, interaction.user.id);
      await interaction.reply(replyFor(context, doc, null, true, repliesForcedPrivate(interaction)));
      return;
    }
    const [, vote, kind, id] = action;
    const doc = findDoc(context, kind, id);
    context.storage.askLog.vote(doc.id, interaction.user.id, vote === 'up' ? 1 : -1, serverId(interaction));
    await interaction.reply({
      ephemeral: true,
      content: vote === 'up' ? 'Thanks! Glad it helped. 👍' : "Thanks for telling me. 👎 The curators will look at this answer.",
    });
  },
};
