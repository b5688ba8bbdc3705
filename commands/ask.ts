import { ApplicationCommandOptionType } from 'discord-api-types/v10';
import { defineCommand, type Services } from '../src/bot/command.ts';
import { EVERYWHERE, repliesForcedPrivate, serverId } from '../src/bot/reach.ts';
import type { CommandDefinition } from '../src/interactions/options.ts';
import type { AnswerDoc, AskContext, AskResult } from '../src/engines/answer-engine.ts';
import { foldText } from '../src/text.ts';
import { askButtonParts, docIdOf } from '../src/format/custom-ids/ask.ts';
import { answerReply, chitChatReply, noMatchReply, unsureReply } from '../src/format/ask-reply.ts';
import { LIMITS, truncate } from '../src/format/limits.ts';
import { UserError } from '../src/interactions/errors.ts';

/** Shown when nothing matched: a few good first questions. */
const EXAMPLE_IDS = ['three-levels-overview', 'micro-vs-macro', 'family-smallest-mezzo-unit', 'micro-definition'];

type Knowledge = Pick<Services, 'knowledge'>;

function findDoc({ knowledge }: Knowledge, kind: 'e' | 't', id: string): AnswerDoc {
  const doc = knowledge.engine.getDoc(docIdOf(kind, id));
  if (doc === undefined) throw new UserError("That answer isn't in my knowledge base anymore. Try `/ask` again.");
  return doc;
}

/** How long a student's last question gives context to a follow-up ("and mezzo?"). */
const FOLLOW_UP_MS = 10 * 60 * 1000;
/** Remembered questions at most: the oldest is forgotten first. */
const FOLLOW_UP_LIMIT = 1000;

/** Each student's last question per channel, in memory only, so "and mezzo?" can be read as a follow-up. */
export class RecentQuestions {
  private readonly byKey = new Map<string, { question: string; at: number }>();

  constructor(private readonly limit = FOLLOW_UP_LIMIT) {}

  private static key(userId: string, channelId: string): string {
    return `${userId}\u0000${channelId}`;
  }

  /** The same student's previous question in the same channel, if asked within the last 10 minutes. */
  get(userId: string, channelId: string, now: number): AskContext | undefined {
    const entry = this.byKey.get(RecentQuestions.key(userId, channelId));
    return entry !== undefined && now - entry.at <= FOLLOW_UP_MS ? { question: entry.question } : undefined;
  }

  remember(userId: string, channelId: string, question: string, now: number): void {
    const key = RecentQuestions.key(userId, channelId);
    // Re-inserting moves the key to the end, so the Map's first key is always the oldest.
    this.byKey.delete(key);
    this.byKey.set(key, { question, at: now });
    if (this.byKey.size > this.limit) this.byKey.delete(this.byKey.keys().next().value as string);
  }
}

/** One memory per running bot (each has its own knowledge holder), so two bots in one process (tests, the console) never share context. */
const recentByBot = new WeakMap<Services['knowledge'], RecentQuestions>();
function recentQuestions({ knowledge }: Knowledge): RecentQuestions {
  let recent = recentByBot.get(knowledge);
  if (recent === undefined) recentByBot.set(knowledge, (recent = new RecentQuestions()));
  return recent;
}

/**
 * Curated related entries first, then the engine's other candidates, three at most; never the
 * answer itself, nor an entry that asks what was just asked (the mezzo card's "What is mezzo social work?").
 */
function relatedDocs({ knowledge }: Knowledge, doc: AnswerDoc, result?: AskResult): AnswerDoc[] {
  const curated = doc.related.map((id) => knowledge.engine.getDoc(id)).filter((d): d is AnswerDoc => d !== undefined);
  const unique = new Map([...curated, ...(result?.suggestions ?? [])].map((d) => [d.id, d]));
  unique.delete(doc.id);
  const answered = new Set([foldText(result?.query ?? ''), ...(doc.kind === 'term' ? doc.phrasings.map((name) => foldText(`what is ${name}`)) : [])]);
  const asksTheSame = (other: AnswerDoc): boolean => foldedPhrasings(other).some((phrasing) => answered.has(phrasing));
  return [...unique.values()].filter((other) => !asksTheSame(other)).slice(0, 3);
}

