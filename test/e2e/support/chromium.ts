import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

/**
 * The end-to-end tests drive Debian's Chromium, never a browser downloaded by a tool: the machines reach
 * only the npm registry and Debian's packages.
 */
export function chromiumPath(): string {
  const executable = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
  if (!existsSync(executable)) {
    throw new Error(
      `Chromium is not installed at ${executable}. The end-to-end tests need Debian's Chromium: ` +
        'run `apt-get install chromium` as root (or set CHROMIUM_PATH to a Chromium binary). ' +
        'No browser is downloaded and no test is skipped without it.',
    );
  }
  return executable;
}

const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type LaunchedBrowser = { context: BrowserContext; close(): Promise<void> };

/**
 * Headless Chromium on a fresh profile (its own --user-data-dir, removed on close); `locale` sets the
 * browser's language (navigator.language, Accept-Language), en-US unless a test is about another.
 */
export async function launchChromium(options: { locale?: string } = {}): Promise<LaunchedBrowser> {
  const executablePath = chromiumPath();
  const userDataDir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath,
    headless: true,
    args: ARGS,
    viewport: { width: 1440, height: 960 },
    locale: options.locale ?? 'en-US',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
