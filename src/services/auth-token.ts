import { AuthConfigSchema, TokenSchema, type AuthConfig } from '../contract/auth.schemas';
import { SignInError, type DialogOffice } from './auth-dialog';

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

export type EntraConfig = Extract<AuthConfig, { mode: 'entra' }>;

/** How a runtime gets an Entra ID token for the bridge's scope (entra-sign-in.ts); `loginHint` is Outlook's user. */
export type EntraSignIn = (auth: EntraConfig, loginHint: string) => Promise<string>;

export type TokenProviderOptions = {
  fetchJson: FetchJson;
  /** The Outlook user's address: the identity on a development bridge, the login hint with Entra ID. */
  userEmail: () => string;
  /**
   * How this runtime signs in with Entra ID. Without it a bridge on Entra ID cannot be signed in to: so it is
   * for the send guard of classic Outlook, whose JavaScript-only runtime loads no MSAL (entra-sign-in.ts).
   */
  entra?: EntraSignIn;
  /**
   * `/api/auth/config` as the pane asked for it while its scripts loaded (index.tsx), so the sign-in does not
   * wait for them first. Parsed as the bridge's own answer is; if it failed, the provider asks again itself.
   */
  authConfig?: Promise<unknown>;
};

/**
 * Obtains tokens for the bridge the way the bridge says (`GET /api/auth/config`): on a development bridge
 * from the bridge itself for the Outlook user's address; with Entra ID the way this runtime signs in
 * (`entra`). Concurrent callers share one sign-in: Outlook allows one dialog at a time, and one prompt is
 * what the person expects.
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  let config: Promise<AuthConfig> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  let signingIn: Promise<string> | undefined;
  let early = options.authConfig?.catch(() => options.fetchJson('/api/auth/config'));

  async function signIn(): Promise<string> {
    config ??= (early ?? options.fetchJson('/api/auth/config')).then((body) => AuthConfigSchema.parse(body));
    early = undefined;
    let auth: AuthConfig;
    try {
      auth = await config;
    } catch (error) {
      config = undefined; // a bridge that failed to answer once is asked again next time
      throw error;
    }
    if (auth.mode === 'dev') {
      const body = await options.fetchJson(`/api/dev/token?email=${encodeURIComponent(options.userEmail())}`);
      return TokenSchema.parse(body).token;
    }
    if (!options.entra) throw new SignInError('failed', 'this runtime cannot sign in with Entra ID');
    return options.entra(auth, options.userEmail());
  }

  return {
    async getToken() {
      if (cached && cached.expiresAt - 60 > Date.now() / 1000) return cached.token;
      signingIn ??= signIn().finally(() => {
        signingIn = undefined;
      });
      const token = await signingIn;
      cached = { token, expiresAt: jwtExpiry(token) ?? Date.now() / 1000 + 300 };
      return token;
    },
    invalidate() {
      cached = undefined;
    },
  };
}

/** Nested app authentication is Outlook's requirement set NestedAppAuth 1.1; older Outlooks get the dialog. */
export function supportsNestedAppAuth(office: Pick<DialogOffice, 'context'>): boolean {
  return office.context.requirements.isSetSupported('NestedAppAuth', '1.1');
}
