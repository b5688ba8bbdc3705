import { ButtonStyle } from 'discord-api-types/v10';
import type { AnswerDoc } from '../engines/answer-engine.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import { button, rows } from './components.ts';
import { levelBadges, levelColour } from './levels.ts';
import { quoteUserText } from './limits.ts';
import { docItem, reportButton, shareButton } from './share-report.ts';

/** Button ids of /ask; the ask command parses them back with the same scheme. */
export const askButtonId = {
  show: (doc: Pick<AnswerDoc, 'id'>) => `ask:show:${docRef(doc.id)}`,
  vote: (doc: Pick<AnswerDoc, 'id'>, vote: 'up' | 'down') => `ask:vote:${vote}:${docRef(doc.id)}`,
  /** A "did you mean" pick after the unanswered question logged as `logId`: shows the entry and records the pairing. */
  pick: (logId: number, doc: Pick<AnswerDoc, 'id'>) => `ask:pick:${logId}:${docRef(doc.id)}`,
};

/** "term:empathy" → "t:empathy", "micro-definition" → "e:micro-definition": ids stay colon-free per part. */
function docRef(id: string): string {
  return id.startsWith('term:') ? `t:${id.slice(5)}` : `e:${id}`;
}

/** `shareable`: a private answer the student may post publicly (not where Discord keeps every reply private). */
export function answerReply(doc: AnswerDoc, options: { score: number | null; related: readonly AnswerDoc[]; sourceTitles: readonly string[]; ephemeral: boolean; shareable?: boolean }): ReplyPayload {
  const relatedButtons = options.related.slice(0, 3).map((r) => button(askButtonId.show(r), r.question));
  const feedback = [
    button(askButtonId.vote(doc, 'up'), '👍 Helpful', ButtonStyle.Secondary),
    button(askButtonId.vote(doc, 'down'), '👎 Not helpful', ButtonStyle.Secondary),
    reportButton(docItem(doc.id)),
    ...(options.ephemeral && options.shareable === true ? [shareButton()] : []),
  ];
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

/** `logId`: the logged question, so that a pick pairs it with the entry chosen. */
export function unsureReply(question: string, suggestions: readonly AnswerDoc[], logId: number): ReplyPayload {
  return {
    ephemeral: true,
    content: `I'm not sure what you mean by “${quoteUserText(question)}”. Did you mean one of these?`,
    components: rows(suggestions.slice(0, 3).map((doc) => button(askButtonId.pick(logId, doc), doc.question, ButtonStyle.Primary))),
  };
}

/** A refusal; with `didYouMean` (the logged question and the engine's suggestions) it offers those instead of the examples. */
export function noMatchReply(question: string, examples: readonly AnswerDoc[], didYouMean?: { logId: number; docs: readonly AnswerDoc[] }): ReplyPayload {
  const picks = didYouMean !== undefined && didYouMean.docs.length > 0 ? didYouMean : undefined;
  const lines = [
    question.trim() === ''
      ? 'Ask me a question about social work practice.'
      : `Sorry, I don't have an answer for “${quoteUserText(question)}”. I've noted it for the people who curate my knowledge.`,
    'I cover **micro** (individuals and families), **mezzo** (groups, organisations, communities) and **macro** (policy and systems) social work: what each level is, how they differ, examples, jobs, skills, degrees and licences.',
    picks === undefined ? 'Try one of these:' : 'Did you mean one of these?',
  ];
  const buttons = picks === undefined ? examples.slice(0, 3).map((doc) => button(askButtonId.show(doc), doc.question, ButtonStyle.Primary)) : picks.docs.slice(0, 3).map((doc) => button(askButtonId.pick(picks.logId, doc), doc.question, ButtonStyle.Primary));
  return { ephemeral: true, content: lines.join('\n'), components: rows(buttons) };
}
