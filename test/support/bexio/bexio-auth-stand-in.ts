import { createHash, randomBytes } from 'node:crypto';
import { http, HttpResponse, type RequestHandler } from 'msw';
import { ALL_SCOPES, type BexioState } from './bexio-seed.js';

/**
 * bexio's OAuth server (Keycloak at auth.bexio.com/realms/bexio) as far as the bridge talks to it: the token
 * endpoint for the authorization code (with PKCE S256) and for refresh tokens, which Keycloak rotates on every
 * refresh (the used one is dead afterwards). Access tokens it issues are accepted by the API stand-in that
 * shares its `state`. Errors as Keycloak answers them: 400 `{ error: 'invalid_grant', error_description }`.
 */
export function createBexioAuthStandIn(options: {
  state: BexioState;
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Seconds an access token lives; Keycloak's bexio realm answers 3600. */
  expiresIn?: number;
}) {
  const codes = new Map<string, { challenge: string; redirectUri: string }>();
  const refreshTokens = new Set<string>();
  const counts = { codeExchanges: 0, refreshes: 0 };
  let unavailable = false;

  function issue() {
    const accessToken = `at-${randomBytes(9).toString('base64url')}`;
    const refreshToken = `rt-${randomBytes(9).toString('base64url')}`;
    options.state.tokens.set(accessToken, new Set(ALL_SCOPES));
    refreshTokens.add(refreshToken);
    return HttpResponse.json({
      access_token: accessToken,
      expires_in: options.expiresIn ?? 3600,
      refresh_expires_in: 0,
      refresh_token: refreshToken,
      token_type: 'Bearer',
      'not-before-policy': 0,
      session_state: randomBytes(8).toString('hex'),
      scope: `openid profile email offline_access ${ALL_SCOPES.join(' ')}`,
    });
  }
  const invalidGrant = (description: string) =>
    HttpResponse.json({ error: 'invalid_grant', error_description: description }, { status: 400 });

  const handlers: RequestHandler[] = [
    http.post(`${options.issuer}/protocol/openid-connect/token`, async ({ request }) => {
      if (unavailable) return new HttpResponse('upstream connect error', { status: 503 });
      const form = new URLSearchParams(await request.text());
      if (form.get('client_id') !== options.clientId || form.get('client_secret') !== options.clientSecret) {
        return HttpResponse.json(
          { error: 'invalid_client', error_description: 'Invalid client credentials' },
          { status: 401 },
        );
      }
      if (form.get('grant_type') === 'authorization_code') {
        counts.codeExchanges += 1;
        const code = codes.get(form.get('code') ?? '');
        codes.delete(form.get('code') ?? '');
        const verifier = form.get('code_verifier') ?? '';
        if (!code || code.redirectUri !== form.get('redirect_uri')) return invalidGrant('Code not valid');
        if (createHash('sha256').update(verifier).digest('base64url') !== code.challenge) {
          return invalidGrant('PKCE verification failed: Invalid code verifier');
        }
        return issue();
      }
      if (form.get('grant_type') === 'refresh_token') {
        counts.refreshes += 1;
        const token = form.get('refresh_token') ?? '';
        if (!refreshTokens.delete(token)) return invalidGrant('Token is not active');
        return issue();
      }
      return HttpResponse.json({ error: 'unsupported_grant_type' }, { status: 400 });
    }),
  ];

  return {
    handlers,
    counts,
    /** What the admin's browser does at the authorize URL: logs in, consents, is sent back with a code. */
    authorize(authorizeUrl: string): { code: string; state: string } {
      const url = new URL(authorizeUrl);
      const params = url.searchParams;
      if (url.origin + url.pathname !== `${options.issuer}/protocol/openid-connect/auth`)
        throw new Error('not the authorize endpoint');
      if (params.get('client_id') !== options.clientId || params.get('response_type') !== 'code')
        throw new Error('bad request');
      if (params.get('code_challenge_method') !== 'S256') throw new Error('PKCE S256 required');
      const code = randomBytes(12).toString('base64url');
      codes.set(code, { challenge: params.get('code_challenge') ?? '', redirectUri: params.get('redirect_uri') ?? '' });
      return { code, state: params.get('state') ?? '' };
    },
    /** The admin revoked LedgerMail's access in bexio, or the offline session ended. */
    revokeAll() {
      refreshTokens.clear();
    },
    setUnavailable(value: boolean) {
      unavailable = value;
    },
  };
}
