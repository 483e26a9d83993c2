// @ts-check
import js from '@eslint/js';
import { builtinModules } from 'node:module';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

/** Node built-ins and I/O modules: forbidden where code must stay deterministic and pure. */
const IO_MODULES = [
  ...builtinModules,
  ...builtinModules.map((m) => `node:${m}`),
  'typeorm',
  'pg',
  'pg-*',
  'pino',
  'nestjs-pino',
  'canonicalize',
  '@donthu/persistence',
  '@donthu/temporal',
];
const IO_PATTERNS = ['@nestjs/*', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', '@temporalio/testing', 'node:*', '**/persistence/**', '**/apps/**'];

const deterministic = (extraPatterns = []) => ({
  'no-restricted-imports': [
    'error',
    {
      paths: IO_MODULES.map((name) => ({ name, message: 'Workflow and domain code must stay deterministic and free of I/O.' })),
      patterns: [...IO_PATTERNS, ...extraPatterns].map((group) => ({ group: [group], message: 'Workflow and domain code must stay deterministic and free of I/O.' })),
    },
  ],
  'no-restricted-properties': [
    'error',
    { object: 'Date', property: 'now', message: 'Time comes from the workflow or the caller, not the clock.' },
    { object: 'Math', property: 'random', message: 'Randomness breaks replay.' },
  ],
  'no-restricted-syntax': ['error', { selector: "NewExpression[callee.name='Date']", message: 'No JS Date here: use local dates (libs/domain) or workflow time.' }],
  'no-restricted-globals': ['error', 'process', 'setTimeout', 'setInterval', 'fetch', 'require'],
});

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', '.tools/**', '.data/**', 'coverage/**', 'test-results/**', 'apps/web/dist/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      globals: { ...globals.node, ...globals.jest },
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'infra/*/*.js', 'infra/*/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Tests read untyped JSON bodies (supertest); strict `any` rules there add noise, not safety.
    },
  },
  {
    files: ['**/*.spec.ts', '**/*.e2e-spec.ts', 'test/**/*.ts'],
    rules: {
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/unbound-method': 'off',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    rules: { ...tseslint.configs.disableTypeChecked.rules, '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The web console (apps/web): browser code, React hooks rules; its own tsconfig (DOM, JSX).
    files: ['apps/web/src/**/*.{ts,tsx}'],
    ...reactHooks.configs.flat.recommended,
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Workflow code is replayed: deterministic, no I/O; imports only @temporalio/workflow|common and libs/domain.
    files: ['workflows/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: deterministic(),
  },
  {
    // The domain core is pure: no I/O, no framework, no Temporal.
    files: ['libs/domain/**/*.ts'],
    ignores: ['**/*.spec.ts'],
    rules: deterministic(['@temporalio/*', '**/workflows/**']),
  },
);
