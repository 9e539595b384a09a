/**
 * `npm start` on an unchanged checkout, until the bridge answers /api/health, against the built bridge started
 * alone (`node build/server/main.js`), in the same run. The difference is the staleness check
 * (tools/build-if-stale.ts) and npm's own start; before it, every start rebuilt everything (about 165 s).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../test/support/free-port';
import { localBridgeEnv } from '../test/support/local-bridge-env';
import { ensureFreshBuild, REPO_ROOT } from '../test/e2e/support/fresh-build';
import { median, type Benchmark } from './harness';

const ROUNDS = 5;

/** Seconds from spawning `command` until the bridge it starts answers /api/health; then it is stopped. */
async function secondsUntilHealthy(command: string, args: string[]): Promise<number> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-start-'));
  const started = process.hrtime.bigint();
  const child = spawn(command, args, {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      ...localBridgeEnv(port, dataDir),
      LOG_LEVEL: 'warn',
    },
    stdio: 'ignore',
    // npm starts the bridge as its grandchild: the whole group is stopped.
    detached: true,
  });
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`${command} ${args.join(' ')} exited with ${child.exitCode}`);
      const healthy = await fetch(`http://127.0.0.1:${port}/api/health`, { signal: AbortSignal.timeout(500) }).then(
        (r) => r.ok,
        () => false,
      );
      if (healthy) return Number(process.hrtime.bigint() - started) / 1e9;
      if (Number(process.hrtime.bigint() - started) > 120e9) throw new Error(`${command} did not start in 120 s`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  } finally {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    if (child.exitCode === null) process.kill(-child.pid!, 'SIGTERM');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const benchmark: Benchmark = {
  name: '`npm start` on an unchanged checkout vs. the built bridge alone',
  async run(report) {
    ensureFreshBuild((line) => report.note(line));
    const npmStart: number[] = [];
    const bridgeAlone: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      bridgeAlone.push(await secondsUntilHealthy(process.execPath, ['build/server/main.js']));
      npmStart.push(await secondsUntilHealthy('npm', ['start']));
    }
    report.figure('the built bridge alone (baseline)', 'median until /api/health', median(bridgeAlone), 's');
    report.figure('npm start, nothing changed', 'median until /api/health', median(npmStart), 's (goal: seconds)');
    report.ratio('npm start / the bridge alone, unchanged checkout', median(npmStart) / median(bridgeAlone), '≤ 3');
  },
};

export default benchmark;
