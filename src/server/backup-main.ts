import path from 'node:path';
import { backupDatabase } from './storage/backup.js';

/**
 * `npm run backup [-- target.sqlite]`: an online copy of the bridge's database (DATA_DIR/ledgermail.sqlite),
 * taken while the bridge runs. Without a target it is `ledgermail-<date>T<time>.sqlite` in the current folder.
 * To restore: stop the bridge, put the copy in DATA_DIR as ledgermail.sqlite (removing any ledgermail.sqlite-wal
 * and -shm left there), start the bridge.
 */
async function main(): Promise<void> {
  const dataDir = path.resolve(process.env.DATA_DIR || './data');
  const stamp = new Date().toISOString().slice(0, 19).replace(/:/g, '');
  const target = path.resolve(process.argv[2] ?? `ledgermail-${stamp}.sqlite`);
  const result = await backupDatabase(path.join(dataDir, 'ledgermail.sqlite'), target);
  console.log(
    `LedgerMail: backed up ${path.join(dataDir, 'ledgermail.sqlite')} to ${result.file} ` +
      `(${(result.bytes / 1024 / 1024).toFixed(1)} MB, ${result.tables} tables, integrity checked).`,
  );
}

main().catch((error: unknown) => {
  console.error(`LedgerMail: the backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
