// @ts-check
import js from '@eslint/js';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import importX from 'eslint-plugin-import-x';
import officeAddins from 'eslint-plugin-office-addins';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const browserCode = ['./src/taskpane', './src/commands', './src/services'];
// Browser pages that are not the product's runtimes but run beside them: the sign-in dialog, the workbench.
const browserPages = ['./src/auth-dialog', './src/workbench'];

// The direction of dependencies (see docs/architecture.md): contract imports nothing of ours; browser code
// never imports the bridge; the bridge never imports browser code; components go through services.
const directionZones = [
  {
    target: './src/contract',
    from: ['./src/server', ...browserCode],
    message: 'src/contract imports nothing of ours.',
  },
  {
    target: [...browserCode, ...browserPages],
    from: './src/server',
    message: 'Browser code must not import the bridge.',
  },
  {
    target: './src/server',
    from: [...browserCode, ...browserPages],
    message: 'The bridge must not import browser code.',
  },
  { target: './src/services', from: ['./src/taskpane', './src/commands'], message: 'Services sit below the UI.' },
  {
    target: [...browserCode, './src/server', './src/contract', './src/auth-dialog'],
    from: './src/workbench',
    message: 'The workbench (simulated Office) is a development tool; product code must not depend on it.',
  },
  { target: './src', from: './bench', message: 'Benchmarks measure the product; the product never imports them.' },
];
// Only src/services talks to the network (one client with timeouts, zod-parsed answers, AppError failures).
const networkGlobals = ['fetch', 'XMLHttpRequest', 'WebSocket', 'EventSource'].map((name) => ({
  name,
  message: 'Use the bridge client from src/services.',
}));
const networkProperties = ['window', 'globalThis', 'self'].map((object) => ({
  object,
  property: 'fetch',
  message: 'Use the bridge client from src/services.',
}));
// webpack's production build resolves `z.iso.date` to `z.date` (a Date-object schema): the add-in would then
// refuse every date string. Browser-bound code uses IsoDateSchema from src/contract/documents.schemas.ts.
const isoDateRule = {
  selector: "MemberExpression[object.property.name='iso'][property.name='date']",
  message: 'z.iso.date() breaks in the webpack bundle; use IsoDateSchema.',
};
const testHelperZone = { target: './src', from: './test', message: 'Product code must not import test helpers.' };

export default tseslint.config(
  { ignores: ['dist/**', 'build/**', 'data/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX, 'office-addins': officeAddins, 'react-hooks': reactHooks },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    languageOptions: { globals: { ...globals.browser, ...globals.node, Office: 'readonly' } },
    rules: {
      'office-addins/no-office-initialize': 'error',
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'error',
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'import-x/no-restricted-paths': ['error', { zones: [...directionZones, testHelperZone] }],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'test/**'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      // Tests may use the shared helpers in test/; the other directions still hold.
      'import-x/no-restricted-paths': ['error', { zones: directionZones }],
    },
  },
  {
    files: ['src/contract/**/*.ts', 'src/services/**/*.ts', 'src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    rules: {
      'no-restricted-syntax': ['error', isoDateRule],
    },
  },
  {
    files: ['src/taskpane/**/*.{ts,tsx}', 'src/commands/**/*.ts'],
    ignores: ['**/*.test.ts', '**/*.test.tsx'],
    rules: {
      'no-restricted-globals': ['error', ...networkGlobals],
      'no-restricted-properties': ['error', ...networkProperties],
    },
  },
  {
    files: ['src/taskpane/**/*.tsx'],
    // index.tsx is the composition root that hands Office and the bridge client to the components.
    ignores: ['src/taskpane/**/*.test.tsx', 'src/taskpane/index.tsx'],
    rules: {
      // Components get side effects through props and hooks from src/services, never directly.
      'no-restricted-syntax': [
        'error',
        {
          selector: "MemberExpression[object.name='Office'][property.name='context']",
          message: 'Use src/services wrappers.',
        },
        isoDateRule,
      ],
    },
  },
);
