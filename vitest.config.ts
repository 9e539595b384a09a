import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    globals: true,
    include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.{ts,tsx}'],
    // Bridge and manifest tests run in Node; component tests opt into jsdom with a file comment.
    environment: 'node',
    setupFiles: ['test/setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Two cores: keep heavy integration files (SQLite, SMTP, PDF rendering) from starving each other.
    maxWorkers: 2,
  },
});
