import type { AskResult } from '../engines/answer-engine.ts';

/** An answer as plain text for a terminal. */
export function toAskText(result: AskResult): string {
  if (result.answer === null) {
    if (result.outcome === 'chit-chat') return 'Hi! Ask me about micro, mezzo and macro social work practice.';
    const lines = [
      result.outcome === 'unsure'
        ? "I'm not sure I understood. Did you mean:"
        : "Sorry, I don't know that one. I cover micro, mezzo and macro social work practice.",
    ];
    for (const doc of result.suggestions) lines.push(`  - ${doc.question}`);
    return lines.join('\n');
  }
  const { doc, score, scenario } = result.answer;
  if (scenario !== null)
    return [`${scenario.text}  [${scenario.level} · confidence ${score.toFixed(2)}]`, '', `Read next: ${doc.question} (${doc.id})`].join('\n');
  const lines = [`${doc.question}  [${doc.levels.join(', ')} · confidence ${score.toFixed(2)}]`, '', doc.answer, '', `Source: ${doc.sources.join(', ')}`];
  if (result.suggestions.length > 0) lines.push('', 'See also:', ...result.suggestions.map((s) => `  - ${s.question}`));
  return lines.join('\n');
}
