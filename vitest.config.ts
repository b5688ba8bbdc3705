import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 20_000,
    hookTimeout: 30_000,
    reporters: ['default', './tests/support/summary-reporter.ts'],
    // `npm run coverage`: measured on the pure layers only, as in the house style.
    coverage: {
      provider: 'v8',
      include: ['src/engines/**', 'src/format/**', 'src/knowledge/**', 'src/storage/**'],
      reporter: ['text-summary', 'text'],
    },
  },
});
