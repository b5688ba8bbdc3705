import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { gapSections } from '../format/gaps.ts';
import { openStorage } from '../storage/index.ts';
import { runCli } from './run-cli.ts';

const NAMED: ReadonlyMap<string, string> = new Map([
  ['\n', '\\n'],
  ['\r', '\\r'],
  ['\t', '\\t'],
  ['\\', '\\\\'],
]);

/**
 * Stored questions are student text: control characters (ESC, BEL), line breaks and bidi
 * overrides are shown escaped, so nothing reaches the curator's terminal as a command and
 * every entry stays on its own line.
 */
function printable(text: string): string {
  return text.replace(/[\p{Cc}\u2028\u2029\u200e\u200f\u202a-\u202e\u2066-\u2069\\]/gu, (c) => NAMED.get(c) ?? `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** `npm run kb:gaps`: what students asked that the bot could not answer, the answers they voted 👎, and their reports, for all servers. */
runCli(() => {
  const { databasePath } = loadConfig();
  if (!existsSync(databasePath)) {
    console.log(`No database at ${databasePath} yet: nothing has been asked.`);
    return 0;
  }
  const storage = openStorage(databasePath);
  try {
    gapSections(storage.askLog.gaps(), storage.itemReports.summary()).forEach((section, i) => {
      console.log(`${i > 0 ? '\n' : ''}${section.title}:`);
      for (const line of section.lines) console.log(`  ${printable(line)}`);
    });
    return 0;
  } finally {
    storage.close();
  }
});
