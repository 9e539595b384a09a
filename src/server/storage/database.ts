import { existsSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensurePrivateDir, ensurePrivateFile } from './private-files.js';

export type Db = Database.Database;

/** One schema step of one module. Steps run in version order, each in its own transaction, exactly once. */
export type Migration = { version: number; name: string; up: (db: Db) => void };

/**
 * Opens LedgerMail's single SQLite file (ledger, outbox, audit) with the settings every module relies on:
 * WAL so readers never wait for the writer, foreign keys on, and a busy timeout instead of SQLITE_BUSY.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') {
    ensurePrivateDir(path.dirname(file));
    ensurePrivateFile(file);
  }
  const db = new Database(file);
  // Attachments pass through the outbox and are deleted once a send is settled: without auto-vacuum the file
  // keeps their pages for ever. A file made without it (SQLite's default, or an older bridge) is rebuilt once.
  if (db.pragma('auto_vacuum', { simple: true }) !== INCREMENTAL_AUTO_VACUUM) {
    db.pragma('auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
  }
  db.pragma('journal_mode = WAL');
  // SQLite creates the -wal and -shm files with the database file's mode; files an older bridge left are tightened.
  for (const companion of [`${file}-wal`, `${file}-shm`]) if (existsSync(companion)) ensurePrivateFile(companion);
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  db.pragma('synchronous = NORMAL');
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    module TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    applied_at TEXT NOT NULL,
    PRIMARY KEY (module, version)
  )`);
  return db;
}

const INCREMENTAL_AUTO_VACUUM = 2;

/** Gives the pages of deleted rows back to the file system (incremental auto-vacuum); cheap when few are free. */
export function reclaimFreePages(db: Db): void {
  db.pragma('incremental_vacuum');
}

/**
 * Applies the module's migrations that this database has not seen yet. Each module (ledger, outbox, …)
 * owns its tables and its migration list, so modules evolve their schemas independently.
 */
export function migrate(db: Db, module: string, migrations: readonly Migration[]): void {
  const applied = new Set(
    db
      .prepare('SELECT version FROM schema_migrations WHERE module = ?')
      .all(module)
      .map((row) => (row as { version: number }).version),
  );
  const pending = [...migrations].sort((a, b) => a.version - b.version).filter((m) => !applied.has(m.version));
  const record = db.prepare('INSERT INTO schema_migrations (module, version, name, applied_at) VALUES (?, ?, ?, ?)');
  for (const migration of pending) {
    db.transaction(() => {
      migration.up(db);
      record.run(module, migration.version, migration.name, new Date().toISOString());
    })();
  }
}
