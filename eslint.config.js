import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'web/dist/**', 'scripts/*.mjs', 'test/**/*.mjs', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
    },
  },
  // The layering of docs/architecture.md, enforced: pure layers import no I/O, plugins stay apart.
  {
    files: ['src/model/**/*.ts', 'src/findings/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/store/**', '**/pipeline/**', '**/sources/**', '**/engines/**', '**/server/**', '**/cli/**', '**/outputs/**'], message: 'model/ and findings/ are pure: no I/O layers.' },
        { group: ['node:fs', 'node:fs/*', 'node:net', 'node:http', 'pg', '@electric-sql/*'], message: 'model/ and findings/ are pure: no I/O.' },
      ] }],
    },
  },
  {
    files: ['src/sources/**/*.ts', 'src/engines/**/*.ts'],
    // Tests beside a plugin drive it through the real pipeline; the plugin code itself stays apart.
    ignores: ['**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/store/*', '!**/store/db.js', '**/pipeline/**', '**/server/**', '**/cli/**'], message: 'sources/ and engines/ never import store, pipeline, server or cli (engines may use the Db type only).' },
      ] }],
    },
  },
  {
    // The dashboard knows the server only through its HTTP API.
    files: ['web/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [
        { group: ['**/src/**', '**/dist/**', 'node:*'], message: 'web/ talks to the API only: no server code, no Node modules.' },
      ] }],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/cli/**', 'src/server/**'],
    rules: {
      'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Only cli/ and server/ read process.env; pass config down.' }],
    },
  },
);
