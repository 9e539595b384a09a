import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startBridge } from './bridge-process';
import { chromiumPath } from './chromium';
import { ensureFreshBuild, REPO_ROOT } from './fresh-build';

declare module 'vitest' {
  export interface ProvidedContext {
    bridgeUrl: string;
    screenshotDir: string;
  }
}

/**
 * Once per e2e run: checks Chromium is there (failing with install instructions otherwise), builds if the
 * build is stale, starts the bridge, and names the folder the screenshots of this run go to.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  chromiumPath();
  ensureFreshBuild((line) => console.log(line));
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const screenshotDir = path.join(REPO_ROOT, 'test-results', `e2e-${stamp}`);
  mkdirSync(screenshotDir, { recursive: true });
  const bridge = await startBridge(path.join(screenshotDir, 'bridge.log'));
  console.log(`e2e: bridge at ${bridge.url}; screenshots go to ${path.relative(REPO_ROOT, screenshotDir)}/`);
  project.provide('bridgeUrl', bridge.url);
  project.provide('screenshotDir', screenshotDir);
  return async () => {
    await bridge.stop();
    console.log(`e2e: screenshots of this run are in ${path.relative(REPO_ROOT, screenshotDir)}/`);
  };
}
