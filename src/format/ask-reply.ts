import { ButtonStyle } from 'discord-api-types/v10';
import type { AnswerDoc, ScenarioAnswer } from '../engines/answer-engine.ts';
import type { UncoveredKind } from '../engines/decide.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import { button, rows } from './components.ts';
import { LEVEL_STYLE, levelBadges, levelColor } from './levels.ts';
import { quoteUserText } from './limits.ts';
import { askButtonId } from './custom-ids/ask.ts';
import { docItem, reportButton, shareButton } from './share-report.ts';

/** What the bot covers, said with every refusal so a student knows what to ask instead. */
export const COVERAGE_LINE =
  'I cover **micro** (individuals and families), **mezzo** (groups, organisations, communities) and **macro** (policy and systems) social work: what each level is, how they differ, examples, jobs, skills, degrees and licences, and which level a situation belongs to.';

const UNCOVERED_LINE: Readonly<Record<UncoveredKind, string>> = {
  salary: 'Pay and salaries are not in my knowledge base.',
  place: 'I have nothing specific to one state, country or city.',
  university: 'I have nothing on particular universities, programs or admissions.',
  technique: 'That named technique is not in my knowledge base.',
  ethics: 'Ethics standards and rules are not in my knowledge base.',
  year: 'I have nothing about that particular year.',
  ranking: 'I have no rankings or "best of" lists.',
  statistics: 'I have no head counts or statistics.',
  credential: 'That credential or profession is not in my knowledge base.',
  duration: 'I have nothing on how long programs or steps take.',
  concept: 'That concept is not in my knowledge base.',
  person: 'My sources do not say who that was.',
};

/** `shareable`: a private answer the student may post publicly (not where Discord keeps every reply private). */
export function answerReply(
  doc: AnswerDoc,
  options: {
    score: number | null;
    related: readonly AnswerDoc[];
    sourceTitles: readonly string[];
    ephemeral: boolean;
    shareable?: boolean;
    scenario?: ScenarioAnswer | null;
  },
): ReplyPayload {
  const relatedButtons = options.related.slice(0, 3).map((r) => button(askButtonId.show(r), r.question));
  const feedback = [
    button(askButtonId.vote(doc, 'up'), '👍 Helpful', ButtonStyle.Secondary),
    button(askButtonId.vote(doc, 'down'), '👎 Not helpful', ButtonStyle.Secondary),
    reportButton(docItem(doc.id)),
    ...(options.ephemeral && options.shareable === true ? [shareButton()] : []),
  ];
  const footer = options.score === null ? doc.id : `${doc.id} · match ${Math.round(options.score * 100)}%`;
  const scenario = options.scenario ?? null;
  if (scenario !== null) return scenarioReply(doc, scenario, options.ephemeral, footer, feedback);
  return {
    ephemeral: options.ephemeral,
    embeds: [
      {
        title: doc.question,
        description: doc.answer,
        color: levelColor(doc.levels),
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

const SURENESS_LABEL = { high: 'Fairly sure', medium: 'Reasonably sure', low: 'Not very sure' } as const;

/** "Which level is this?": the level first, the cues that point there, how sure, and what to read next. */
function scenarioReply(next: AnswerDoc, scenario: ScenarioAnswer, ephemeral: boolean, footer: string, feedback: ReturnType<typeof button>[]): ReplyPayload {
  const style = LEVEL_STYLE[scenario.level];
  const cues = scenario.cues.slice(0, 6).map((c) => `“${c.cue}” → ${LEVEL_STYLE[c.level].label}`);
  const fields = [
    { name: 'Cues', value: cues.join('\n') || 'No single cue; the closest entry decided.', inline: true },
    { name: 'How sure', value: SURENESS_LABEL[scenario.sureness], inline: true },
  ];
  if (scenario.contested !== null) fields.push({ name: 'The sources disagree', value: scenario.contested, inline: false });
  fields.push({ name: 'Read next', value: next.question, inline: false });
  return {
    ephemeral,
    embeds: [{ title: `${style.badge} ${style.label}`, description: scenario.text, color: style.color, fields, footer: { text: footer } }],
    components: [...rows([button(askButtonId.show(next), next.question, ButtonStyle.Primary)]), ...rows(feedback)],
  };
}

/** `logId`: the logged question, so that a pick pairs it with the entry chosen. */
export function unsureReply(question: string, suggestions: readonly AnswerDoc[], logId: number): ReplyPayload {
  return {
    ephemeral: true,
    content: `I'm not sure what you mean by “${quoteUserText(question)}”. Did you mean one of these?\n${COVERAGE_LINE}`,
    components: rows(suggestions.slice(0, 3).map((doc) => button(askButtonId.pick(logId, doc), doc.question, ButtonStyle.Primary))),
  };
}

/**
 * A refusal, never silent: why, what the bot covers, and up to three entries to try: the
 * nearest ones when the question used social-work words, otherwise good first questions.
 * "Noted" is said only when the question really was logged for the curators (`logId`, which a
 * "did you mean" pick then refers back to).
 */
export function noMatchReply(
  question: string,
  options: { suggestions: readonly AnswerDoc[]; examples: readonly AnswerDoc[]; logId: number | null; uncovered: UncoveredKind | null },
): ReplyPayload {
  const empty = question.trim() === '';
  const first = empty
    ? 'Ask me a question about social work practice.'
    : `Sorry, I don't have an answer for “${quoteUserText(question)}”.${options.logId !== null ? " I've noted it for the people who curate my knowledge." : ''}`;
  const lines = [first];
  if (options.uncovered !== null) lines.push(UNCOVERED_LINE[options.uncovered]);
  lines.push(COVERAGE_LINE);
  const { logId } = options;
  const didYouMean = options.suggestions.length > 0;
  lines.push(didYouMean ? 'Did you mean one of these?' : 'Try one of these:');
  const buttons = didYouMean
    ? options.suggestions
        .slice(0, 3)
        .map((doc) => button(logId === null ? askButtonId.show(doc) : askButtonId.pick(logId, doc), doc.question, ButtonStyle.Primary))
    : options.examples.slice(0, 3).map((doc) => button(askButtonId.show(doc), doc.question, ButtonStyle.Primary));
  return { ephemeral: true, content: lines.join('\n'), components: rows(buttons) };
}

/** Greetings and thanks: a short friendly pointer, never an entry. */
export function chitChatReply(): ReplyPayload {
  return {
    ephemeral: true,
    content:
      "Hi! 👋 I'm Levels Tutor. Ask me anything about micro, mezzo and macro social work, like `/ask question: what is mezzo practice?`, or see `/help` for everything I can do.",
  };
}
