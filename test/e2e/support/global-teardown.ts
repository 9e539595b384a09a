import path from 'node:path';
import { REPO_ROOT } from './fresh-build';
import type { E2eGlobals } from './global-setup';

/** Stops the bridge that global-setup.ts started for the run. */
export default async function teardown(): Promise<void> {
  const { ledgerMailE2eBridge: bridge, ledgerMailE2eScreenshotDir: dir } = globalThis as E2eGlobals;
  await bridge?.stop();
  if (dir) console.log(`e2e: screenshots of this run are in ${path.relative(REPO_ROOT, dir)}/`);
}
