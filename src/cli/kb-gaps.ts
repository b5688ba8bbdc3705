import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { openStorage } from '../storage/index.ts';
import { runCli } from './run-cli.ts';

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
    for (const gap of unanswered) console.log(`  ${String(gap.times).padStart(4)} × ${gap.question}  (last ${new Date(gap.lastAskedAt).toISOString().slice(0, 10)})`);
    console.log(`\nAnswers voted 👎 (${downvoted.length}, most down-votes first):`);
    for (const answer of downvoted) console.log(`  ${String(answer.down).padStart(4)} 👎 ${String(answer.up).padStart(4)} 👍  ${answer.answerId}`);
    return 0;
  } finally {
    storage.close();
  }
});
