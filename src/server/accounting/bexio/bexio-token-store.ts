import { z } from 'zod';
import type { SecretBox } from '../../security/secret-box.js';
import { createSealedSettings } from '../../settings/sealed-settings.js';
import type { Db } from '../../storage/database.js';

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
 * bexio's OAuth tokens in the sealed settings, sealed with SECRETS_KEY like the IncaMail route: a refresh token
 * is a long-lived credential to the company's books.
 */
export function createBexioTokenStore(db: Db, box: SecretBox | undefined): BexioTokenStore {
  const sealed = createSealedSettings(db, box, "bexio's connection");
  return {
    load() {
      const stored = sealed.read(NAME);
      return stored ? BexioTokensSchema.parse(JSON.parse(stored.value)) : undefined;
    },
    save(tokens, by) {
      sealed.write(NAME, JSON.stringify(BexioTokensSchema.parse(tokens)), by);
    },
    clear: () => sealed.clear(NAME),
    describe: () => sealed.describe(NAME),
  };
}
