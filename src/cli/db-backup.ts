import { spawn } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../config.ts';
import { backupDatabase } from '../storage/database.ts';
import { describeUrl } from '../storage/postgres-client.ts';
import { runCli } from './run-cli.ts';

/**
 * `npm run db:backup -- FILE`: a consistent copy of the live database, safe while the bot runs.
 * SQLite: the online backup API. PostgreSQL (DATABASE_URL): pg_dump, a plain SQL file for psql.
 */
runCli(async () => {
  const target = process.argv[2];
  if (!target) {
    console.error('usage: npm run db:backup -- FILE');
    return 2;
  }
  const { databasePath, databaseUrl } = loadConfig();
  if (databaseUrl !== null) return dumpPostgres(databaseUrl, target);
  if (!existsSync(databasePath)) {
    console.error(`No database at ${databasePath} yet (set DATABASE_PATH to back up another file).`);
    return 1;
  }
  await backupDatabase(databasePath, target);
  console.log(`Backed up ${databasePath} to ${target}`);
  return 0;
});

/** pg_dump takes one consistent snapshot; the password goes by environment, never on the command line. */
async function dumpPostgres(databaseUrl: string, target: string): Promise<number> {
  const url = new URL(databaseUrl);
  const password = decodeURIComponent(url.password);
  url.password = '';
  mkdirSync(path.dirname(path.resolve(target)), { recursive: true });
  const env = password ? { ...process.env, PGPASSWORD: password } : process.env;
  const child = spawn('pg_dump', ['--no-owner', '--file', target, '--dbname', url.toString()], { env, stdio: ['ignore', 'inherit', 'inherit'] });
  const outcome = await new Promise<{ code: number | null; missing: boolean }>((resolve) => {
    child.on('error', (error: NodeJS.ErrnoException) => resolve({ code: null, missing: error.code === 'ENOENT' }));
    child.on('exit', (code) => resolve({ code, missing: false }));
  });
  if (outcome.missing) {
    console.error(
      "pg_dump is not installed: install the PostgreSQL client tools (Debian: apt-get install postgresql-client), matching the server's major version or newer, and run again.",
    );
    return 1;
  }
  if (outcome.code !== 0) {
    console.error(`pg_dump could not back up ${describeUrl(databaseUrl)} (exit code ${outcome.code}): see its message above.`);
    return 1;
  }
  console.log(`Backed up ${describeUrl(databaseUrl)} to ${target} (restore with: psql -f ${target} into an empty database)`);
  return 0;
}
