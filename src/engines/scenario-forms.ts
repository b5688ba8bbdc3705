/**
 * Word forms of a scenario cue, for the lexicon's `forms` field: the classifier matches whole
 * words, not stems, because number decides a level ("a teen" is micro, "teens" mezzo), so a cue
 * says which of its words inflects and how. Spelling rules only; forms that are not real words
 * (both "visiting" and "visitting") are harmless, since no text holds them.
 */
export type CueForms = 'verb' | 'noun';

/** Past forms the spelling rules cannot make, for verbs students use about practice. */
const IRREGULAR_PAST: ReadonlyMap<string, readonly string[]> = new Map([
  ['bring', ['brought']],
  ['build', ['built']],
  ['fight', ['fought']],
  ['give', ['gave', 'given']],
  ['hold', ['held']],
  ['lead', ['led']],
  ['meet', ['met']],
  ['run', ['ran']],
  ['set', ['set']],
  ['speak', ['spoke', 'spoken']],
  ['take', ['took', 'taken']],
  ['teach', ['taught']],
  ['write', ['wrote', 'written']],
]);

const CONSONANT_Y = /[^aeiou]y$/;
const SIBILANT = /(s|x|z|ch|sh)$/;
/** A short closing consonant after one vowel, doubled before -ing and -ed in "plan", "run", "stop" (not in "visit", hence both). */
const DOUBLES = /(^|[^aeiou])[aeiou][bdgklmnprt]$/;

/** The -s, -ing and -ed forms of a verb (and its irregular past), without the verb itself. */
export function verbForms(verb: string): string[] {
  const forms = new Set<string>();
  forms.add(CONSONANT_Y.test(verb) ? `${verb.slice(0, -1)}ies` : SIBILANT.test(verb) || verb.endsWith('o') ? `${verb}es` : `${verb}s`);
  if (verb.endsWith('ie')) forms.add(`${verb.slice(0, -2)}ying`);
  else if (/[^aeiouy]e$/.test(verb)) forms.add(`${verb.slice(0, -1)}ing`);
  else forms.add(`${verb}ing`);
  if (verb.endsWith('e')) forms.add(`${verb}d`);
  else if (CONSONANT_Y.test(verb)) forms.add(`${verb.slice(0, -1)}ied`);
  else forms.add(`${verb}ed`);
  if (DOUBLES.test(verb)) {
    const last = verb.charAt(verb.length - 1);
    forms.add(`${verb}${last}ing`).add(`${verb}${last}ed`);
  }
  for (const past of IRREGULAR_PAST.get(verb) ?? []) forms.add(past);
  forms.delete(verb);
  return [...forms];
}

/** The plural of a noun by the spelling rules ("policy" → "policies", "coalition" → "coalitions"). */
export function pluralOf(noun: string): string {
  if (CONSONANT_Y.test(noun)) return `${noun.slice(0, -1)}ies`;
  return SIBILANT.test(noun) ? `${noun}es` : `${noun}s`;
}

/**
 * The other forms of a cue's words: a verb phrase inflects its first word ("push for" →
 * "pushes for", "pushing for", "pushed for"), a noun phrase its last ("support group" →
 * "support groups").
 */
export function cueVariants(tokens: readonly string[], forms: CueForms): string[][] {
  if (tokens.length === 0) return [];
  if (forms === 'verb') return verbForms(tokens[0] as string).map((form) => [form, ...tokens.slice(1)]);
  return [[...tokens.slice(0, -1), pluralOf(tokens[tokens.length - 1] as string)]];
}
