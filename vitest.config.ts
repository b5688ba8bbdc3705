import { configDefaults, defineConfig } from 'vitest/config';

// The two-host test needs a real PostgreSQL; without TEST_DATABASE_URL the summary says it did not run.
const POSTGRES_ONLY = ['tests/discord/scale.e2e.test.ts'];

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    exclude: process.env.TEST_DATABASE_URL ? configDefaults.exclude : [...configDefaults.exclude, ...POSTGRES_ONLY],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './tests/helpers/summary-reporter.ts'],
    // `npm run coverage`: measured on the pure layers only, as in the house style.
    coverage: {
      provider: 'v8',
      include: ['src/engines/**', 'src/format/**', 'src/knowledge/**', 'src/storage/**'],
      reporter: ['text-summary', 'text'],
    },
  },
});
