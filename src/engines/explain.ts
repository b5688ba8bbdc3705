import type { GlossaryTerm, Knowledge } from '../knowledge/schema.ts';
import { ScenarioClassifier, type ScenarioVerdict } from './scenario.ts';
import { expandWords } from '../text.ts';

export interface Explanation {
  /** The level the text describes and its cues, from the answer engine's scenario classifier; null when no cue is found. */
  readonly scenario: ScenarioVerdict | null;
  /** Glossary terms named in the text, in the order they first appear, each with a one-line definition. */
  readonly terms: ReadonlyArray<{ readonly term: GlossaryTerm; readonly line: string }>;
  /** The Q&A id (or `term:<id>`) to read next; null when there is nothing to explain. */
  readonly next: string | null;
}

const MAX_TERMS = 5;

/** A definition's first sentence: what fits on one line of an "Explain" reply. */
export function firstSentence(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const end = flat.search(/[.!?](\s|$)/);
  return end < 0 ? flat : flat.slice(0, end + 1);
}

/**
 * "Explain with Levels Tutor" on any message: which level the text describes and why (the
 * scenario classifier, with the same cue lexicon as /ask), and the glossary terms it names.
 */
export class Explainer {
  private readonly scenarios: ScenarioClassifier;
  /** Each term's names as word sequences, longest first, so "person in environment" wins over "environment". */
  private readonly names: ReadonlyArray<{ readonly words: readonly string[]; readonly term: GlossaryTerm }>;

  constructor(knowledge: Knowledge) {
    // The same "read next" fallback as the answer engine: the level's definition entry.
    this.scenarios = new ScenarioClassifier(knowledge.cues, (level) => `${level}-definition`);
    this.names = knowledge.terms
      .flatMap((term) => [term.term, ...term.aliases].map((name) => ({ words: expandWords(name), term })))
      .filter((name) => name.words.length > 0)
      .sort((a, b) => b.words.length - a.words.length);
  }

  explain(text: string): Explanation {
    const scenario = this.scenarios.classify(text);
    const terms = this.termsIn(text);
    const next = scenario?.see ?? (terms[0] === undefined ? null : `term:${terms[0].term.id}`);
    return { scenario, terms, next };
  }

  private termsIn(text: string): Explanation['terms'] {
    const words = expandWords(text);
    const found = new Map<string, { position: number; term: GlossaryTerm }>();
    const covered = new Set<number>();
    for (const name of this.names) {
      for (let i = 0; i + name.words.length <= words.length; i++) {
        if (!name.words.every((word, j) => words[i + j] === word && !covered.has(i + j))) continue;
        for (let j = 0; j < name.words.length; j++) covered.add(i + j);
        const seen = found.get(name.term.id);
        if (seen === undefined || i < seen.position) found.set(name.term.id, { position: i, term: name.term });
      }
    }
    return [...found.values()]
      .sort((a, b) => a.position - b.position)
      .slice(0, MAX_TERMS)
      .map(({ term }) => ({ term, line: firstSentence(term.definition) }));
  }
}
