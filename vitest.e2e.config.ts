import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built bridge and add-in in Debian's Chromium, through the workbench.
 * `npm run test:e2e`; the global setup builds when needed and starts the bridge once for the run.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    environment: 'node',
    globals: true,
    globalSetup: ['test/e2e/support/global-setup.ts'],
    // One browser and one bridge at a time: the machines have two cores, and the tests share the bridge.
    fileParallelism: false,
    testTimeout: 60_000,
    // The global setup may run a full build (webpack twice) on a cold checkout.
    hookTimeout: 120_000,
  },
});
