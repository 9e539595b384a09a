import { AuthConfigSchema, TokenSchema, type AuthConfig } from '../contract/auth.schemas';
import { authDialogUrl } from './auth-dialog-protocol';
import { SignInError, signInThroughDialog, type DialogOffice } from './auth-dialog';

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

type EntraConfig = Extract<AuthConfig, { mode: 'entra' }>;

export type TokenProviderOptions = {
  fetchJson: FetchJson;
  /** The Outlook user's address: the identity on a development bridge, the login hint with Entra ID. */
  userEmail: () => string;
  /** The bridge's origin (and prefix), where the sign-in dialog is served; the page's origin by default. */
  bridgeBase?: string;
  /** Office as the host provides it (requirement sets, dialog API); the global `Office` by default. */
  office?: () => DialogOffice;
};

/**
 * Obtains tokens for the bridge the way the bridge says (`GET /api/auth/config`): on a development bridge
 * from the bridge itself for the Outlook user's address; with Entra ID through nested app authentication
 * (MSAL's nestable client, where Outlook brokers the sign-in), or, on Outlook versions without it, through
 * LedgerMail's sign-in dialog opened with Office's dialog API. MSAL is loaded only for nested app
 * authentication, so it costs nothing on first paint. Concurrent callers share one sign-in: Outlook allows
 * one dialog at a time, and one prompt is what the person expects.
 */
export function createTokenProvider(options: TokenProviderOptions): TokenProvider {
  let config: Promise<AuthConfig> | undefined;
  let cached: { token: string; expiresAt: number } | undefined;
  let signingIn: Promise<string> | undefined;

  async function signIn(): Promise<string> {
    config ??= options.fetchJson('/api/auth/config').then((body) => AuthConfigSchema.parse(body));
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
    const office = options.office?.() ?? (Office as unknown as DialogOffice);
    if (supportsNestedAppAuth(office)) return acquireNestedToken(auth, options.userEmail());
    const base = options.bridgeBase || globalThis.location.origin;
    return signInThroughDialog(office, authDialogUrl(base, options.userEmail()));
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

async function acquireNestedToken(auth: EntraConfig, loginHint: string): Promise<string> {
  const msal = await import(/* webpackChunkName: "msal" */ '@azure/msal-browser');
  const client = await msal.createNestablePublicClientApplication({
    auth: { clientId: auth.clientId, authority: auth.authority },
  });
  const request = { scopes: auth.scopes, ...(loginHint ? { loginHint } : {}) };
  try {
    // Silent first: with an account MSAL knows, else by the login hint (Outlook's signed-in user).
    const account = client.getActiveAccount() ?? client.getAllAccounts()[0];
    const result = account ? await client.acquireTokenSilent({ ...request, account }) : await client.ssoSilent(request);
    return result.accessToken;
  } catch {
    try {
      // Outlook shows its own consent or sign-in prompt when silent acquisition needs the user.
      return (await client.acquireTokenPopup(request)).accessToken;
    } catch (error) {
      const code = (error as { errorCode?: unknown }).errorCode;
      const cancelled = code === 'user_cancelled' || code === 'access_denied';
      throw new SignInError(cancelled ? 'cancelled' : 'failed', String(code ?? error), { cause: error });
    }
  }
}
