import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { MessageFile } from '../interactions/types.ts';

/** Saves a message's attached files (charts) as `<dir>/<message id>-<name>`, so the console can say where to open them. */
export function saveAttachments(dir: string, messageId: string, files: readonly MessageFile[]): Map<string, string> {
  const saved = new Map<string, string>();
  if (files.length === 0) return saved;
  mkdirSync(dir, { recursive: true });
  for (const file of files) {
    const target = path.resolve(dir, `${messageId}-${path.basename(file.name)}`);
    writeFileSync(target, file.data);
    saved.set(file.name, target);
  }
  return saved;
}
