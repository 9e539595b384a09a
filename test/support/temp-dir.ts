import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh folder under the system temp dir, removed after the test file. */
export function useTempDir(prefix = 'ledgermail-'): () => string {
  let dir: string | undefined;
  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  });
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('useTempDir: only available inside a test');
    return dir;
  };
}
