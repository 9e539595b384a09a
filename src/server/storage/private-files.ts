import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory holds the ledger, the outbox (messages with their attachments until settled), the
 * audit log, sealed credentials and signing keys: only the bridge's own user may read it. Modes are set
 * explicitly because the process umask (often 022) would leave new files world-readable.
 */
export function ensurePrivateDir(dir: string): void {
  // The mode applies to the folders this call creates; an existing data directory keeps the admin's choice.
  mkdirSync(dir, { recursive: true, mode: 0o700 });
}

/** Creates the file if it is missing, readable and writable by its owner only; an existing one is tightened. */
export function ensurePrivateFile(file: string): void {
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  chmodSync(file, 0o600);
}
