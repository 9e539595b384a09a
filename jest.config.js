// @ts-check
/**
 * Jest runs the unit, integration and component tests as native ES modules (the package is `type: module`,
 * jose 6 and msw's dependencies ship only ESM): `node --experimental-vm-modules`, see package.json.
 * @swc/jest only strips types and JSX; type checking stays with `tsc` in `npm test`.
 */

/** @type {import('@swc/core').Options} */
const swc = {
  jsc: {
    parser: { syntax: 'typescript', tsx: true },
    transform: { react: { runtime: 'automatic' } },
    target: 'es2022',
  },
};

/** @type {import('jest').Config} */
export const shared = {
  extensionsToTreatAsEsm: ['.ts', '.tsx'],
  transform: { '^.+\\.(t|j)sx?$': ['@swc/jest', swc] },
  // Our own sources are TypeScript; node_modules stay as their packages ship them.
  // office-addin-manifest (CommonJS) requires uuid and strip-bom, which ship only ESM: those two become CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(uuid|strip-bom)/)'],
  // Sources import each other as `./x.js` (Node's ESM rule, and what tsc emits for the bridge): resolve to `./x.ts`.
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  testEnvironment: 'node',
  // No module mocking anywhere (our own modules are never mocked): each test file gets fresh modules anyway.
  restoreMocks: true,
  // jest-expect-message: `expect(value, 'which case')` names the case of a loop when it fails.
  setupFilesAfterEnv: ['jest-expect-message', '<rootDir>/test/setup.ts'],
};

/** @type {import('jest').Config} */
export default {
  ...shared,
  displayName: 'unit',
  testMatch: ['<rootDir>/src/**/*.test.{ts,tsx}', '<rootDir>/test/**/*.test.{ts,tsx}'],
  // Component tests opt into jsdom with a `@jest-environment ./test/support/dom-environment.js` docblock.
  testTimeout: 30_000,
  // Two cores: keep heavy integration files (SQLite, SMTP, PDF rendering) from starving each other.
  maxWorkers: 2,
};
