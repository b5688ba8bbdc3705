import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { load as parseYaml, YAMLException } from 'js-yaml';
import type { z } from 'zod';
import {
  glossaryTermSchema,
  qaEntrySchema,
  quizItemSchema,
  scenarioCueSchema,
  sourceSchema,
  TERM_LINK_PREFIX,
  type GlossaryTerm,
  type Knowledge,
  type QaEntry,
  type QuizItem,
  type ScenarioCue,
  type Source,
} from './schema.ts';

/** The scenario classifier's cue lexicon; see knowledge/README.md. */
export const CUES_FILE = 'scenario-cues.yaml';

/** One thing wrong in the knowledge folder, located precisely enough to fix by hand. */
export interface KnowledgeProblem {
  file: string;
  id?: string;
  field?: string;
  message: string;
}

export function formatProblem(problem: KnowledgeProblem): string {
  const where = [problem.file, problem.id && `entry "${problem.id}"`, problem.field && `field "${problem.field}"`]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${problem.message}`;
}

export class KnowledgeError extends Error {
  constructor(readonly problems: readonly KnowledgeProblem[]) {
    const shown = problems.slice(0, 10).map(formatProblem);
    const more = problems.length > shown.length ? [`…and ${problems.length - shown.length} more`] : [];
    super(`The knowledge base has ${problems.length} problem(s):\n${[...shown, ...more].join('\n')}`);
    this.name = 'KnowledgeError';
  }
}

/** Problems that follow from another one: an entry that failed to load leaves every reference to it dangling. */
const CASCADES = [
  { starts: 'dangling related id', what: 'dangling related ids' },
  { starts: 'dangling teaches link', what: 'dangling teaches links' },
  { starts: 'dangling cue link', what: 'dangling scenario cue links' },
  { starts: 'unknown source', what: 'unknown sources' },
];

/**
 * When something else is wrong too (a YAML typo, a bad field), the references it leaves dangling
 * are summarised in one line per kind after the real problems, so the cause comes first.
 */
function summariseCascades(problems: readonly KnowledgeProblem[]): KnowledgeProblem[] {
  const cascadeOf = (problem: KnowledgeProblem) => CASCADES.find((c) => problem.message.startsWith(c.starts));
  const primary = problems.filter((p) => cascadeOf(p) === undefined);
  if (primary.length === 0) return [...problems];
  const summaries = CASCADES.flatMap((cascade) => {
    const matching = problems.filter((p) => cascadeOf(p) === cascade);
    if (matching.length === 0) return [];
    const files = [...new Set(matching.map((p) => p.file))];
    return [{ file: files.join(', '), message: `${matching.length} ${cascade.what}, probably caused by the problem(s) above: fix those first, then check again` }];
  });
  return [...primary, ...summaries];
}

/** Parses one YAML file that holds a list of items, validating each with its schema. */
function readList<S extends z.ZodType>(
  dir: string,
  relativeFile: string,
  schema: S,
  problems: KnowledgeProblem[],
): Array<z.infer<S> & { file: string }> {
  const file = relativeFile;
  let source: string;
  try {
    source = readFileSync(path.join(dir, relativeFile), 'utf8');
  } catch (error) {
    problems.push({ file, message: `cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})` });
    return [];
  }
  let data: unknown;
  try {
    data = parseYaml(source, { filename: file });
  } catch (error) {
    if (!(error instanceof YAMLException)) throw error;
    problems.push({ file: `${file}:${error.mark.line + 1}:${error.mark.column + 1}`, message: `invalid YAML: ${error.reason}` });
    return [];
  }
  if (!Array.isArray(data)) {
    problems.push({ file, message: 'must be a YAML list of items (each starting with "- id: ...")' });
    return [];
  }
  const items: Array<z.infer<S> & { file: string }> = [];
  data.forEach((raw: unknown, index) => {
    const id = typeof raw === 'object' && raw !== null && typeof (raw as { id?: unknown }).id === 'string'
      ? (raw as { id: string }).id
      : `#${index + 1}`;
    const result = schema.safeParse(raw);
    if (result.success) {
      items.push({ ...(result.data as object), file } as z.infer<S> & { file: string });
      return;
    }
    for (const issue of result.error.issues) {
      problems.push({ file, id, field: issue.path.join('.') || undefined, message: issue.message });
    }
  });
  return items;
}

function yamlFilesIn(dir: string, folder: string, problems: KnowledgeProblem[]): string[] {
  const full = path.join(dir, folder);
  if (!existsSync(full)) {
    problems.push({ file: `${folder}/`, message: 'folder is missing' });
    return [];
  }
  return readdirSync(full)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => `${folder}/${name}`);
}

function checkUniqueIds(items: ReadonlyArray<{ id: string; file: string }>, kind: string, problems: KnowledgeProblem[]): void {
  const firstFile = new Map<string, string>();
  for (const item of items) {
    const seen = firstFile.get(item.id);
    if (seen === undefined) firstFile.set(item.id, item.file);
    else problems.push({ file: item.file, id: item.id, field: 'id', message: `duplicate ${kind} id (first used in ${seen})` });
  }
}

