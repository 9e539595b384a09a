import { createHash, randomBytes } from 'node:crypto';
import { z } from 'zod';
import { AppError } from '../../../contract/errors.js';
import type { BexioTokens, BexioTokenStore } from './bexio-token-store.js';

/**
 * How the connector authenticates to bexio: an admin's personal access token, or an OAuth 2.0 connection of
 * the company (authorization code with PKCE, bexio's Keycloak at auth.bexio.com). `refresh` is called on a 401
 * with the token that was refused; it resolves true when a newer token is there to retry with.
 */
export type BexioTokenSource = {
  accessToken(): Promise<string>;
  refresh(rejectedToken?: string): Promise<boolean>;
};

/** A personal access token (bexio › Settings › API tokens): nothing to refresh. */
export function staticBexioToken(token: string): BexioTokenSource {
  return { accessToken: async () => token, refresh: async () => false };
}

export const BEXIO_ISSUER = 'https://auth.bexio.com/realms/bexio';
/** What LedgerMail reads and writes: invoices (and their reminders), contacts; offline_access for a refresh token. */
export const BEXIO_SCOPES = [
  'openid',
  'profile',
  'email',
  'offline_access',
  'kb_invoice_show',
  'kb_invoice_edit',
  'contact_show',
];

export const REFUSED_CONNECTION = 'bexio refused the connection: reconnect in the admin settings.';
const NOT_CONNECTED = 'bexio is not connected yet: connect it in the admin settings.';
/** An access token this close to its end is refreshed before use, not after bexio refuses it. */
const EXPIRY_MARGIN_MS = 60_000;
/** The admin has this long between starting to connect and bexio sending them back. */
const PENDING_TTL_MS = 10 * 60_000;

/** Keycloak's token answer (RFC 6749 §5.1). */
const TokenAnswerSchema = z.looseObject({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number().positive(),
  refresh_token: z.string().min(1),
  scope: z.string().optional(),
});
const TokenErrorSchema = z.looseObject({ error: z.string(), error_description: z.string().optional() });

export type BexioOAuthOptions = {
  clientId: string;
  clientSecret: string;
  /** LedgerMail's callback route, registered with the app at developer.bexio.com. */
  redirectUri: string;
  store: BexioTokenStore;
  issuer?: string;
  timeoutMs?: number;
  now?: () => number;
};

export type BexioOAuth = BexioTokenSource & {
  /** The URL to send the admin to; state and PKCE verifier stay on the bridge. */
  startAuthorization(): { authorizeUrl: string; state: string };
  /** bexio's redirect back (`?code=…&state=…`): exchanges the code and stores the tokens. */
  completeAuthorization(input: { code: string; state: string }, by: string): Promise<void>;
  status(): { connected: boolean; scope: string | null; updatedAt: string | null };
  disconnect(): void;
};

export function createBexioOAuth(options: BexioOAuthOptions): BexioOAuth {
  const issuer = (options.issuer ?? BEXIO_ISSUER).replace(/\/+$/, '');
  const now = options.now ?? Date.now;
  const timeoutMs = options.timeoutMs ?? 10_000;
  // In memory: a login interrupted by a restart of the bridge is simply started again.
  const pending = new Map<string, { verifier: string; at: number }>();
  let refreshing: Promise<boolean> | undefined;

  async function tokenRequest(form: Record<string, string>, refusal: string): Promise<BexioTokens> {
    let response: Response;
    try {
      response = await fetch(`${issuer}/protocol/openid-connect/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams({ ...form, client_id: options.clientId, client_secret: options.clientSecret }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      throw new AppError('accounting_unavailable', "bexio's login service cannot be reached; try again in a minute.", {
        cause: error,
      });
    }
    const text = await response.text();
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    if (response.status >= 500) {
      throw new AppError(
        'accounting_unavailable',
        `bexio's login service has a problem (HTTP ${response.status}); try again in a minute.`,
      );
    }
    if (!response.ok) {
      // invalid_grant: the refresh token was revoked, expired or already used; invalid_client: the app's secret.
      throw new AppError('accounting_refused', refusal, { cause: TokenErrorSchema.safeParse(body).data ?? text });
    }
    const parsed = TokenAnswerSchema.safeParse(body);
    if (!parsed.success) {
      throw new AppError(
        'malformed_response',
        "bexio's login service answered in a form LedgerMail does not understand.",
        {
          cause: parsed.error,
        },
      );
    }
    const answer = parsed.data;
    return {
      accessToken: answer.access_token,
      refreshToken: answer.refresh_token,
      expiresAt: now() + answer.expires_in * 1000,
      scope: answer.scope ?? '',
    };
  }

  async function doRefresh(current: BexioTokens): Promise<boolean> {
    const next = await tokenRequest(
      { grant_type: 'refresh_token', refresh_token: current.refreshToken },
      REFUSED_CONNECTION,
    );
    // Stored before anyone uses the new access token: the old refresh token is dead once bexio answered.
    options.store.save(next, 'refresh');
    return true;
  }

  function refresh(rejectedToken?: string): Promise<boolean> {
    if (refreshing) return refreshing;
    const current = options.store.load();
    if (!current) return Promise.reject(new AppError('accounting_refused', NOT_CONNECTED));
    // Another request refreshed already: retry with its token rather than rotate again.
    if (rejectedToken !== undefined && current.accessToken !== rejectedToken) return Promise.resolve(true);
    refreshing = doRefresh(current).finally(() => {
      refreshing = undefined;
    });
    return refreshing;
  }

  return {
    async accessToken() {
      if (refreshing) await refreshing;
      const tokens = options.store.load();
      if (!tokens) throw new AppError('accounting_refused', NOT_CONNECTED);
      if (tokens.expiresAt - EXPIRY_MARGIN_MS > now()) return tokens.accessToken;
      await refresh(tokens.accessToken);
      return options.store.load()!.accessToken;
    },
    refresh,
    startAuthorization() {
      for (const [key, entry] of pending) if (now() - entry.at > PENDING_TTL_MS) pending.delete(key);
      const state = randomBytes(24).toString('base64url');
      const verifier = randomBytes(48).toString('base64url');
      pending.set(state, { verifier, at: now() });
      const url = new URL(`${issuer}/protocol/openid-connect/auth`);
      url.search = new URLSearchParams({
        response_type: 'code',
        client_id: options.clientId,
        redirect_uri: options.redirectUri,
        scope: BEXIO_SCOPES.join(' '),
        state,
        code_challenge: createHash('sha256').update(verifier).digest('base64url'),
        code_challenge_method: 'S256',
      }).toString();
      return { authorizeUrl: url.toString(), state };
    },
    async completeAuthorization({ code, state }, by) {
      const entry = pending.get(state);
      // One use per state: a replayed or forged redirect exchanges nothing.
      pending.delete(state);
      if (!entry || now() - entry.at > PENDING_TTL_MS) {
        throw new AppError('bad_request', 'This bexio login is unknown or expired; start connecting again.');
      }
      const tokens = await tokenRequest(
        { grant_type: 'authorization_code', code, redirect_uri: options.redirectUri, code_verifier: entry.verifier },
        'bexio refused the authorization: start connecting again.',
      );
      options.store.save(tokens, by);
    },
    status() {
      const tokens = options.store.load();
      return {
        connected: tokens !== undefined,
        scope: tokens?.scope ?? null,
        updatedAt: options.store.describe()?.updatedAt ?? null,
      };
    },
    disconnect() {
      options.store.clear();
    },
  };
}
