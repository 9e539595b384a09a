import type { BrowserContext, Route } from 'playwright-core';

/**
 * Microsoft Entra ID at the browser's network edge, for the sign-in dialog: the machines cannot reach
 * login.microsoftonline.com, so Chromium's requests to it are answered here with what Entra answers, and
 * MSAL runs unmodified (authorization code with PKCE, by redirect). `decide` plays the person at Entra's
 * sign-in page: sign in, or decline.
 */
export type AuthorizeRequest = Record<string, string>;
export type FakeEntra = {
  /** Every authorization request the browser made, as its query parameters, and the paths it went to. */
  authorizeRequests: AuthorizeRequest[];
  authorizePaths: string[];
  tokenRequests: Record<string, string>[];
  /** Requests to Entra the fake does not know; a test expects none. */
  unknown: string[];
};

export const ENTRA_HOST = 'https://login.microsoftonline.com';

const base64url = (value: string) => Buffer.from(value).toString('base64url');
const json = (route: Route, body: unknown) =>
  route.fulfill({
    status: 200,
    contentType: 'application/json',
    headers: { 'access-control-allow-origin': '*' },
    body: JSON.stringify(body),
  });

export async function fakeEntra(
  context: BrowserContext,
  options: {
    tenant: string;
    user: { oid: string; username: string; name: string };
    accessToken: string;
    decide: (request: AuthorizeRequest) => 'sign-in' | 'decline';
  },
): Promise<FakeEntra> {
  const state: FakeEntra = { authorizeRequests: [], authorizePaths: [], tokenRequests: [], unknown: [] };
  const nonces = new Map<string, string>();
  const { tenant, user } = options;
  const issuer = `${ENTRA_HOST}/${tenant}/v2.0`;

  await context.route(`${ENTRA_HOST}/**`, async (route) => {
    const request = route.request();
    const url = new URL(request.url());
    if (request.method() === 'OPTIONS') {
      return route.fulfill({
        status: 204,
        headers: {
          'access-control-allow-origin': '*',
          'access-control-allow-methods': 'GET, POST',
          'access-control-allow-headers': '*',
        },
      });
    }
    if (url.pathname.endsWith('/v2.0/.well-known/openid-configuration')) {
      return json(route, {
        issuer,
        authorization_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/authorize`,
        token_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/token`,
        end_session_endpoint: `${ENTRA_HOST}/${tenant}/oauth2/v2.0/logout`,
        jwks_uri: `${ENTRA_HOST}/${tenant}/discovery/v2.0/keys`,
        response_modes_supported: ['query', 'fragment', 'form_post'],
      });
    }
    if (url.pathname === '/common/discovery/instance') {
      return json(route, {
        tenant_discovery_endpoint: `${ENTRA_HOST}/${tenant}/v2.0/.well-known/openid-configuration`,
        'api-version': '1.1',
        metadata: [
          {
            preferred_network: 'login.microsoftonline.com',
            preferred_cache: 'login.windows.net',
            aliases: ['login.microsoftonline.com', 'login.windows.net', 'login.microsoft.com', 'sts.windows.net'],
          },
        ],
      });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/authorize')) {
      const params = Object.fromEntries(url.searchParams);
      state.authorizeRequests.push(params);
      state.authorizePaths.push(url.pathname);
      const answer = new URLSearchParams({ state: params.state ?? '' });
      if (options.decide(params) === 'sign-in') {
        const code = `code-${state.authorizeRequests.length}`;
        nonces.set(code, params.nonce ?? '');
        answer.set('code', code);
        answer.set('client_info', base64url(JSON.stringify({ uid: user.oid, utid: tenant })));
      } else {
        answer.set('error', 'access_denied');
        answer.set('error_description', 'AADSTS65004: User declined to consent to access the app.');
      }
      const separator = params.response_mode === 'query' ? '?' : '#';
      return route.fulfill({ status: 302, headers: { location: `${params.redirect_uri}${separator}${answer}` } });
    }
    if (url.pathname.endsWith('/oauth2/v2.0/token') && request.method() === 'POST') {
      const form = Object.fromEntries(new URLSearchParams(request.postData() ?? ''));
      state.tokenRequests.push(form);
      const now = Math.floor(Date.now() / 1000);
      const idToken = [
        base64url(JSON.stringify({ alg: 'none', typ: 'JWT' })),
        base64url(
          JSON.stringify({
            aud: form.client_id,
            iss: issuer,
            iat: now,
            nbf: now,
            exp: now + 3600,
            nonce: nonces.get(form.code ?? ''),
            oid: user.oid,
            tid: tenant,
            sub: `sub-${user.oid}`,
            name: user.name,
            preferred_username: user.username,
          }),
        ),
        '',
      ].join('.');
      return json(route, {
        token_type: 'Bearer',
        scope: form.scope,
        expires_in: 3600,
        ext_expires_in: 3600,
        access_token: options.accessToken,
        refresh_token: 'refresh-token',
        id_token: idToken,
        client_info: base64url(JSON.stringify({ uid: user.oid, utid: tenant })),
      });
    }
    state.unknown.push(`${request.method()} ${url.pathname}`);
    return route.fulfill({ status: 404, body: 'not part of the fake' });
  });
  return state;
}
