import { ButtonStyle } from 'discord-api-types/v10';
import type { AnswerDoc } from '../engines/answer-engine.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import { button, rows } from './components.ts';
import { levelBadges, levelColour } from './levels.ts';
import { quoteUserText } from './limits.ts';
import { askButtonId } from './custom-ids/ask.ts';

export function answerReply(doc: AnswerDoc, options: { score: number | null; related: readonly AnswerDoc[]; sourceTitles: readonly string[]; ephemeral: boolean }): ReplyPayload {
  const relatedButtons = options.related.slice(0, 3).map((r) => button(askButtonId.show(r), r.question));
  const feedback = [button(askButtonId.vote(doc, 'up'), '👍 Helpful', ButtonStyle.Secondary), button(askButtonId.vote(doc, 'down'), '👎 Not helpful', ButtonStyle.Secondary)];
  const footer = options.score === null ? doc.id : `${doc.id} · match ${Math.round(options.score * 100)}%`;
  return {
    ephemeral: options.ephemeral,
    embeds: [
      {
        title: doc.question,
        description: doc.answer,
        color: levelColour(doc.levels),
        fields: [
          { name: 'Level', value: levelBadges(doc.levels), inline: true },
          { name: 'Source', value: options.sourceTitles.join('\n') || 'Levels Tutor knowledge base', inline: false },
        ],
        footer: { text: footer },
      },
    ],
    components: [...rows(relatedButtons), ...rows(feedback)],
  };
}

export function unsureReply(question: string, suggestions: readonly AnswerDoc[]): ReplyPayload {
  return {
    ephemeral: true,
    content: `I'm not sure what you mean by “${quoteUserText(question)}”. Did you mean one of these?`,
    components: rows(suggestions.slice(0, 3).map((doc) => button(askButtonId.show(doc), doc.question, ButtonStyle.Primary))),
  };
}

export function noMatchReply(question: string, examples: readonly AnswerDoc[]): ReplyPayload {
  const lines = [
    question.trim() === ''
      ? 'Ask me a question about social work practice.'
      : `Sorry, I don't have an answer for “${quoteUserText(question)}”. I've noted it for the people who curate my knowledge.`,
    'I cover **micro** (individuals and families), **mezzo** (groups, organisations, communities) and **macro** (policy and systems) social work: what each level is, how they differ, examples, jobs, skills, degrees and licences.',
    'Try one of these:',
  ];
  return {
    ephemeral: true,
    content: lines.join('\n'),
    components: rows(examples.slice(0, 3).map((doc) => button(askButtonId.show(doc), doc.question, ButtonStyle.Primary))),
  };
}
