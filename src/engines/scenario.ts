import type { PracticeLevel } from '../domain/levels.ts';
import type { ScenarioCue } from '../knowledge/schema.ts';
import { expandWords, stem } from '../text.ts';
import { cueVariants } from './scenario-forms.ts';

export type Sureness = 'high' | 'medium' | 'low';

export interface ScenarioVerdict {
  readonly level: PracticeLevel;
  /** The cues found in the text, as written in the lexicon, strongest first. */
  readonly cues: ReadonlyArray<{ readonly cue: string; readonly level: PracticeLevel }>;
  readonly sureness: Sureness;
  /** Each level's summed cue weight. */
  readonly scores: Readonly<Record<PracticeLevel, number>>;
  /** The Q&A id (or `term:<id>`) to read next. */
  readonly see: string;
  /** Where the sources disagree about a cue found, in the lexicon's words. */
  readonly contested: string | null;
}

interface CompiledCue extends ScenarioCue {
  readonly tokens: readonly string[];
}

const LEVEL_ORDER: readonly PracticeLevel[] = ['micro', 'mezzo', 'macro'];

/**
 * A setting cue after "at" or "in", or naming the worker's workplace ("a school social worker"), says where
 * the work happens ("counsels a student at school"), not who is helped: it counts this share.
 */
const SETTING_SHARE = 0.25;
/** Words that mark a place of work before a setting cue. */
const LOCATIVES: ReadonlySet<string> = new Set(['at', 'in', 'inside', 'within']);
/** Words that may stand between the locative and the setting: "at a local school", "in her own clinic". */
const PLACE_MODIFIERS: ReadonlySet<string> = new Set(
  'a an the her his their its our my your this that same own local nearby public private big large small new one'.split(' '),
);

/** Words that deny what follows within NEGATION_REACH words: "never meets clients", "rather than sitting with one client". */
const NEGATORS: ReadonlySet<string> = new Set('not never no without dont doesnt didnt isnt arent wasnt cant wont nor rather instead'.split(' '));
const NEGATION_REACH = 3;

/** Whether a negator stands in the few words before `at`: a cue the text denies says nothing for its level. */
function negated(tokens: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - NEGATION_REACH; i--) if (NEGATORS.has(tokens[i] as string)) return true;
  return false;
}

/**
 * How the matcher reads both cue and text: folded, British folded to American, stopwords kept,
 * not stemmed, since number matters here: "a teen" is micro, "teens" mezzo.
 */
function tokensOf(text: string): readonly string[] {
  return expandWords(text);
}

/** Words for the one doing the work: a setting just before one names their workplace ("hospital social worker"). */
const WORKER_WORDS: ReadonlySet<string> = new Set(
  'social worker workers counselor counselors therapist therapists caseworker caseworkers case nurse nurses psychologist staff'.split(' '),
);

/** Whether the words before `at` place what follows: "at (a local) school", "in class". */
function followsLocative(tokens: readonly string[], at: number): boolean {
  for (let i = at - 1; i >= 0 && i >= at - 3; i--) {
    const token = tokens[i] as string;
    if (LOCATIVES.has(token)) return true;
    if (!PLACE_MODIFIERS.has(token)) return false;
  }
  return false;
}

/**
 * Classifies a description of practice by level from a curated lexicon of cues
 * (knowledge/scenario-cues.yaml): who the client is and what is being changed.
 * Each cue found adds its weight to its level; the heaviest level wins.
 */
export class ScenarioClassifier {
  /** Cues by their first token, longest first, so a phrase is checked before its parts. */
  private readonly byFirstToken = new Map<string, CompiledCue[]>();

  constructor(
    cues: readonly ScenarioCue[],
    /** The entry to read next for each level when no cue names a better one. */
    private readonly definitionOf: (level: PracticeLevel) => string,
  ) {
    // The forms written first, then the forms a cue's `forms` adds: a form written as a cue of its own ("teens") keeps its own level.
    for (const cue of cues) this.add(cue, tokensOf(cue.cue), true);
    for (const cue of cues) {
      if (cue.forms === undefined) continue;
      for (const variant of cueVariants(tokensOf(cue.cue), cue.forms)) this.add(cue, tokensOf(variant.join(' ')), false);
    }
  }

