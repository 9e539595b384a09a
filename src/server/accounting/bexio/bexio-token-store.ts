import { z } from 'zod';
import { AppError } from '../../../contract/errors.js';
import type { SecretBox } from '../../security/secret-box.js';
import { migrate, type Db } from '../../storage/database.js';

/** The tokens of bexio's OAuth connection. bexio rotates the refresh token on every refresh. */
export const BexioTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** When the access token expires, milliseconds since the epoch. */
  expiresAt: z.number(),
  scope: z.string(),
});
export type BexioTokens = z.infer<typeof BexioTokensSchema>;

export type BexioTokenStore = {
  load(): BexioTokens | undefined;
  /** One statement: the new refresh token replaces the old one entirely or not at all. */
  save(tokens: BexioTokens, by: string): void;
  clear(): void;
  /** When and by whom the connection was made or last refreshed. */
  describe(): { updatedAt: string; updatedBy: string } | undefined;
};

const NAME = 'bexio.oauth_tokens';

/**
 * bexio's OAuth tokens in the `sealed_settings` table, sealed with SECRETS_KEY like the IncaMail route
 * (incamail-route-store.ts): a refresh token is a long-lived credential to the company's books.
 */
export function createBexioTokenStore(db: Db, box: SecretBox | undefined): BexioTokenStore {
  // The same migration as the IncaMail route store's: whichever store opens first creates the table.
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
  const read = db.prepare('SELECT sealed, updated_at, updated_by FROM sealed_settings WHERE name = ?');
  const upsert = db.prepare(
    `INSERT INTO sealed_settings (name, sealed, updated_at, updated_by) VALUES (?, ?, ?, ?)
     ON CONFLICT (name) DO UPDATE SET sealed = excluded.sealed, updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
  );
  type Row = { sealed: string; updated_at: string; updated_by: string };
  const requireBox = () => {
    if (!box) throw new AppError('conflict', 'Set SECRETS_KEY on the bridge before connecting bexio.');
    return box;
  };
  return {
    load() {
      const row = read.get(NAME) as Row | undefined;
      if (!row) return undefined;
      // Unreadable tokens (another SECRETS_KEY) fail closed with the secret box's own message.
      return BexioTokensSchema.parse(JSON.parse(requireBox().open(row.sealed)));
    },
    save(tokens, by) {
      upsert.run(
        NAME,
        requireBox().seal(JSON.stringify(BexioTokensSchema.parse(tokens))),
        new Date().toISOString(),
        by,
      );
    },
    clear() {
      db.prepare('DELETE FROM sealed_settings WHERE name = ?').run(NAME);
    },
    describe() {
      const row = read.get(NAME) as Row | undefined;
      return row ? { updatedAt: row.updated_at, updatedBy: row.updated_by } : undefined;
    },
  };
}
