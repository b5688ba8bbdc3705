import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const MINI_KNOWLEDGE_DIR = path.resolve('tests/fixtures/mini-knowledge');
export const REAL_KNOWLEDGE_DIR = path.resolve('knowledge');

/** A private copy of the mini knowledge base, optionally with some files replaced. */
export function miniKnowledgeCopy(overrides: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'levels-kb-'));
  cpSync(MINI_KNOWLEDGE_DIR, dir, { recursive: true });
  for (const [file, content] of Object.entries(overrides)) writeFileSync(path.join(dir, file), content);
  return dir;
}
