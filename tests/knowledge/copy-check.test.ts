import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { copyWords, findCopiedRuns, readSourceTexts } from '../../src/knowledge/copy-check.ts';
import { loadKnowledge } from '../../src/knowledge/load.ts';
import { MINI_KNOWLEDGE_DIR, miniKnowledgeCopy } from '../helpers/knowledge.ts';
import { useTempDirs } from '../helpers/temp-dir.ts';
import { exited, spawnEntry } from '../helpers/processes.ts';

const tempDir = useTempDirs();

const SOURCE = 'Imagine a community service organization that helps families access health services in their neighborhood.';

function seeds(text = SOURCE): string {
  const dir = path.join(tempDir(), 'seeds');
  mkdirSync(dir);
  writeFileSync(path.join(dir, 'article.txt'), text);
  return dir;
}

/** The mini knowledge base with one extra entry whose answer is `answer`. */
function knowledgeAnswering(answer: string) {
  const dir = miniKnowledgeCopy({
    'qa/extra.yaml': `- id: extra\n  question: How do services reach families?\n  alternatives: [services for families]\n  answer: ${JSON.stringify(answer)}\n  levels: [mezzo]\n  sources: [test-source]\n`,
  });
  return { dir, knowledge: loadKnowledge(dir) };
}

describe('copyWords', () => {
  test('lowercases, drops punctuation and folds British spellings', () => {
    expect(copyWords('The Organisation’s CENTRE, counselling; neighbourhood programme!')).toEqual(['the', 'organizations', 'center', 'counseling', 'neighborhood', 'program']);
  });
});

describe('the copy check', () => {
  test('names the item, the field and the shared words of an 8-word run, across case, punctuation and spelling', () => {
    const { knowledge } = knowledgeAnswering('Picture A Community-Service Organisation that helps families access health services!');
    const problems = findCopiedRuns(knowledge, readSourceTexts(seeds()));
    expect(problems).toEqual([
      expect.objectContaining({
        file: 'qa/extra.yaml',
        id: 'extra',
        field: 'answer',
        message: expect.stringContaining('10 words in a row, "a community service organization that helps families access health services"'),
      }),
    ]);
  });

  test('seven shared words in a row are not a copy', () => {
    const { knowledge } = knowledgeAnswering('A community service organization that helps families find doctors.');
    expect(findCopiedRuns(knowledge, readSourceTexts(seeds()))).toEqual([]);
  });

  test('checks quiz choices and glossary definitions too', () => {
    const source = 'Speaking up for clients or groups to win them resources or fairer rules. Laws and policies are macro work, always and everywhere.';
    const problems = findCopiedRuns(loadKnowledge(MINI_KNOWLEDGE_DIR), readSourceTexts(seeds(source)));
    expect(problems.map((p) => `${p.id} ${p.field}`)).toEqual(['advocacy definition']);
  });

  test('an absent seeds folder skips the check', () => {
    const { knowledge } = knowledgeAnswering(SOURCE);
    expect(readSourceTexts(path.join(tempDir(), 'no-seeds'))).toEqual([]);
    expect(findCopiedRuns(knowledge, [])).toEqual([]);
  });

  test('kb:check counts a copy as a problem when the seeds are there', async () => {
    const { dir } = knowledgeAnswering(SOURCE);
    const child = spawnEntry('src/cli/kb-check.ts', ['--seeds', seeds(), dir], {});
    let stdout = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await exited(child)).toBe(1);
    expect(stdout).toContain('problem: qa/extra.yaml, entry "extra", field "answer": copied from the source article.txt');
    expect(stdout.trim().split('\n').at(-1)).toBe('kb: 5 entries, 2 terms, 3 quiz items, 1 problems');
  });
});
