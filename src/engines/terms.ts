import type { AnswerDoc } from './retrieve.ts';
import { contentTokens } from '../text.ts';

/** Words every term's name may come with ("social work", "practice"): not part of the name. */
const NAME_FILLER = new Set(['social', 'work', 'worker', 'practic', 'level']);
/** The level words of a yes/no classification ("is X micro or mezzo"), dropped to find the term X. */
const LEVEL_TOKENS = new Set(contentTokens('micro mezzo macro'));
/** What a yes/no level check says around the thing checked: "is counseling part of micro", "is lobbying considered macro", "is X a mezzo job". */
const CHECK_FILLER = new Set(
  contentTokens(
    'part considered counted count type kind form example really always still usually mostly mainly job role fall falls under belong belongs fit fits sit sits',
  ),
);
/** How "examples of X" asks: dropped to find the term X. */
const EXAMPLE_TOKENS = new Set(contentTokens('example examples instance instances eg illustration real life world look looks day'));
/** The most words a glossary term's name has, filler dropped. */
export const MAX_NAME_TOKENS = 4;

/**
 * A name as the matcher reads it, without the words every term shares ("social work",
 * "practice"); `withoutLevels` also drops the level words and scaffolding of a yes/no check.
 */
export function nameKey(text: string, withoutLevels = false): string {
  return contentTokens(text)
    .filter((token) => !NAME_FILLER.has(token) && !(withoutLevels && (LEVEL_TOKENS.has(token) || CHECK_FILLER.has(token))))
    .join(' ');
}

/** Glossary cards by the stems of their name or an alias, filler dropped: "case management" → its card. */
export class TermNames {
  private readonly byName = new Map<string, AnswerDoc>();

  constructor(docs: readonly AnswerDoc[]) {
    for (const doc of docs) {
      if (doc.kind !== 'term') continue;
      for (const name of doc.phrasings) {
        const key = nameKey(name);
        if (key !== '' && !this.byName.has(key)) this.byName.set(key, doc);
      }
    }
  }

  /** The card of a question that is only a term's name, with scaffolding: "msw", "define oppression", "whats case mgmt". */
  named(text: string, withoutLevels = false): AnswerDoc | undefined {
    return this.byName.get(nameKey(text, withoutLevels));
  }

  /**
   * The card of "examples of X" when X is a term's name ("examples of direct services"): cards
   * give an example. Null when the text names more than the term.
   */
  exampled(text: string): { readonly card: AnswerDoc; readonly tokens: readonly string[] } | undefined {
    const tokens = nameKey(text)
      .split(' ')
      .filter((token) => !EXAMPLE_TOKENS.has(token));
    const card = this.byName.get(tokens.join(' '));
    return card === undefined ? undefined : { card, tokens };
  }

  /** The cards a text names ("lobbying vs policy analysis"), in the order named, and the words that named them. */
  namedIn(text: string): { readonly cards: AnswerDoc[]; readonly names: string[][] } {
    const tokens = contentTokens(text).filter((token) => !NAME_FILLER.has(token));
    const cards: AnswerDoc[] = [];
    const names: string[][] = [];
    for (let start = 0; start < tokens.length; start++) {
      // The longest name starting here: "community organising" before "community".
      for (let end = Math.min(tokens.length, start + MAX_NAME_TOKENS); end > start; end--) {
        const name = tokens.slice(start, end);
        const doc = name.length === 1 && LEVEL_TOKENS.has(name[0] as string) ? undefined : this.byName.get(name.join(' '));
        if (doc === undefined) continue;
        if (!cards.includes(doc)) {
          cards.push(doc);
          names.push(name);
        }
        start = end - 1;
        break;
      }
    }
    return { cards, names };
  }
}
