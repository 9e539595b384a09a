/** Where global-setup.ts puts what the test files of an e2e run share. */
export const E2E_BRIDGE_URL = 'LEDGERMAIL_E2E_BRIDGE_URL';
export const E2E_SCREENSHOT_DIR = 'LEDGERMAIL_E2E_SCREENSHOT_DIR';

/** The bridge and screenshot folder of this e2e run; fails clearly when the file runs outside `npm run test:e2e`. */
export function e2eRun(): { bridgeUrl: string; screenshotDir: string } {
  const bridgeUrl = process.env[E2E_BRIDGE_URL];
  const screenshotDir = process.env[E2E_SCREENSHOT_DIR];
  if (!bridgeUrl || !screenshotDir) throw new Error('Run the end-to-end tests with `npm run test:e2e`.');
  return { bridgeUrl, screenshotDir };
}
