import { AppError } from '../../contract/errors.js';
import type { SecretBox } from '../security/secret-box.js';
import { migrate, type Db } from '../storage/database.js';

/** The one table of credentials an admin stores at run time, each sealed with SECRETS_KEY (AES-256-GCM). */
export function migrateSealedSettings(db: Db): void {
  migrate(db, 'settings', [
    {
      version: 1,
      name: 'sealed settings',
      up: (d) =>
        d.exec(`CREATE TABLE IF NOT EXISTS sealed_settings (
          name TEXT PRIMARY KEY,
          sealed TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          updated_by TEXT NOT NULL
        )`),
    },
  ]);
}

export type SealedValue = { value: string; updatedAt: string; updatedBy: string };

export type SealedSettings = {
  /** The stored value in clear; undefined when none is stored. Throws `conflict` when it cannot be opened. */
  read(name: string): SealedValue | undefined;
  /** Who stored it and when, without opening it. */
  describe(name: string): { updatedAt: string; updatedBy: string } | undefined;
  write(name: string, value: string, by: string): void;
  clear(name: string): void;
};

/**
 * Sealed settings by name. A value stored under another SECRETS_KEY (or with none set now) fails closed with a
 * message an admin can act on, never with the stored bytes.
 */
export function createSealedSettings(db: Db, box: SecretBox | undefined, what: string): SealedSettings {
  migrateSealedSettings(db);
  type Row = { sealed: string; updated_at: string; updated_by: string };
  const select = db.prepare('SELECT sealed, updated_at, updated_by FROM sealed_settings WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO sealed_settings (name, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const remove = db.prepare('DELETE FROM sealed_settings WHERE name = ?');
  const requireBox = () => {
    if (!box) throw new AppError('conflict', `Set SECRETS_KEY on the bridge before storing ${what}.`);
    return box;
  };
  return {
    read(name) {
      const row = select.get(name) as Row | undefined;
      if (!row) return undefined;
      let value: string;
      try {
        value = requireBox().open(row.sealed);
      } catch (error) {
        if (error instanceof AppError) throw error;
        throw new AppError(
          'conflict',
          `The ${what} stored on ${row.updated_at} cannot be decrypted with this SECRETS_KEY; store them again.`,
        );
      }
      return { value, updatedAt: row.updated_at, updatedBy: row.updated_by };
    },
    describe(name) {
      const row = select.get(name) as Row | undefined;
      return row ? { updatedAt: row.updated_at, updatedBy: row.updated_by } : undefined;
    },
    write(name, value, by) {
      upsert.run(name, requireBox().seal(value), new Date().toISOString(), by);
    },
    clear(name) {
      remove.run(name);
    },
  };
}
