import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadConfig } from '../config.ts';
import { copyToPostgres } from '../storage/copy-to-postgres.ts';
import { openDatabase } from '../storage/database.ts';
import { describeUrl, openPostgres } from '../storage/postgres-client.ts';
import { runCli } from './run-cli.ts';

const USAGE = 'usage: DATABASE_URL=postgres://… npm run db:migrate-to-postgres -- --from FILE';

/**
 * `npm run db:migrate-to-postgres -- --from FILE`: copies every table of a SQLite database into
 * the empty PostgreSQL database at DATABASE_URL, then checks the row counts match. Stop the bot first.
 */
runCli(async () => {
  let from: string | undefined;
  try {
    from = parseArgs({ options: { from: { type: 'string' } } }).values.from;
  } catch (error) {
    console.error(`${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (!from) {
    console.error(USAGE);
    return 2;
  }
  const { databaseUrl } = loadConfig();
  if (databaseUrl === null) {
    console.error(`DATABASE_URL is not set: point it at the PostgreSQL database to copy into.\n${USAGE}`);
    return 2;
  }
  if (!existsSync(from)) {
    console.error(`No SQLite database at ${from}.`);
    return 1;
  }
  // Brought to the current schema first, as starting the bot on it would.
  const source = openDatabase(from);
  const target = await openPostgres(databaseUrl);
  try {
    const copies = await copyToPostgres(source, target);
    for (const copy of copies) console.log(`${copy.table}: ${copy.rows} rows in SQLite, ${copy.copiedRows} in PostgreSQL`);
    const mismatched = copies.filter((copy) => copy.rows !== copy.copiedRows);
    if (mismatched.length > 0) {
      console.error(`Row counts differ for ${mismatched.map((copy) => copy.table).join(', ')}: do not switch over; look into it first.`);
      return 1;
    }
    const rows = copies.reduce((sum, copy) => sum + copy.rows, 0);
    console.log(`Copied ${copies.length} tables, ${rows} rows, from ${from} to ${describeUrl(databaseUrl)}: every row count matches.`);
    return 0;
  } catch (error) {
    console.error(`The copy was rolled back, nothing was written: ${(error as Error).message}`);
    return 1;
  } finally {
    source.close();
    await target.close();
  }
});
