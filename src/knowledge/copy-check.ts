import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { americanize } from '../text.ts';
import type { KnowledgeProblem } from './load.ts';
import type { Knowledge } from './schema.ts';

/** A run of this many words shared with a source document is copying, not paraphrase. */
export const COPY_RUN_WORDS = 8;

/** British spellings `americanize` leaves alone (short words and -re/-mme/-ence endings). */
const BRITISH_WORDS = new Map([
  ['centre', 'center'], ['centres', 'centers'], ['programme', 'program'], ['programmes', 'programs'],
  ['licence', 'license'], ['licences', 'licenses'], ['practise', 'practice'], ['practised', 'practiced'], ['practising', 'practicing'],
  ['ageing', 'aging'], ['defence', 'defense'], ['offence', 'offense'], ['judgement', 'judgment'], ['enrolment', 'enrollment'],
]);

/** Lowercased words without punctuation or accents, British spellings folded into American ones. */
export function copyWords(text: string): string[] {
  const folded = text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/['’‘`´]/g, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (folded === '') return [];
  return folded.split(' ').map((word) => BRITISH_WORDS.get(word) ?? americanize(word));
}

export interface SourceText {
  readonly name: string;
  readonly text: string;
}

/** The source documents in `dir`, or none when the folder is absent (e.g. on CI, where the seeds are not shipped). */
export function readSourceTexts(dir: string): SourceText[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .sort()
    .filter((name) => statSync(path.join(dir, name)).isFile())
    .map((name) => ({ name, text: readFileSync(path.join(dir, name), 'utf8') }));
}

/** Every text field a student can read, with the field path kb:check reports. */
function textFields(knowledge: Knowledge): Array<{ file: string; id: string; field: string; text: string }> {
  const fields: Array<{ file: string; id: string; field: string; text: string }> = [];
  const add = (item: { file: string; id: string }, field: string, text: string) => fields.push({ file: item.file, id: item.id, field, text });
  for (const entry of knowledge.entries) {
    add(entry, 'question', entry.question);
    entry.alternatives.forEach((text, i) => add(entry, `alternatives.${i}`, text));
    add(entry, 'answer', entry.answer);
  }
  for (const term of knowledge.terms) {
    add(term, 'term', term.term);
    add(term, 'definition', term.definition);
    add(term, 'example', term.example);
  }
  for (const item of knowledge.quiz) {
    add(item, 'question', item.question);
    if (item.kind === 'multiple-choice') item.choices.forEach((text, i) => add(item, `choices.${i}`, text));
    add(item, 'explanation', item.explanation);
  }
  return fields;
}

/**
 * The own-words rule: a problem for every field that shares a run of COPY_RUN_WORDS or more
 * consecutive words with a source document, naming the longest such run.
 */
export function findCopiedRuns(knowledge: Knowledge, sources: readonly SourceText[]): KnowledgeProblem[] {
  if (sources.length === 0) return [];
  const runs = new Map<string, string>();
  for (const source of sources) {
    const words = copyWords(source.text);
    for (let i = 0; i + COPY_RUN_WORDS <= words.length; i++) {
      const run = words.slice(i, i + COPY_RUN_WORDS).join(' ');
      if (!runs.has(run)) runs.set(run, source.name);
    }
  }
  const problems: KnowledgeProblem[] = [];
  for (const field of textFields(knowledge)) {
    const words = copyWords(field.text);
    let longest: { start: number; length: number; source: string } | null = null;
    let start = -1;
    for (let i = 0; i + COPY_RUN_WORDS <= words.length + 1; i++) {
      const source = i + COPY_RUN_WORDS <= words.length ? runs.get(words.slice(i, i + COPY_RUN_WORDS).join(' ')) : undefined;
      if (source !== undefined && start === -1) start = i;
      if (source === undefined && start !== -1) {
        // Windows start..i-1 all matched: the shared run spans start .. i-1+COPY_RUN_WORDS-1.
        const length = i - start + COPY_RUN_WORDS - 1;
        if (longest === null || length > longest.length) longest = { start, length, source: runs.get(words.slice(start, start + COPY_RUN_WORDS).join(' ')) ?? '' };
        start = -1;
      }
    }
    if (longest !== null) {
      const shared = words.slice(longest.start, longest.start + longest.length).join(' ');
      problems.push({ file: field.file, id: field.id, field: field.field, message: `copied from the source ${longest.source}: ${longest.length} words in a row, "${shared}"; say it in your own words` });
    }
  }
  return problems;
}
