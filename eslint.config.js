// ESLint flat config: type-aware typescript-eslint rules, so a promise nothing awaits (or a `void`-ed one) fails lint.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/', 'coverage/', 'data/', 'dist/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // Fire-and-forget work goes through `safely` (src/services/safely.ts), which catches and logs with context.
      '@typescript-eslint/no-floating-promises': ['error', { ignoreVoid: false }],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Library code logs through pino; only the CLI and the console print.
      'no-console': 'error',
      // Prettier wraps code at 160 (a signature's trailing " {" may pass it by a column); long strings and patterns stay whole so they can be searched for.
      'max-len': ['error', { code: 162, ignoreUrls: true, ignoreStrings: true, ignoreTemplateLiterals: true, ignoreRegExpLiterals: true }],
    },
  },
  { files: ['src/cli/**', 'src/console/**', 'scripts/**'], rules: { 'no-console': 'off' } },
  // The tests read Discord's raw JSON from the stand-in, which has no types worth writing.
  { files: ['tests/**'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
  // Plain Node scripts and config files sit outside tsconfig.json: no type information, Node's globals.
  { files: ['**/*.js'], ...tseslint.configs.disableTypeChecked },
  { files: ['**/*.js'], languageOptions: { globals: { process: 'readonly', console: 'readonly' } } },
);
