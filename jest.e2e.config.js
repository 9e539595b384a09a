// @ts-check
import { shared } from './jest.config.js';

/**
 * End-to-end tests: the built bridge and add-in in Debian's Chromium, through the workbench.
 * `npm run test:e2e`; the global setup builds when needed and starts the bridge once for the run.
 * @type {import('jest').Config}
 */
export default {
  ...shared,
  displayName: 'e2e',
  testMatch: ['<rootDir>/test/e2e/**/*.e2e.ts'],
  globalSetup: '<rootDir>/test/e2e/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/e2e/support/global-teardown.ts',
  // One browser and one bridge at a time: the machines have two cores, and the tests share the bridge.
  maxWorkers: 1,
  testTimeout: 60_000,
};
