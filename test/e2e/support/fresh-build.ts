import { buildIfStale, REPO_ROOT } from '../../../tools/build-if-stale';

/** The e2e run serves what `npm start` would: built only when stale (tools/build-if-stale.ts). */
export function ensureFreshBuild(log: (line: string) => void): void {
  buildIfStale((line) => log(line.replace(/^LedgerMail:/, 'e2e:')));
}

export { REPO_ROOT };
