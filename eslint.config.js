// ESLint (flat config): the recommended JavaScript and typescript-eslint rules, kept lean so that
// they stay quiet on sound code; layer boundaries are dependency-cruiser's (.dependency-cruiser.cjs).
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'web/dist/', 'node_modules/', 'coverage/', 'test-artifacts/', 'data/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs', globals: { module: 'writable', require: 'readonly' } },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { 'react-hooks/rules-of-hooks': 'error', 'react-hooks/exhaustive-deps': 'error' },
  },
  {
    // Other branches' directives for rules this set leaves off must not fail the run.
    linterOptions: { reportUnusedDisableDirectives: 'off' },
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly', Buffer: 'readonly', window: 'readonly', document: 'readonly' } },
    rules: {
      // The compiler already reports unused names (noUnusedLocals, noUnusedParameters).
      '@typescript-eslint/no-unused-vars': 'off',
      // Responses of the signed fetch are JSON of many shapes; they are typed where they are used.
      '@typescript-eslint/no-explicit-any': 'off',
      // A variable assigned once, after a closure that reads it was made, cannot be const.
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
    },
  },
);
