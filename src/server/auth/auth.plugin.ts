import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DevTokenQuerySchema, type AuthConfig, type Caller, type Token } from '../../contract/auth.schemas.js';
import { AppError } from '../../contract/errors.js';
import { apiRouteOf, BEXIO_CALLBACK_ROUTE, decodedPath, isApiPath } from '../http/api-routes.js';
import { parseRequest } from '../http/errors.js';
import type { AuthSettings } from './auth-config.js';
import {
  createDevTokenIssuer,
  createEntraVerifier,
  type DevTokenIssuer,
  type TokenVerifier,
} from './token-verifier.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is calling, from the validated bearer token; null only on the public routes. */
    caller: Caller | null;
  }
}

/** Routes anyone may call: the add-in needs them before it has a token. */
// The bexio callback is guarded by its one-time `state`, not a bearer token (bexio redirects a browser there).
const PUBLIC_API_ROUTES = new Set([
  '/api/health',
  '/api/ready',
  BEXIO_CALLBACK_ROUTE,
  '/api/auth/config',
  '/api/dev/token',
]);

/**
 * Development tokens go only to pages that reached the bridge by a loopback name. The bridge listens on
 * loopback in dev mode (config.ts), but a web page whose own host name an attacker re-points to 127.0.0.1
 * (DNS rebinding) reaches it too, with its own name in Host, and over TLS=off nothing else tells them apart.
 */
function isLoopbackHost(hostname: string): boolean {
  const ipv4 = /^127\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(hostname);
  if (ipv4) return ipv4.slice(1).every((part) => Number(part) <= 255);
  return hostname === 'localhost' || hostname === '[::1]';
}

export function callerOf(request: FastifyRequest): Caller {
  if (!request.caller) throw new AppError('unauthorized', 'Sign in to use LedgerMail.');
  return request.caller;
}

export function requireAdmin(request: FastifyRequest): Caller {
  const caller = callerOf(request);
  if (caller.role !== 'admin') throw new AppError('forbidden', 'Only a LedgerMail administrator may do this.');
  return caller;
}

/**
 * Every /api route but the public ones needs `Authorization: Bearer <token>`. The hook runs on the root
 * instance, so routes registered later by any module are covered without opting in.
 */
export function installAuth(app: FastifyInstance, settings: AuthSettings, dataDir: string): void {
  const verifier: TokenVerifier & Partial<Pick<DevTokenIssuer, 'issue'>> =
    settings.mode === 'dev' ? createDevTokenIssuer(dataDir, settings.adminEmails) : createEntraVerifier(settings);

  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    // Decide on the route the router matched and on the decoded path, never on the raw URL alone:
    // `/%61pi/documents` is routed to /api/documents.
    const pattern = apiRouteOf(request);
    const path = decodedPath(request.url);
    // An unmatched public path (the dev token route on a production bridge) gets its plain 404.
    if (
      !(pattern || isApiPath(request.url)) ||
      PUBLIC_API_ROUTES.has(pattern) ||
      (!pattern && PUBLIC_API_ROUTES.has(path))
    )
      return;
    const header = request.headers.authorization ?? '';
    // RFC 7235 (2.1): the scheme is case-insensitive and one or more spaces separate it from the token68.
    const match = /^bearer +([A-Za-z0-9._~+/-]+=*)$/i.exec(header);
    if (!match?.[1]) throw new AppError('unauthorized', 'Sign in to use LedgerMail (no bearer token was sent).');
    request.caller = await verifier.verify(match[1]);
  });

  app.get('/api/auth/config', async (): Promise<AuthConfig> => {
    if (settings.mode === 'dev') return { mode: 'dev' };
    return {
      mode: 'entra',
      clientId: settings.clientId,
      // A single-tenant registration (the usual one) must be signed in to at its tenant: Entra refuses the
      // /organizations endpoint for it (AADSTS50194). A bridge for several tenants needs a multitenant app.
      authority: `${settings.authorityHost}/${settings.tenantIds.length === 1 ? settings.tenantIds[0] : 'organizations'}`,
      scopes: [`${settings.audience}/access_as_user`],
    };
  });

  app.get('/api/me', async (request): Promise<Caller> => callerOf(request));

  const issue = verifier.issue;
  if (issue) {
    app.get('/api/dev/token', async (request): Promise<Token> => {
      if (!isLoopbackHost(request.hostname)) {
        throw new AppError('forbidden', 'Development sign-in answers only on localhost, 127.0.0.1 or [::1].');
      }
      const query = parseRequest(DevTokenQuerySchema, request.query, 'query');
      return { token: await issue(query) };
    });
  }
}
