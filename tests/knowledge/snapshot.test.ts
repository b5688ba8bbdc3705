import { appendFileSync, cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { KnowledgeError, loadKnowledge } from '../../src/knowledge/load.ts';
import { readKnowledgeSnapshot, writeKnowledgeSnapshot } from '../../src/knowledge/snapshot.ts';
import { REAL_KNOWLEDGE_DIR } from '../helpers/knowledge.ts';

describe('knowledge snapshot', () => {
  let work: string;
  let dir: string;
  let file: string;

  beforeEach(() => {
    work = mkdtempSync(path.join(tmpdir(), 'snapshot-'));
    dir = path.join(work, 'knowledge');
    file = path.join(work, 'knowledge.json');
    cpSync(REAL_KNOWLEDGE_DIR, dir, { recursive: true });
  });

  afterEach(() => rmSync(work, { recursive: true, force: true }));

  test('reads back exactly what loading the folder gives', () => {
    writeKnowledgeSnapshot(dir, file);
    expect(readKnowledgeSnapshot(dir, file)).toEqual(loadKnowledge(dir));
  });

  test('any edit, new file or other folder makes it unusable: the folder is read instead', () => {
    writeKnowledgeSnapshot(dir, file);
    appendFileSync(path.join(dir, 'glossary.yaml'), '\n');
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();

    writeKnowledgeSnapshot(dir, file);
    writeFileSync(path.join(dir, 'qa', 'new.yaml'), '[]\n');
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();

    writeKnowledgeSnapshot(dir, file);
    expect(readKnowledgeSnapshot(REAL_KNOWLEDGE_DIR, file)).toBeNull();
  });

  test('a missing or broken snapshot is no snapshot', () => {
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();
    writeFileSync(file, '{"dir":');
    expect(readKnowledgeSnapshot(dir, file)).toBeNull();
  });

  test('a folder with problems gets no snapshot', () => {
    writeFileSync(path.join(dir, 'qa', 'broken.yaml'), '- id: Not An Id\n');
    expect(() => writeKnowledgeSnapshot(dir, file)).toThrow(KnowledgeError);
  });
});
