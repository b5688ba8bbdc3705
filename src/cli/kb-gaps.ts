import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { gapSections } from '../format/gaps.ts';
import { openStorage } from '../storage/index.ts';
import { runCli } from './run-cli.ts';

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
      for (const line of section.lines) console.log(`  ${line}`);
    });
    return 0;
  } finally {
    storage.close();
  }
});
