/**
 * `npm start` builds only what is stale: the add-in (dist/), the bridge (build/server/) and the workbench
 * (build/workbench/) are rebuilt when an output is missing or older than a source, when the dependencies
 * changed, or when a build parameter differs from the last build's (ADDIN_PUBLIC_URL, SOURCE_MAPS: they are
 * baked into dist/). An unchanged checkout starts in seconds instead of rebuilding everything.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const STAMP_FILE = 'build/build-parameters.json';
export const REPO_ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the bridge serves: the built add-in, the compiled bridge and the built workbench. */
export const OUTPUTS = [
  'dist/taskpane.html',
  'dist/commands.html',
  'dist/auth-dialog.html',
  'dist/sendguard.js',
  'dist/manifest.xml',
  'build/server/main.js',
  'build/workbench/index.html',
];
const INPUTS = [
  'src',
  'assets',
  'tools',
  'manifest.xml',
  'package-lock.json',
  'webpack.config.js',
  'webpack.workbench.config.js',
  'tsconfig.json',
  'tsconfig.bridge.json',
];

function newestInput(root: string, entry: string): number {
  const full = path.join(root, entry);
  if (!existsSync(full)) return 0;
  const stat = statSync(full);
  if (!stat.isDirectory()) return /\.test\.tsx?$/.test(entry) ? 0 : stat.mtimeMs;
  return Math.max(0, ...readdirSync(full).map((name) => newestInput(root, path.join(entry, name))));
}

/** The parameters the build bakes in, as the environment asks for them now. */
export const parameters = () =>
  JSON.stringify({ ADDIN_PUBLIC_URL: process.env.ADDIN_PUBLIC_URL ?? '', SOURCE_MAPS: process.env.SOURCE_MAPS ?? '' });

/**
 * Why the outputs must be built again, or undefined when they are fresh. The stamp, written after each
 * successful build, is the build's time: webpack leaves an unchanged file as it was, so the outputs' own
 * times say nothing.
 */
export function staleBecause(root = REPO_ROOT): string | undefined {
  if (OUTPUTS.some((file) => !existsSync(path.join(root, file)))) return 'a build output is missing';
  const stamp = path.join(root, STAMP_FILE);
  if (!existsSync(stamp)) return 'nothing records when the last build was';
  if (statSync(stamp).mtimeMs < Math.max(...INPUTS.map((entry) => newestInput(root, entry))))
    return 'sources changed since the last build';
  if (readFileSync(stamp, 'utf8') !== parameters()) return 'the build parameters changed';
  return undefined;
}

/** Builds when stale; says what it did through `log`. */
export function buildIfStale(log: (line: string) => void = console.log): void {
  const reason = staleBecause();
  if (!reason) {
    log('LedgerMail: dist/ and build/ are up to date, no build needed');
    return;
  }
  log(`LedgerMail: ${reason}, building…`);
  // The stamp takes the build's start as its time: a source saved during the build counts as newer.
  const started = new Date();
  for (const script of ['build', 'build:workbench']) {
    execFileSync('npm', ['run', '--silent', script], { cwd: REPO_ROOT, stdio: 'inherit' });
  }
  mkdirSync(path.join(REPO_ROOT, 'build'), { recursive: true });
  writeFileSync(path.join(REPO_ROOT, STAMP_FILE), parameters());
  utimesSync(path.join(REPO_ROOT, STAMP_FILE), started, started);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) buildIfStale();
