import { rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { lintKnowledge } from '../../src/knowledge/lint.ts';
import { KnowledgeError, loadKnowledge, readKnowledge } from '../../src/knowledge/load.ts';
import { MINI_KNOWLEDGE_DIR, miniKnowledgeCopy } from '../helpers/knowledge.ts';

const dirs: string[] = [];
function copy(overrides: Record<string, string>): string {
  const dir = miniKnowledgeCopy(overrides);
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

const entry = (fields: string) => `- id: only-entry
  question: What is only?
  alternatives: [only one]
  answer: Only this.
  levels: [micro]
  sources: [test-source]
${fields}`;

describe('loadKnowledge', () => {
  test('loads every kind of item and remembers its file', () => {
    const knowledge = loadKnowledge(MINI_KNOWLEDGE_DIR);
    expect(knowledge.entries.map((e) => e.id)).toEqual(['micro-definition', 'macro-definition', 'micro-vs-macro', 'licence-needed']);
    expect(knowledge.terms).toHaveLength(2);
    expect(knowledge.quiz.map((q) => q.kind)).toEqual(['multiple-choice', 'true-false', 'scenario-level']);
    expect(knowledge.entries[0]?.file).toBe('qa/basics.yaml');
  });

  test('refuses the whole load and names every problem', () => {
    const dir = copy({ 'qa/basics.yaml': entry('  levels: [nano]\n') });
    expect(() => loadKnowledge(dir)).toThrow(KnowledgeError);
  });
});

describe('readKnowledge reports file, entry id and field', () => {
  test.each([
    ['a wrong level', { 'qa/basics.yaml': entry('').replace('[micro]', '[nano]') }, { file: 'qa/basics.yaml', id: 'only-entry', field: 'levels.0' }],
    ['a missing answer', { 'qa/basics.yaml': entry('').replace('  answer: Only this.\n', '') }, { file: 'qa/basics.yaml', id: 'only-entry', field: 'answer' }],
    ['an unknown field', { 'qa/basics.yaml': entry('  color: blue\n') }, { file: 'qa/basics.yaml', id: 'only-entry' }],
    ['a bad id', { 'qa/basics.yaml': entry('').replace('only-entry', 'Only Entry') }, { file: 'qa/basics.yaml', id: 'Only Entry', field: 'id' }],
    ['a dangling related id', { 'qa/basics.yaml': entry('  related: [nowhere]\n') }, { file: 'qa/basics.yaml', id: 'only-entry', field: 'related.0' }],
    ['an unknown source', { 'qa/basics.yaml': entry('').replace('[test-source]', '[wikipedia]') }, { file: 'qa/basics.yaml', id: 'only-entry', field: 'sources.0' }],
    ['a quiz answer letter with no choice', { 'quiz/items.yaml': `- id: mc-bad\n  kind: multiple-choice\n  question: Pick?\n  choices: [One, Two]\n  answer: D\n  explanation: Because.\n  level: micro\n  difficulty: easy\n  sources: [test-source]\n  teaches: micro-definition\n` }, { file: 'quiz/items.yaml', id: 'mc-bad', field: 'answer' }],
    ['an unknown quiz kind', { 'quiz/items.yaml': `- id: essay\n  kind: essay\n  question: Write?\n  answer: x\n  explanation: y\n  level: micro\n  difficulty: easy\n  sources: [test-source]\n` }, { file: 'quiz/items.yaml', id: 'essay', field: 'kind' }],
    ['a glossary term without a definition', { 'glossary.yaml': `- id: empty\n  term: Empty\n  definition: "  "\n  level: micro\n  example: none\n  sources: [test-source]\n` }, { file: 'glossary.yaml', id: 'empty', field: 'definition' }],
    ['a file that is not a list', { 'glossary.yaml': 'term: Lonely\n' }, { file: 'glossary.yaml' }],
  ])('%s', (_name, overrides, expected) => {
    const { problems } = readKnowledge(copy(overrides));
    expect(problems).toContainEqual(expect.objectContaining(expected));
  });

  test.each([
    ['a Q&A id that no entry has', 'nowhere', /no Q&A entry has it/],
    ['a glossary id that no term has', 'term:nowhere', /no glossary term has the id "nowhere"/],
    ['a Q&A id written where a term is meant', 'advocacy', /write "term:advocacy"/],
  ])('a dangling teaches link (%s) names file, item and field', (_name, link, message) => {
    const items = `- id: tf-linked\n  kind: true-false\n  question: Yes?\n  answer: true\n  explanation: Yes.\n  level: micro\n  difficulty: easy\n  sources: [test-source]\n  teaches: ${link}\n`;
    const { problems } = readKnowledge(copy({ 'quiz/items.yaml': items }));
    expect(problems).toEqual([expect.objectContaining({ file: 'quiz/items.yaml', id: 'tf-linked', field: 'teaches', message: expect.stringMatching(message) })]);
  });

  test.each([
    ['missing', ''],
    ['badly written', '  teaches: Term:Advocacy\n'],
  ])('a teaches link that is %s is a problem on that field', (_name, line) => {
    const items = `- id: tf-linked\n  kind: true-false\n  question: Yes?\n  answer: true\n  explanation: Yes.\n  level: micro\n  difficulty: easy\n  sources: [test-source]\n${line}`;
    const { problems } = readKnowledge(copy({ 'quiz/items.yaml': items }));
    expect(problems).toContainEqual(expect.objectContaining({ id: 'tf-linked', field: 'teaches' }));
  });

  test('a teaches link resolves to the command that reads more', () => {
    const knowledge = loadKnowledge(MINI_KNOWLEDGE_DIR);
    expect(knowledge.quiz.map((q) => q.readMore)).toEqual(['/ask What is macro social work?', '/ask What is micro social work?', '/ask How does micro practice differ from macro practice?']);
  });

  test('a YAML syntax error names the file and line', () => {
    const { problems } = readKnowledge(copy({ 'glossary.yaml': '- id: broken\n  term: [unclosed\n' }));
    expect(problems[0]?.file).toMatch(/^glossary\.yaml:\d+:\d+$/);
    expect(problems[0]?.message).toMatch(/invalid YAML/);
  });

  test('duplicate ids across files are reported with the first file', () => {
    const { problems } = readKnowledge(copy({ 'qa/more.yaml': entry('').replace('only-entry', 'micro-definition') }));
    expect(problems).toContainEqual(expect.objectContaining({ file: 'qa/more.yaml', id: 'micro-definition', field: 'id', message: expect.stringContaining('qa/basics.yaml') }));
  });

  test('a missing folder is a problem, not a crash', () => {
    const { problems } = readKnowledge(path.join(MINI_KNOWLEDGE_DIR, 'does-not-exist'));
    expect(problems.map((p) => p.file)).toEqual(expect.arrayContaining(['sources.yaml', 'qa/', 'glossary.yaml', 'quiz/']));
  });
});

describe('lintKnowledge', () => {
  test('finds over-long answers, near-duplicate questions and repeated choices', () => {
    const dir = copy({
      'qa/more.yaml': `- id: long-one
  question: "What's micro social work, please?"
  alternatives: [micro practice meaning]
  answer: ${'x'.repeat(1001)}
  levels: [micro]
  sources: [test-source]
`,
      'quiz/items.yaml': `- id: mc-same\n  kind: multiple-choice\n  question: Pick?\n  choices: [One, one]\n  answer: A\n  explanation: Because.\n  level: micro\n  difficulty: easy\n  sources: [test-source]\n  teaches: micro-definition\n`,
    });
    const problems = lintKnowledge(loadKnowledge(dir));
    expect(problems).toContainEqual(expect.objectContaining({ id: 'long-one', field: 'answer', message: expect.stringMatching(/over-long answer: 1001/) }));
    expect(problems).toContainEqual(expect.objectContaining({ id: 'long-one', field: 'question', message: expect.stringMatching(/near-duplicate/) }));
    expect(problems).toContainEqual(expect.objectContaining({ id: 'long-one', field: 'alternatives.0' }));
    expect(problems).toContainEqual(expect.objectContaining({ id: 'mc-same', field: 'choices' }));
  });

  test('a canonical question without a closing "?" is a problem', () => {
    const dir = copy({ 'qa/more.yaml': entry('').replace('only-entry', 'no-mark').replace('What is only?', 'What is only') });
    expect(lintKnowledge(loadKnowledge(dir))).toContainEqual(expect.objectContaining({ id: 'no-mark', field: 'question', message: expect.stringContaining('"?"') }));
  });

  test('the mini knowledge base is clean', () => {
    expect(lintKnowledge(loadKnowledge(MINI_KNOWLEDGE_DIR))).toEqual([]);
  });
});
