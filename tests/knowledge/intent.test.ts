import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { readKnowledge } from '../../src/knowledge/load.ts';
import { miniKnowledgeCopy, REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the intent field of Q&A entries', () => {
  test('an unknown intent is a problem naming the file, the entry and the field', () => {
    const dir = miniKnowledgeCopy({
      'qa/basics.yaml': '- id: only-entry\n  question: What is only?\n  intent: riddle\n  alternatives: [only one]\n  answer: Only this.\n  levels: [micro]\n  sources: [test-source]\n',
    });
    dirs.push(dir);
    const { problems } = readKnowledge(dir);
    expect(problems).toContainEqual(expect.objectContaining({ file: 'qa/basics.yaml', id: 'only-entry', field: 'intent' }));
  });

  test('every entry of the real knowledge base declares its intent on the line after its question', () => {
    const qaDir = path.join(REAL_KNOWLEDGE_DIR, 'qa');
    for (const file of readdirSync(qaDir).filter((name) => name.endsWith('.yaml'))) {
      const lines = readFileSync(path.join(qaDir, file), 'utf8').split('\n');
      const questions = lines.flatMap((line, index) => (line.startsWith('  question:') ? [index] : []));
      expect(questions.length).toBeGreaterThan(0);
      for (const index of questions) expect(lines[index + 1], `${file} line ${index + 2}`).toMatch(/^ {2}intent: [a-z]+$/);
    }
    const { knowledge, problems } = readKnowledge(REAL_KNOWLEDGE_DIR);
    expect(problems).toEqual([]);
    expect(new Set(knowledge.entries.map((e) => e.intent)).size).toBeGreaterThanOrEqual(8);
  });
});
