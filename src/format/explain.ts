import { ButtonStyle } from 'discord-api-types/v10';
import type { AnswerDoc } from '../engines/answer-engine.ts';
import type { Explanation } from '../engines/explain.ts';
import type { ReplyPayload } from '../interactions/types.ts';
import { PRACTICE_LEVELS } from '../domain/levels.ts';
import { askButtonId } from './custom-ids/ask.ts';
import { button, rows } from './components.ts';
import { LEVEL_STYLE } from './levels.ts';
import { LIMITS, truncate } from './limits.ts';
import { shareButton } from './share-report.ts';

const SURENESS = { high: 'fairly sure', medium: 'reasonably sure', low: 'not very sure: it fits more than one level' } as const;

export const NOTHING_TO_EXPLAIN =
  'Nothing to explain here: I found no sign of micro, mezzo or macro practice and no glossary term in that message. Try it on a case description or a question about social work.';

/** The private reply of "Explain with Levels Tutor"; `next` is the entry to read next, if it exists; `shareable` offers Share in channel. */
export function explainReply(explanation: Explanation, next: AnswerDoc | undefined, shareable: boolean): ReplyPayload {
  const { scenario, terms } = explanation;
  if (scenario === null && terms.length === 0) return { ephemeral: true, content: NOTHING_TO_EXPLAIN };
  const fields = [];
  if (scenario !== null) {
    const main = LEVEL_STYLE[scenario.level];
    const others = PRACTICE_LEVELS.filter((level) => level !== scenario.level && scenario.scores[level] > 0).map(
      (level) => `${LEVEL_STYLE[level].badge} ${LEVEL_STYLE[level].label}`,
    );
    fields.push({
      name: 'Level',
      value: `${main.badge} **${main.label}** (${SURENESS[scenario.sureness]})${others.length > 0 ? `\nAlso touches: ${others.join(', ')}` : ''}`,
      inline: false,
    });
    const cueLines = PRACTICE_LEVELS.map((level) => ({ level, cues: scenario.cues.filter((c) => c.level === level).map((c) => `“${c.cue}”`) }))
      .filter((group) => group.cues.length > 0)
      .map((group) => `${LEVEL_STYLE[group.level].badge} ${group.cues.slice(0, 6).join(', ')}`);
    fields.push({ name: 'Cues', value: truncate(cueLines.join('\n'), LIMITS.fieldValue), inline: false });
    if (scenario.contested !== null) fields.push({ name: 'The sources disagree', value: truncate(scenario.contested, LIMITS.fieldValue), inline: false });
  }
  if (terms.length > 0) {
    fields.push({
      name: 'Glossary terms',
      value: truncate(terms.map(({ term, line }) => `📘 **${term.term}**: ${line}`).join('\n'), LIMITS.fieldValue),
      inline: false,
    });
  }
  if (next !== undefined) fields.push({ name: 'Read next', value: next.question, inline: false });
  const color = scenario === null ? LEVEL_STYLE.general.color : LEVEL_STYLE[scenario.level].color;
  return {
    ephemeral: true,
    embeds: [
      {
        title: scenario === null ? 'Explained: terms in this message' : `Explained: ${LEVEL_STYLE[scenario.level].label.toLowerCase()} practice`,
        color: color,
        fields,
        footer: { text: 'Explain with Levels Tutor' },
      },
    ],
    components: rows([
      ...(next === undefined ? [] : [button(askButtonId.show(next), `Read: ${next.question}`, ButtonStyle.Primary)]),
      ...(shareable ? [shareButton()] : []),
    ]),
  };
}
