import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { startBridge, type RunningBridge } from './bridge-process';
import { chromiumPath } from './chromium';
import { E2E_BRIDGE_URL, E2E_SCREENSHOT_DIR } from './e2e-run';
import { ensureFreshBuild, REPO_ROOT } from './fresh-build';

/** Handed to global-teardown.ts, which Jest runs in this same process. */
export type E2eGlobals = { ledgerMailE2eBridge?: RunningBridge; ledgerMailE2eScreenshotDir?: string };

/**
 * Once per e2e run: checks Chromium is there (failing with install instructions otherwise), builds if the
 * build is stale, starts the bridge, and names the folder the screenshots of this run go to. The test files
 * run in workers started after this, so they read the bridge's address and the folder from the environment.
 */
export default async function setup(): Promise<void> {
  chromiumPath();
  ensureFreshBuild((line) => console.log(line));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const screenshotDir = path.join(REPO_ROOT, 'test-results', `e2e-${stamp}`);
  mkdirSync(screenshotDir, { recursive: true });
  const bridge = await startBridge(path.join(screenshotDir, 'bridge.log'));
  console.log(`\ne2e: bridge at ${bridge.url}; screenshots go to ${path.relative(REPO_ROOT, screenshotDir)}/`);
  process.env[E2E_BRIDGE_URL] = bridge.url;
  process.env[E2E_SCREENSHOT_DIR] = screenshotDir;
  Object.assign(globalThis as E2eGlobals, { ledgerMailE2eBridge: bridge, ledgerMailE2eScreenshotDir: screenshotDir });
}
