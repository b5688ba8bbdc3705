import { contentTokens } from '../text.ts';
import type { KnowledgeProblem } from './load.ts';
import { MAX_ANSWER_CHARS, type Knowledge } from './schema.ts';

/** Canonical questions this similar (Jaccard over content words) read as the same question. */
const NEAR_DUPLICATE_SIMILARITY = 0.8;

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const token of a) if (b.has(token)) shared++;
  return shared / (a.size + b.size - shared);
}

function sameTokens(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((token) => b.has(token));
}

/**
 * Editorial checks on valid knowledge: things that would confuse the matcher or
 * overflow a friendly embed, though the bot could still serve them.
 */
export function lintKnowledge(knowledge: Knowledge): KnowledgeProblem[] {
  const problems: KnowledgeProblem[] = [];
  const entries = knowledge.entries.map((entry) => ({
    entry,
    question: new Set(contentTokens(entry.question)),
    phrasings: entry.alternatives.map((text, index) => ({ index, text, tokens: new Set(contentTokens(text)) })),
  }));

  for (const { entry } of entries) {
    if (!entry.question.trim().endsWith('?')) {
      problems.push({ file: entry.file, id: entry.id, field: 'question', message: 'a canonical question ends with "?"' });
    }
    if (entry.answer.trim().length > MAX_ANSWER_CHARS) {
      problems.push({ file: entry.file, id: entry.id, field: 'answer', message: `over-long answer: ${entry.answer.trim().length} characters (at most ${MAX_ANSWER_CHARS})` });
    }
  }

  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!;
    for (let j = i + 1; j < entries.length; j++) {
      const b = entries[j]!;
      if (a.question.size > 0 && jaccard(a.question, b.question) >= NEAR_DUPLICATE_SIMILARITY) {
        problems.push({ file: b.entry.file, id: b.entry.id, field: 'question', message: `near-duplicate question: reads like "${a.entry.question}" (${a.entry.id})` });
      }
      for (const phrasing of b.phrasings) {
        const clash = [{ text: a.entry.question, tokens: a.question }, ...a.phrasings].find(
          (other) => phrasing.tokens.size > 0 && sameTokens(phrasing.tokens, other.tokens),
        );
        if (clash) {
          problems.push({ file: b.entry.file, id: b.entry.id, field: `alternatives.${phrasing.index}`, message: `near-duplicate question: "${phrasing.text}" has the same words as "${clash.text}" (${a.entry.id})` });
        }
      }
    }
  }

  for (const item of knowledge.quiz) {
    if (item.kind !== 'multiple-choice') continue;
    const folded = item.choices.map((choice) => choice.trim().toLowerCase());
    if (new Set(folded).size !== folded.length) {
      problems.push({ file: item.file, id: item.id, field: 'choices', message: 'two choices are the same' });
    }
  }
  return problems;
}
