import type { FastifyRequest } from 'fastify';

/**
 * Fastify's router limit on one path parameter (its default, set explicitly in app.ts): an id beyond it is
 * refused by the router with FST_ERR_MAX_PARAM_LENGTH, which the bridge answers 414 (answerFrameworkError).
 */
export const MAX_PARAM_LENGTH = 100;

/** Where bexio sends the admin's browser back after connecting: public, guarded by its one-time `state`. */
export const BEXIO_CALLBACK_ROUTE = '/api/accounting/bexio/callback';

/** The path, percent-decoded where it decodes (`/%61pi/documents` is routed to /api/documents). */
export function decodedPath(url: string): string {
  const raw = url.split('?')[0] ?? '';
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

export function isApiPath(url: string): boolean {
  return decodedPath(url).toLowerCase().startsWith('/api/');
}

/**
 * The API route a request matched, or '' when none did. The static files' catch-all (`/*`) matches every
 * path no other route takes, /api/ paths too: counting it as a match made the production bridge ask for a
 * token on the dev-token route it does not have (401, not 404), and turned the router's 414 for an overlong
 * id into the catch-all's 404, since the router falls back to the wildcard instead of refusing.
 */
export function apiRouteOf(request: FastifyRequest): string {
  const pattern = request.routeOptions.url ?? '';
  return pattern.startsWith('/api/') ? pattern : '';
}

/** What the router says of a path no API route took: a segment longer than it allows, as it would say it. */
export function overlongSegment(url: string): boolean {
  return (url.split('?')[0] ?? '').split('/').some((segment) => segment.length > MAX_PARAM_LENGTH);
}
