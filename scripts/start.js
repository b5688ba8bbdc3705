// `npm start`: the compiled bot, built first when dist/ is missing or older than its sources.
// The bot runs in this very process, so signals (SIGHUP reloads knowledge/) reach it directly.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { build, DIST, isStale } from './build.js';

if (isStale()) {
  process.stderr.write('start: building dist/ (npm run build) ...\n');
  try {
    await build();
  } catch {
    process.stderr.write('start: the build failed (see above); fix it, or run from source with npm run dev.\n');
    process.exit(1);
  }
}
await import(pathToFileURL(path.join(DIST, 'src', 'index.js')).href);