/** Each document's phrasings folded once, not on every reply. */
const foldedByDoc = new WeakMap<AnswerDoc, readonly string[]>();
function foldedPhrasings(doc: AnswerDoc): readonly string[] {
  let folded = foldedByDoc.get(doc);
  if (folded === undefined) foldedByDoc.set(doc, (folded = doc.phrasings.map(foldText)));
  return folded;
}

/** A private answer can be shared, unless Discord keeps every reply private here anyway. */
function replyFor(context: Knowledge, doc: AnswerDoc, score: number | null, ephemeral: boolean, forcedPrivate: boolean, result?: AskResult) {
  const scenario = result?.answer?.scenario ?? null;
  return answerReply(doc, {
    score,
    related: relatedDocs(context, doc, result),
    sourceTitles: context.knowledge.sourceTitles(doc.sources),
    ephemeral: ephemeral || forcedPrivate,
    shareable: !forcedPrivate,
    scenario,
  });
}

export const askCommand = defineCommand({
  needs: ['knowledge', 'askCooldowns', 'askFeedback'],
  data: {
    name: 'ask',
    description: 'Ask a question about micro, mezzo or macro social work practice',
    ...EVERYWHERE,
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: 'question',
        description: 'Your question, in your own words',
        required: true,
        autocomplete: true,
        max_length: 500,
      },
      { type: ApplicationCommandOptionType.Boolean, name: 'private', description: 'Only you see the answer (default: everyone in the channel)' },
    ],
  } as const satisfies CommandDefinition,
  examples: ['/ask question: what is the difference between micro and macro?', '/ask question: do I need a license for macro work? private: true'],

  async execute(interaction, context) {
    const wait = context.askCooldowns.take(interaction.user.id);
    if (wait > 0) {
      await interaction.reply({ ephemeral: true, content: `One moment! You can ask again in ${Math.ceil(wait / 1000)} s.` });
      return;
    }
    const question = interaction.string('question') ?? '';
    const recent = recentQuestions(context);
    const now = Date.now();
    const result = context.knowledge.engine.ask(question, recent.get(interaction.user.id, interaction.channelId, now));
    if (result.outcome === 'chit-chat') {
      await interaction.reply(chitChatReply());
      return;
    }
    if (result.outcome !== 'empty') recent.remember(interaction.user.id, interaction.channelId, result.understood, now);
    if (result.answer !== null) {
      await interaction.reply(
        replyFor(context, result.answer.doc, result.answer.score, interaction.boolean('private') ?? false, repliesForcedPrivate(interaction), result),
      );
      return;
    }
    // "Noted" is claimed only for a question really logged; a failing database goes to the error boundary.
    // The log id lets a "did you mean" pick pair this question with the entry chosen (npm run kb:suggest).
    const logId = result.outcome === 'empty' ? null : context.askFeedback.logUnanswered(serverId(interaction), question, result.outcome);
    if (logId !== null && result.outcome === 'unsure' && result.suggestions.length > 0) {
      await interaction.reply(unsureReply(question, result.suggestions, logId));
      return;
    }
    const examples = EXAMPLE_IDS.map((id) => context.knowledge.engine.getDoc(id)).filter((d): d is AnswerDoc => d !== undefined);
    await interaction.reply(noMatchReply(question, { suggestions: result.suggestions, examples, logId, uncovered: result.uncovered }));
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
    if (action[0] === 'show' || action[0] === 'pick') {
      const doc = action[0] === 'show' ? findDoc(context, action[1], action[2]) : findDoc(context, action[2], action[3]);
      // A pick pairs the question the bot could not answer with the entry the student chose, for `npm run kb:suggest`.
      if (action[0] === 'pick') await context.askFeedback.recordPick(action[1], doc.id, interaction.user.id);
      await interaction.reply(replyFor(context, doc, null, true, repliesForcedPrivate(interaction)));
      return;
    }
    const [, vote, kind, id] = action;
    const doc = findDoc(context, kind, id);
    await context.askFeedback.vote(doc.id, interaction.user.id, vote === 'up' ? 1 : -1, serverId(interaction));
    await interaction.reply({
      ephemeral: true,
      content: vote === 'up' ? 'Thanks! Glad it helped. 👍' : 'Thanks for telling me. 👎 The curators will look at this answer.',
    });
  },
});
