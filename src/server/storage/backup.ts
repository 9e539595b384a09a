import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from './private-files.js';

const ALL_PAGES = 0x7fffffff;

export type BackupResult = { file: string; bytes: number; tables: number; pages: number };

/**
 * Copies the bridge's SQLite database to `target` while the bridge runs: SQLite's online backup (better-sqlite3's
 * `backup`), from one read transaction, so the copy is one consistent state even mid-send while the bridge
 * writes on (the database is in WAL mode: its writers do not wait for the copy). The copy is checked
 * (`integrity_check`) before it is reported done; it is private to the bridge's user, as the database is (it
 * holds sealed secrets and mail).
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!existsSync(source)) throw new Error(`No database at ${source}: is DATA_DIR the bridge's?`);
  if (existsSync(target)) throw new Error(`${target} exists already: a backup never overwrites a file.`);
  ensurePrivateDir(path.dirname(path.resolve(target)));
  // Made private before SQLite writes a page into it, not tightened afterwards.
  ensurePrivateFile(target);
  const db = new Database(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    // All pages in one step, under one read transaction: copied step by step, the backup starts over each time
    // another connection writes in between (SQLite's backup API), and under a busy bridge it would never end.
    await db.backup(target, { progress: () => ALL_PAGES });
  } finally {
    db.close();
  }
  const copy = new Database(target, { fileMustExist: true });
  try {
    // One self-contained file: the copy keeps the bridge's WAL mode otherwise, and leaves -wal and -shm files
    // beside it. The bridge turns WAL on again when it opens a restored copy.
    copy.pragma('journal_mode = DELETE');
    const check = copy.pragma('integrity_check', { simple: true });
    if (check !== 'ok') throw new Error(`The backup in ${target} fails SQLite's integrity check: ${String(check)}`);
    const tables = (copy.prepare("SELECT count(*) AS n FROM sqlite_schema WHERE type = 'table'").get() as { n: number })
      .n;
    const pages = copy.pragma('page_count', { simple: true }) as number;
    const pageSize = copy.pragma('page_size', { simple: true }) as number;
    return { file: target, bytes: pages * pageSize, tables, pages };
  } finally {
    copy.close();
  }
}
