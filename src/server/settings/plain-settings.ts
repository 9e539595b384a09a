import { migrate, type Db } from '../storage/database.js';

export type PlainSetting = { value: string; updatedAt: string; updatedBy: string };

/**
 * Settings an admin changes at run time that are no secret (the IncaMail route): plain text, with who changed
 * them and when; they take effect at the next request. Credentials go to the sealed settings instead.
 */
export function createPlainSettings(db: Db) {
  migrate(db, 'plain_settings', [
    {
      version: 1,
      name: 'plain settings',
      up: (d) =>
        d.exec(`CREATE TABLE plain_settings (
          name TEXT PRIMARY KEY,
          value TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          updated_by TEXT NOT NULL
        )`),
    },
  ]);
  const select = db.prepare('SELECT value, updated_at, updated_by FROM plain_settings WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO plain_settings (name, value, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  const remove = db.prepare('DELETE FROM plain_settings WHERE name = ?');
  return {
    read(name: string): PlainSetting | undefined {
      const row = select.get(name) as { value: string; updated_at: string; updated_by: string } | undefined;
      return row ? { value: row.value, updatedAt: row.updated_at, updatedBy: row.updated_by } : undefined;
    },
    write(name: string, value: string, by: string): void {
      upsert.run(name, value, new Date().toISOString(), by);
    },
    clear(name: string): void {
      remove.run(name);
    },
  };
}

export type PlainSettings = ReturnType<typeof createPlainSettings>;
