import { roleMention } from '@discordjs/formatters';
import { ButtonStyle } from 'discord-api-types/v10';
import type { GlossaryTerm } from '../knowledge/schema.ts';
import type { MessagePayload, ReplyPayload } from '../interactions/types.ts';
import { button, rows } from './components.ts';
import { COLORS } from './colors.ts';
import { LEVEL_STYLE } from './levels.ts';
import { quoteUserText } from './limits.ts';
import { termButtonId } from './custom-ids/term.ts';
import { reportButton } from './share-report.ts';

/** Footer text of a daily post; start-up recovery looks for it to avoid posting twice. */
export function dailyMarker(localDate: string): string {
  return `Term of the day · ${localDate}`;
}

export function termCard(term: GlossaryTerm, footer: string, sourceTitles: readonly string[]): MessagePayload {
  const style = LEVEL_STYLE[term.level];
  const fields = [
    { name: 'Level', value: `${style.badge} ${style.label}`, inline: true },
    ...(term.aliases.length > 0 ? [{ name: 'Also called', value: term.aliases.join(', '), inline: true }] : []),
    { name: 'Example', value: term.example },
    { name: 'Source', value: sourceTitles.join('\n') || 'Levels Tutor knowledge base' },
  ];
  return {
    embeds: [{ title: `📘 ${term.term}`, description: term.definition, color: style.color, fields, footer: { text: footer } }],
    components: rows([button(termButtonId.quizMe(term), 'Quiz me', ButtonStyle.Primary), reportButton({ kind: 'term', id: term.id })]),
  };
}

/** The daily post; the configured role is the only mention the bot ever makes. */
export function dailyPost(term: GlossaryTerm, localDate: string, roleId: string | null, sourceTitles: readonly string[]): MessagePayload {
  const card = termCard(term, dailyMarker(localDate), sourceTitles);
  return roleId === null
    ? { ...card, content: '☀️ Here is today’s term of the day!' }
    : { ...card, content: `${roleMention(roleId)} ☀️ Here is today’s term of the day!`, allowedMentions: { parse: [], roles: [roleId] } };
}

export function termQuizReply(term: GlossaryTerm, clue: string, choices: readonly GlossaryTerm[]): ReplyPayload {
  return {
    ephemeral: true,
    // A neutral color: the term's level color would narrow the choices down.
    embeds: [{ title: 'Quick check: which term is this?', description: clue, color: LEVEL_STYLE.general.color }],
    components: rows(choices.map((choice) => button(termButtonId.answer(term, choice), choice.term, ButtonStyle.Primary))),
  };
}

export function termQuizResult(term: GlossaryTerm, chosen: GlossaryTerm): MessagePayload {
  const right = chosen.id === term.id;
  return {
    embeds: [
      {
        title: right ? `✅ Right: ${term.term}` : `❌ Not quite: that was ${term.term}`,
        description: `${term.definition}\n\nExample: ${term.example}`,
        color: right ? COLORS.right : COLORS.wrong,
      },
    ],
    components: [],
  };
}

export function termSuggestions(name: string, suggestions: readonly GlossaryTerm[]): ReplyPayload {
  return {
    ephemeral: true,
    content:
      suggestions.length > 0
        ? `I don’t have a term called “${quoteUserText(name, 80)}”. Did you mean one of these?`
        : `I don’t have a term called “${quoteUserText(name, 80)}”. Try \`/term\` without a name for today’s term.`,
    components: rows(suggestions.map((term) => button(termButtonId.show(term), term.term, ButtonStyle.Secondary))),
  };
}
