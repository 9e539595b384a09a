import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));

/** What the e2e run serves: the built add-in, the compiled bridge and the built workbench. */
const OUTPUTS = [
  'dist/taskpane.html',
  'dist/commands.html',
  'dist/auth-dialog.html',
  'dist/manifest.xml',
  'build/server/main.js',
  'build/workbench/index.html',
];
const INPUTS = [
  'src',
  'assets',
  'manifest.xml',
  'webpack.config.js',
  'webpack.workbench.config.js',
  'tsconfig.json',
  'tsconfig.bridge.json',
];

function newestInput(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestInput(path.join(entry, name))));
}

/** Builds only when an output is missing or older than a source, so a fresh build is reused as it is. */
export function ensureFreshBuild(log: (line: string) => void): void {
  const outputTimes = OUTPUTS.map((file) =>
    existsSync(path.join(ROOT, file)) ? statSync(path.join(ROOT, file)).mtimeMs : 0,
  );
  const oldestOutput = Math.min(...outputTimes);
  const newestSource = Math.max(...INPUTS.map(newestInput));
  if (oldestOutput > 0 && oldestOutput >= newestSource) {
    log('e2e: dist/ and build/ are up to date, no build needed');
    return;
  }
  log(
    oldestOutput === 0
      ? 'e2e: a build output is missing, building…'
      : 'e2e: sources changed since the last build, building…',
  );
  for (const script of ['build', 'build:workbench']) {
    execFileSync('npm', ['run', '--silent', script], { cwd: ROOT, stdio: 'inherit' });
  }
}

export const REPO_ROOT = ROOT;
