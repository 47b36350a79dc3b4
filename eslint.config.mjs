// @ts-check
// ESLint (flat config) with typescript-eslint and type information. `npm run lint` runs it; the
// `gates` tier of `npm test` runs it before any test. Formatting is Prettier's job, not ESLint's.
import js from '@eslint/js';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = [
  'assert',
  'async_hooks',
  'buffer',
  'child_process',
  'cluster',
  'crypto',
  'dgram',
  'dns',
  'events',
  'fs',
  'fs/promises',
  'http',
  'http2',
  'https',
  'inspector',
  'module',
  'net',
  'os',
  'path',
  'perf_hooks',
  'process',
  'readline',
  'stream',
  'tls',
  'tty',
  'url',
  'util',
  'v8',
  'vm',
  'worker_threads',
  'zlib',
];

export default tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'out/**',
      'e2e/.tools/**',
      'test/fixtures/**',
      'examples/**',
      'bench/results/**',
      '.vscode-test/**',
      '**/*.d.ts',
      '**/*.d.mts',
      '**/*.d.cts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
      parserOptions: {
        // One program per environment; the core's own tsconfig (no node types) is for the type checker.
        project: ['./tsconfig.json', './test/e2e/tsconfig.json', './tsconfig.scripts.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    rules: {
      // node:test's test()/describe()/it() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite', 'before', 'after'] },
          ],
        },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      // Off: `String(x ?? '')` of an `unknown` (an error's name, a parsed scalar) narrows to `{}` and is
      // flagged, and the assertions that would silence it are flagged as unnecessary in turn.
      '@typescript-eslint/no-base-to-string': 'off',
      // A variable a callback reads before its single assignment (a timer that disposes a subscription).
      'prefer-const': ['error', { ignoreReadBeforeAssign: true }],
      // Parsers and redactors match control characters on purpose.
      'no-control-regex': 'off',
      'no-irregular-whitespace': ['error', { skipComments: true, skipStrings: true, skipTemplates: true }],
    },
  },
  {
    // Plain JavaScript is checked by tsconfig.scripts.json with unannotated values as `any`: the
    // no-unsafe-* rules would flag every use of one.
    files: ['**/*.mjs', '**/*.cjs'],
    rules: {
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off', '@typescript-eslint/require-await': 'off' },
  },
  {
    // The server loads heavy libraries and the generated schemas on first use with a literal require()
    // (server/src/service/ambient.d.ts says why): an import would evaluate them at start-up.
    files: ['server/src/**/*.ts'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // Fakes and stubs implement async interfaces with bodies that have nothing to await; tests and
    // benchmarks take parsed JSON apart and let an assertion say when it is not what they expect.
    files: ['test/**/*.ts', 'bench/**/*.ts'],
    rules: {
      '@typescript-eslint/require-await': 'off',
      '@typescript-eslint/no-unsafe-argument': 'off',
      '@typescript-eslint/no-unsafe-assignment': 'off',
      '@typescript-eslint/no-unsafe-call': 'off',
      '@typescript-eslint/no-unsafe-member-access': 'off',
      '@typescript-eslint/no-unsafe-return': 'off',
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
  {
    files: ['test/e2e/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.mocha } },
  },
  {
    files: ['server/src/**/*.ts', 'client/src/**/*.ts'],
    ignores: ['client/src/aws/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only client/src/aws imports the AWS SDK (house rule 8).' },
          ],
        },
      ],
    },
  },
  {
    // The pure core (house rule 2): parsing libraries, LSP *types* and our own modules only; the
    // LSP adapters (server/src/lsp), the CLI and the tests do the I/O. test/unit/architecture.test.ts
    // checks the same with an allow-list.
    files: ['server/src/service/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'The core runs outside VS Code: take what you need as a parameter.' },
            {
              name: 'vscode-languageserver',
              message: 'The core speaks no LSP: use vscode-languageserver-types and convert in server/src/lsp.',
            },
            ...NODE_BUILTINS.flatMap((m) => [
              { name: m, message: 'The core does no I/O: the LSP server or the CLI passes data in.' },
              { name: `node:${m}`, message: 'The core does no I/O: the LSP server or the CLI passes data in.' },
            ]),
          ],
          patterns: [
            {
              group: ['vscode-languageserver/*', 'vscode-languageclient', 'vscode-languageclient/*'],
              message: 'The core speaks no LSP.',
            },
            { group: ['node:*'], message: 'The core does no I/O: the LSP server or the CLI passes data in.' },
            { group: ['@aws-sdk/*', '@smithy/*'], message: 'Only client/src/aws talks to AWS.' },
          ],
        },
      ],
    },
  },
);
