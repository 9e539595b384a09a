import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../support/free-port';
import { localBridgeEnv } from '../../support/local-bridge-env';
import { REPO_ROOT } from './fresh-build';

export type RunningBridge = { url: string; dataDir: string; stop(): Promise<void> };

/**
 * Starts the real, built bridge (build/server/main.js) as its own process: plain HTTP on a free loopback
 * port, a fresh temporary data directory (so the demo ledger is seeded anew), development mode (so it
 * serves the workbench), with `env` on top. Its output goes to `logFile`.
 */
export async function startBridge(logFile: string, env: Record<string, string> = {}): Promise<RunningBridge> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-e2e-data-'));
  const log = createWriteStream(logFile);
  const child: ChildProcess = spawn(process.execPath, [path.join(REPO_ROOT, 'build/server/main.js')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...localBridgeEnv(port, dataDir),
      ADDIN_DIR: path.join(REPO_ROOT, 'dist'),
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  const url = `http://127.0.0.1:${port}`;

  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const deadline = Date.now() + 30_000;
  for (;;) {
    const early = await Promise.race([exited, new Promise<'running'>((r) => setTimeout(() => r('running'), 200))]);
    if (early !== 'running') throw new Error(`The bridge exited with code ${early} during start-up; see ${logFile}`);
    const healthy = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(1000) }).then(
      (r) => r.ok,
      () => false,
    );
    if (healthy) break;
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`The bridge did not answer /api/health within 30 s; see ${logFile}`);
    }
  }

  return {
    url,
    dataDir,
    async stop() {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        let timer: NodeJS.Timeout | undefined;
        const hung = new Promise<'hung'>((r) => (timer = setTimeout(() => r('hung'), 5000)));
        const stopped = await Promise.race([exited, hung]);
        // A pending timer would hold the test runner's process open for its remaining seconds.
        clearTimeout(timer);
        if (stopped === 'hung') child.kill('SIGKILL');
      }
      log.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
