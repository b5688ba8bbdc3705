import { existsSync } from 'node:fs';
import { loadConfig } from '../config.ts';
import { backupDatabase } from '../storage/database.ts';
import { runCli } from './run-cli.ts';

/** `npm run db:backup -- FILE`: a consistent copy of the live database, safe while the bot runs. */
runCli(async () => {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run db:backup -- FILE');
    return 2;
  }
  const { databasePath } = loadConfig();
  if (!existsSync(databasePath)) {
    console.error(`No database at ${databasePath} yet (set DATABASE_PATH to back up another file).`);
    return 1;
  }
  await backupDatabase(databasePath, target);
  console.log(`Backed up ${databasePath} to ${target}`);
  return 0;
});
