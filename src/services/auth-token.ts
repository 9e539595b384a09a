import { AuthConfigSchema, TokenSchema, type AuthConfig } from '../contract/auth.schemas';
import { AppError } from '../contract/errors';

export type TokenProvider = {
  /** A bearer token for the bridge; cached until shortly before it expires. */
  getToken: () => Promise<string>;
  /** Forget the cached token (the bridge answered 401), so the next call signs in again. */
  invalidate: () => void;
};

type FetchJson = (path: string) => Promise<unknown>;

/** Seconds since the epoch at which a JWT expires, read without verifying (the bridge verifies). */
export function jwtExpiry(token: string): number | undefined {
  try {
    const payload = JSON.parse(atob((token.split('.')[1] ?? '').replace(/-/g, '+').replace(/_/g, '/'))) as {
      exp?: unknown;
    };
    return typeof payload.exp === 'number' ? payload.exp : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Obtains tokens for the bridge the way the bridge says (`GET /api/auth/config`): on a development bridge
 * from the bridge itself for the Outlook user's address; with Entra ID through nested app authentication
 * (MSAL's nestable client, where Outlook brokers the sign-in). MSAL is loaded only in that case, so it
 * costs nothing on first paint.
 */
export function createTokenProvider(options: { fetchJson: FetchJson; userEmail: () => string }): TokenProvider {
  let config: Promise<AuthConfig> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;

  async function signIn(): Promise<string> {
    config ??= options.fetchJson('/api/auth/config').then((body) => AuthConfigSchema.parse(body));
    const auth = await config;
    if (auth.mode === 'dev') {
      const body = await options.fetchJson(`/api/dev/token?email=${encodeURIComponent(options.userEmail())}`);
      return TokenSchema.parse(body).token;
    }
    return acquireEntraToken(auth);
  }

  return {
    async getToken() {
      if (cached && cached.expiresAt - 60 > Date.now() / 1000) return cached.token;
      const token = await signIn();
      cached = { token, expiresAt: jwtExpiry(token) ?? Date.now() / 1000 + 300 };
      return token;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

async function acquireEntraToken(auth: Extract<AuthConfig, { mode: 'entra' }>): Promise<string> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const client = await msal.createNestablePublicClientApplication({
    auth: { clientId: auth.clientId, authority: auth.authority },
  });
  const request = { scopes: auth.scopes };
  try {
    return (await client.acquireTokenSilent(request)).accessToken;
  } catch {
    try {
      // Outlook shows its own consent or sign-in prompt when silent acquisition needs the user.
      return (await client.acquireTokenPopup(request)).accessToken;
    } catch (error) {
      throw new AppError(
        'unauthorized',
        'Signing in to LedgerMail failed. Ask your administrator to check the setup.',
        {
          cause: error,
        },
      );
    }
  }
}