  private add(cue: ScenarioCue, tokens: readonly string[], written: boolean): void {
    const first = tokens[0];
    if (first === undefined) return;
    const list = this.byFirstToken.get(first) ?? [];
    // "counsel" and "counseling" stem alike: one cue, at the larger weight, so a word never counts twice.
    const same = list.findIndex((other) => other.tokens.join(' ') === tokens.join(' '));
    if (same >= 0 && (!written || (list[same] as CompiledCue).weight >= cue.weight)) return;
    if (same >= 0) list.splice(same, 1);
    list.push({ ...cue, tokens });
    list.sort((a, b) => b.tokens.length - a.tokens.length);
    this.byFirstToken.set(first, list);
  }

  /** Every word of every cue, in each form matched: real words a spelling corrector must leave as typed ("caseworkers" is not "caseworker"). */
  words(): Set<string> {
    const words = new Set<string>();
    for (const list of this.byFirstToken.values()) for (const cue of list) for (const token of cue.tokens) words.add(token);
    return words;
  }

  /**
   * Stems of the one-word cues that point to a single level ("policy" macro, "groups" mezzo):
   * what a document of that level is about even when its question does not say the word.
   */
  singleWordCues(): Map<string, PracticeLevel> {
    const levels = new Map<string, PracticeLevel | null>();
    for (const list of this.byFirstToken.values()) {
      for (const cue of list) {
        // A place of work ("school", "clinic") is found at every level: it says nothing about a document's.
        if (cue.tokens.length !== 1) continue;
        const token = stem(cue.tokens[0] as string);
        const known = levels.get(token);
        levels.set(token, known === undefined || known === cue.level ? cue.level : null);
      }
    }
    const single = new Map<string, PracticeLevel>();
    for (const [token, level] of levels) if (level !== null) single.set(token, level);
    return single;
  }

  /**
   * The level a text describes, or null when it holds no cue at all. `hint` adds weight to a
   * level the best-matching Q&A entry names, for named practices the lexicon cannot know.
   */
  classify(text: string, hint?: { level: PracticeLevel; weight: number; see: string }): ScenarioVerdict | null {
    const tokens = tokensOf(text);
    const scores: Record<PracticeLevel, number> = { micro: 0, mezzo: 0, macro: 0 };
    const found: CompiledCue[] = [];
    const seen = new Set<string>();
    // Longest cue first at each word, and a word counts once: "support group" is one cue, not also "group".
    for (let i = 0; i < tokens.length;) {
      const cue = (this.byFirstToken.get(tokens[i] as string) ?? []).find((c) => c.tokens.every((token, j) => tokens[i + j] === token));
      if (cue === undefined) {
        i++;
        continue;
      }
      if (!seen.has(cue.cue) && !negated(tokens, i)) {
        seen.add(cue.cue);
        found.push(cue);
        const where = cue.setting === true && (followsLocative(tokens, i) || WORKER_WORDS.has(tokens[i + cue.tokens.length] ?? ''));
        scores[cue.level] += where ? cue.weight * SETTING_SHARE : cue.weight;
      }
      i += cue.tokens.length;
    }
    if (hint !== undefined) scores[hint.level] += hint.weight;
    if (found.length === 0 && hint === undefined) return null;

    let level: PracticeLevel = 'micro';
    for (const candidate of LEVEL_ORDER) if (scores[candidate] > scores[level]) level = candidate;
    const total = scores.micro + scores.mezzo + scores.macro;
    const share = total === 0 ? 0 : scores[level] / total;
    const sureness: Sureness = share >= 0.75 && scores[level] >= 3 ? 'high' : share >= 0.6 ? 'medium' : 'low';

    found.sort((a, b) => b.weight - a.weight || (a.cue < b.cue ? -1 : 1));
    const deciding = found.find((cue) => cue.level === level && cue.see !== undefined);
    const disputed = found.find((cue) => cue.contested !== undefined);
    const contested = disputed?.contested ?? null;
    // Where the sources disagree, the entry on that disagreement is the one to read next.
    const see = disputed?.see ?? (hint !== undefined && hint.level === level ? hint.see : (deciding?.see ?? this.definitionOf(level)));
    return { level, cues: found.map((cue) => ({ cue: cue.cue, level: cue.level })), sureness, scores, see, contested };
  }
}
