// @ts-check
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const WORKFLOWS_FROM_LIBS = 'libs/ never value-imports workflows/: move the shared code into a domain/ folder.';
// A relative import that leaves its folder for one that is not domain/ (or the pure parse/).
const NOT_DOMAIN = '^\\.\\./(?!(.*/)?(domain|parse)/)';
// For definitions, whose siblings are services: also a ./ import that is neither domain/ nor definitions.
const NOT_DOMAIN_OR_DEFINITIONS = '^\\.\\.?/(?!(.*/)?(domain|parse)/)(?!.*\\.definitions$)';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', 'coverage/**', 'apps/web/src/api/schema.d.ts'] },
  js.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.ts', 'apps/web/**/*.tsx'],
    extends: [...tseslint.configs.recommendedTypeChecked],
    plugins: { import: importPlugin },
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    settings: { 'import/resolver': { typescript: true, node: true } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/switch-exhaustiveness-check': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      'import/no-cycle': 'error',
    },
  },
  {
    // The browser app: DOM globals; its own tsconfig (apps/web/tsconfig.json).
    files: ['apps/web/**/*.ts', 'apps/web/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Nest reads constructor parameter types at run time: injected classes must stay value imports.
    files: ['apps/**/*.ts', 'libs/**/*.ts'],
    ignores: ['**/domain/**', '**/*.spec.ts'],
    rules: { '@typescript-eslint/consistent-type-imports': 'off' },
  },
  // The dependency rule (STYLE.md): domain ← definitions ← workflows and services ← apps.
  {
    // Nothing in libs/ value-imports workflows/ (a type, to start a workflow by its signature, is fine).
    files: ['libs/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ regex: '(^|/)workflows(/|$)', allowTypeImports: true, message: WORKFLOWS_FROM_LIBS }] },
      ],
    },
  },
  {
    // Workflow definitions (signals, queries, updates, inputs) are shared by the workflow sandbox
    // and the client: @temporalio/workflow and domain code only.
    files: ['libs/**/*.definitions.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!@temporalio/workflow$|\\.)',
              message: 'Definitions import only @temporalio/workflow and domain code.',
            },
            { regex: NOT_DOMAIN_OR_DEFINITIONS, message: 'Definitions import only domain code and other definitions.' },
          ],
        },
      ],
    },
  },
  {
    // Domain code is plain TypeScript that imports only other domain code: no framework, no I/O.
    files: ['libs/*/domain/**/*.ts', 'libs/*/*/domain/**/*.ts', 'libs/documents/parse/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!\\.)', message: 'Domain code is pure TypeScript: no packages.' },
            { regex: NOT_DOMAIN, message: 'Domain code imports only other domain code.' },
          ],
        },
      ],
    },
  },
  {
    // Workflow code runs in Temporal's deterministic sandbox (STYLE.md rule 1): @temporalio/workflow,
    // domain code and definitions as values; activities only as types.
    files: ['workflows/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { regex: '^(?!@temporalio/workflow$|\\.)', message: 'Workflows import only @temporalio/workflow.' },
            {
              regex: '^\\.\\./(?!libs/)',
              message: 'Workflows import their own files, domain code and definitions.',
            },
            {
              regex: '^\\.\\./libs/(?!(.*/)?(domain|parse)/)(?!.*\\.definitions$)',
              allowTypeImports: true,
              message: 'Workflows import from libs only domain code and definitions (activities as types).',
            },
          ],
        },
      ],
      'no-restricted-globals': ['error', { name: 'process', message: 'Pass configuration in the workflow input.' }],
      'no-restricted-properties': [
        'error',
        { object: 'Math', property: 'random', message: 'Use uuid4() from @temporalio/workflow.' },
      ],
    },
  },
  {
    files: ['**/*.spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
    },
  },
);
