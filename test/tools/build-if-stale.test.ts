import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { OUTPUTS, parameters, STAMP_FILE, staleBecause } from '../../tools/build-if-stale';
import { useTempDir } from '../support/temp-dir';

/** `npm start` on an unchanged checkout starts the bridge without building; anything that changed builds. */
describe('npm start builds only what is stale', () => {
  const tempDir = useTempDir();
  const at = (root: string, file: string, content: string, time: number) => {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), content);
    utimesSync(path.join(root, file), time / 1000, time / 1000);
  };
  let checkouts = 0;
  const newRoot = () => path.join(tempDir(), `checkout-${++checkouts}`);
  function checkout(): string {
    const root = newRoot();
    at(root, 'src/taskpane/index.tsx', 'source', 1_000_000);
    for (const file of OUTPUTS) at(root, file, 'built', 2_000_000);
    at(root, STAMP_FILE, parameters(), 2_000_000);
    return root;
  }

  it('is fresh when the last build is newer than every source and had the same parameters', () => {
    expect(staleBecause(checkout())).toBeUndefined();
  });

  it('builds when a source, a test-free tool or the lockfile is newer than the last build', () => {
    for (const file of ['src/taskpane/index.tsx', 'tools/x.ts', 'package-lock.json']) {
      const root = checkout();
      at(root, file, 'changed', 3_000_000);
      expect(staleBecause(root)).toBe('sources changed since the last build');
    }
    const root = checkout();
    at(root, 'src/taskpane/x.test.tsx', 'a test', 3_000_000);
    expect(staleBecause(root)).toBeUndefined();
  });

  it('builds when an output or the record of the last build is missing, or the public URL changed', () => {
    const missing = checkout();
    at(missing, STAMP_FILE, parameters(), 2_000_000);
    writeFileSync(path.join(missing, 'dist', 'sendguard.js'), '');
    expect(staleBecause(missing)).toBeUndefined();
    const noStamp = newRoot();
    for (const file of OUTPUTS) at(noStamp, file, 'built', 2_000_000);
    expect(staleBecause(noStamp)).toBe('nothing records when the last build was');
    const otherUrl = checkout();
    at(
      otherUrl,
      STAMP_FILE,
      JSON.stringify({ ADDIN_PUBLIC_URL: 'https://mail.example.ch', SOURCE_MAPS: '' }),
      2_000_000,
    );
    expect(staleBecause(otherUrl)).toBe('the build parameters changed');
  });
});
