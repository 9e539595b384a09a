import { AppError } from '../../../contract/errors.js';
import type { SecretBox } from '../../security/secret-box.js';
import { createSealedSettings } from '../../settings/sealed-settings.js';
import type { Db } from '../../storage/database.js';
import type { BexioSettings } from '../accounting-config.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createBexioConnector, type BexioConnector } from './bexio-connector.js';
import { createBexioOAuth, type BexioOAuth, type BexioTokenSource } from './bexio-oauth.js';
import { createBexioTokenStore } from './bexio-token-store.js';

const STORED_TOKEN = 'bexio.personal_token';

/** Where the bridge's bexio credential comes from, as the admin settings show it (never the token itself). */
export type BexioCredentialView = {
  source: 'admin-token' | 'oauth' | 'environment-token' | 'none';
  oauth: { available: boolean; connected: boolean; scope: string | null; updatedAt: string | null };
  tokenStoredAt: string | null;
  tokenStoredBy: string | null;
};

export type BexioBackend = {
  connector: BexioConnector;
  oauth: BexioOAuth | undefined;
  storeToken(token: string, by: string): void;
  clearToken(): void;
  describe(): BexioCredentialView;
};

/**
 * bexio with its credentials in the order an admin expects: a personal access token stored through the admin
 * API, then the company's OAuth connection, then BEXIO_TOKEN from the environment. Each request asks again,
 * so a token stored or a connection made takes effect without a restart.
 */
export function createBexioBackend(
  settings: BexioSettings,
  deps: { db: Db; box: SecretBox | undefined; today: () => string },
): BexioBackend {
  const sealed = createSealedSettings(deps.db, deps.box, "bexio's access token");
  const oauth = settings.oauth
    ? createBexioOAuth({
        clientId: settings.oauth.clientId,
        clientSecret: settings.oauth.clientSecret,
        redirectUri: settings.oauth.redirectUri,
        issuer: settings.oauth.issuer,
        store: createBexioTokenStore(deps.db, deps.box),
      })
    : undefined;

  function current(): { source: BexioCredentialView['source']; tokens?: BexioTokenSource; token?: string } {
    const stored = sealed.read(STORED_TOKEN);
    if (stored) return { source: 'admin-token', token: stored.value };
    if (oauth?.status().connected) return { source: 'oauth', tokens: oauth };
    if (settings.token) return { source: 'environment-token', token: settings.token };
    return { source: 'none' };
  }

  const tokens: BexioTokenSource = {
    async accessToken() {
      const credential = current();
      if (credential.tokens) return credential.tokens.accessToken();
      if (credential.token) return credential.token;
      throw new AppError(
        'accounting_refused',
        'bexio is not connected yet: store an access token or connect bexio in the admin settings.',
      );
    },
    async refresh(rejected) {
      // Only an OAuth connection can renew itself; a refused personal token needs an admin.
      const credential = current();
      return credential.tokens ? credential.tokens.refresh(rejected) : false;
    },
  };

  const connector = createBexioConnector({
    apiUrl: settings.apiUrl,
    tokens,
    sentRecords: createSentRecords(deps.db, 'bexio'),
    today: deps.today,
  });

  return {
    connector,
    oauth,
    storeToken: (token, by) => sealed.write(STORED_TOKEN, token, by),
    clearToken: () => sealed.clear(STORED_TOKEN),
    describe() {
      const stored = sealed.describe(STORED_TOKEN);
      const status = oauth?.status();
      return {
        source: current().source,
        oauth: {
          available: oauth !== undefined,
          connected: status?.connected ?? false,
          scope: status?.scope ?? null,
          updatedAt: status?.updatedAt ?? null,
        },
        tokenStoredAt: stored?.updatedAt ?? null,
        tokenStoredBy: stored?.updatedBy ?? null,
      };
    },
  };
}
