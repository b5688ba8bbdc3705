import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
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

/** `npm run kb:gaps`: what students asked that the bot could not answer, and the answers they voted 👎. */
runCli(() => {
  const { databasePath } = loadConfig();
  if (!existsSync(databasePath)) {
    console.log(`No database at ${databasePath} yet: nothing has been asked.`);
    return 0;
  }
  const storage = openStorage(databasePath);
  try {
    const { unanswered, downvoted } = storage.askLog.gaps();
    console.log(`Unanswered questions (${unanswered.length}, most frequent first):`);
    for (const gap of unanswered) console.log(`  ${String(gap.times).padStart(4)} × ${printable(gap.question)}  (last ${new Date(gap.lastAskedAt).toISOString().slice(0, 10)})`);
    console.log(`\nAnswers voted 👎 (${downvoted.length}, most down-votes first):`);
    for (const answer of downvoted) console.log(`  ${String(answer.down).padStart(4)} 👎 ${String(answer.up).padStart(4)} 👍  ${printable(answer.answerId)}`);
    return 0;
  } finally {
    storage.close();
  }
});
