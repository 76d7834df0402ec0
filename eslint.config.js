// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'out/**',
      'dist/**',
      'node_modules/**',
      'test/fixtures/**',
      'test/bench/.work/**', // generated benchmark inputs (a CDK stack cut at a line count)
      'registries/**', // vendored reference data and the scripts that produced it, kept verbatim
      '.e2e/**',
      'test/e2e/workspace/**',
      '**/*.vsix',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.mjs', '**/*.js', '**/*.cjs'],
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        URL: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        Buffer: 'readonly',
        __dirname: 'readonly',
        require: 'readonly',
        module: 'writable',
        exports: 'writable',
        fetch: 'readonly',
        performance: 'readonly',
        setImmediate: 'readonly',
        TextEncoder: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // The core is pure: text + catalog + settings in, LSP data out. It may use the
    // LSP *data types* packages (no I/O, no connection) but nothing that talks to an editor,
    // the file system or the process.
    files: ['server/src/core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            'fs',
            'path',
            'os',
            'child_process',
            'process',
            'vscode',
            'vscode-languageserver',
            'vscode-languageclient',
          ],
          patterns: [
            { group: ['node:*'], message: 'core is pure: pass data in from server/src/lsp or server/src/cli' },
            {
              group: ['vscode-languageserver/*', 'vscode-languageclient/*'],
              message: 'core is pure: only vscode-languageserver-types / -textdocument are allowed',
            },
            { group: ['**/lsp/**', '**/cli/**'], message: 'core never imports its adapters' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'require', '__dirname'],
    },
  },
  {
    // stdout is the protocol: a console.log in the server corrupts the stream.
    files: ['server/src/**/*.ts'],
    ignores: ['server/src/cli/**'],
    rules: { 'no-console': 'error' },
  },
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
);