/** Cross-references that a schema cannot see: unique ids, related ids, cited sources. */
function checkReferences(knowledge: Knowledge, problems: KnowledgeProblem[]): void {
  checkUniqueIds(knowledge.sources.map((s) => ({ ...s, file: 'sources.yaml' })), 'source', problems);
  checkUniqueIds(knowledge.entries, 'Q&A', problems);
  checkUniqueIds(knowledge.terms, 'glossary', problems);
  checkUniqueIds(knowledge.quiz, 'quiz', problems);

  const entryIds = new Set(knowledge.entries.map((e) => e.id));
  const sourceIds = new Set(knowledge.sources.map((s) => s.id));
  for (const entry of knowledge.entries) {
    entry.related.forEach((relatedId, index) => {
      if (relatedId === entry.id) {
        problems.push({ file: entry.file, id: entry.id, field: `related.${index}`, message: 'points to the entry itself' });
      } else if (!entryIds.has(relatedId)) {
        problems.push({ file: entry.file, id: entry.id, field: `related.${index}`, message: `dangling related id "${relatedId}": no Q&A entry has it` });
      }
    });
  }
  const termIds = new Set(knowledge.terms.map((t) => t.id));
  knowledge.cues.forEach((cue, index) => {
    if (cue.see === undefined) return;
    const found = cue.see.startsWith('term:') ? termIds.has(cue.see.slice(5)) : entryIds.has(cue.see);
    if (!found) problems.push({ file: cue.file, id: cue.cue, field: `${index}.see`, message: `dangling cue link "${cue.see}": no Q&A id or glossary term has it` });
  });
  for (const item of [...knowledge.entries, ...knowledge.terms, ...knowledge.quiz]) {
    item.sources.forEach((sourceId, index) => {
      if (!sourceIds.has(sourceId)) {
        problems.push({ file: item.file, id: item.id, field: `sources.${index}`, message: `unknown source "${sourceId}": add it to sources.yaml or fix the id` });
      }
    });
  }
}

type ParsedQuizItem = z.infer<typeof quizItemSchema> & { file: string };

/**
 * Resolves each quiz item's `teaches` link to the command a student types to read more:
 * `/ask <question>` for a Q&A id, `/term name: <term>` for `term:<glossary id>`. A dangling link is a problem.
 */
function linkQuizItems(items: readonly ParsedQuizItem[], entries: readonly QaEntry[], terms: readonly GlossaryTerm[], problems: KnowledgeProblem[]): QuizItem[] {
  const questions = new Map(entries.map((e) => [e.id, e.question]));
  const termNames = new Map(terms.map((t) => [t.id, t.term]));
  return items.map((item) => {
    const isTerm = item.teaches.startsWith(TERM_LINK_PREFIX);
    const target = isTerm ? item.teaches.slice(TERM_LINK_PREFIX.length) : item.teaches;
    const title = isTerm ? termNames.get(target) : questions.get(target);
    if (title === undefined) {
      const message = isTerm
        ? `dangling teaches link "${item.teaches}": no glossary term has the id "${target}"`
        : `dangling teaches link "${item.teaches}": no Q&A entry has it (write "term:${target}" for a glossary term)`;
      problems.push({ file: item.file, id: item.id, field: 'teaches', message });
    }
    const readMore = title === undefined ? '' : isTerm ? `/term name: ${title}` : `/ask ${title}`;
    return { ...item, readMore };
  });
}

/** Reads and validates the whole knowledge folder, collecting every problem rather than stopping at the first. */
export function readKnowledge(dir: string): { knowledge: Knowledge; problems: KnowledgeProblem[] } {
  const problems: KnowledgeProblem[] = [];
  const sources: Source[] = readList(dir, 'sources.yaml', sourceSchema, problems);
  const entries: QaEntry[] = yamlFilesIn(dir, 'qa', problems).flatMap((file) => readList(dir, file, qaEntrySchema, problems));
  const terms: GlossaryTerm[] = readList(dir, 'glossary.yaml', glossaryTermSchema, problems);
  const parsedQuiz: ParsedQuizItem[] = yamlFilesIn(dir, 'quiz', problems).flatMap((file) => readList(dir, file, quizItemSchema, problems));
  const quiz = linkQuizItems(parsedQuiz, entries, terms, problems);
  // Optional: without it the scenario classifier has no cues and says it is unsure.
  const cues: ScenarioCue[] = existsSync(path.join(dir, CUES_FILE)) ? readList(dir, CUES_FILE, scenarioCueSchema, problems) : [];
  const knowledge: Knowledge = { sources, entries, terms, quiz, cues };
  checkReferences(knowledge, problems);
  return { knowledge, problems: summariseCascades(problems) };
}

/** Loads the knowledge the bot serves; any problem refuses the whole load, so a bad edit never half-applies. */
export function loadKnowledge(dir: string): Knowledge {
  const { knowledge, problems } = readKnowledge(dir);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return knowledge;
}
