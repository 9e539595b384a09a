import type { FastifyInstance } from 'fastify';

/**
 * Content-Security-Policy of the add-in pages. Scripts only from the bridge itself, Microsoft's office.js
 * CDN (Office requires the hosted office.js) and the Microsoft CDN office.js and Outlook's host scripts load
 * MicrosoftAjax.js from (without it office.js does not initialise). Fluent UI's styling engine (Griffel) inserts <style> rules at
 * run time, hence 'unsafe-inline' for styles only. The pages talk to the bridge and to the Entra ID host
 * the bridge signs in with (MSAL's metadata and token requests). Outlook hosts the task pane and the
 * function file in frames of its own origins, which differ between Outlook on the web, new Outlook and
 * desktop: no frame-ancestors there. The sign-in window is never framed (`framed: false`).
 */
export function addinCsp(options: { identityHost: string; framed: boolean }): string {
  return [
    "default-src 'self'",
    "script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    `connect-src 'self' https://appsforoffice.microsoft.com ${options.identityHost}`,
    `frame-src 'self' ${options.identityHost}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    ...(options.framed ? [] : ["frame-ancestors 'none'"]),
  ].join('; ');
}

/** Pages that are never shown in a frame: the sign-in window opens as a window of its own. */
const UNFRAMED_PAGES = new Set(['/auth-dialog.html']);

export type SecurityHeaderOptions = {
  hsts: boolean;
  /** The Entra ID host the add-in signs in with (ENTRA_AUTHORITY_HOST); Microsoft's global cloud by default. */
  identityHost?: string;
  devToolPrefixes?: readonly string[];
};

/**
 * The headers every answer carries, pages and API alike; also those the router gives before any route
 * (and so any hook) runs, e.g. to an overlong path.
 */
export function baseSecurityHeaders(options: Pick<SecurityHeaderOptions, 'hsts'>): Record<string, string> {
  return {
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    ...(options.hsts ? { 'strict-transport-security': 'max-age=31536000' } : {}),
  };
}

/**
 * Security headers on every response. API answers are never cached (they carry personal and financial
 * data). Development tools (the workbench) get no CSP: they inject the simulated Office into the pages.
 */
export function installSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const devPrefixes = options.devToolPrefixes ?? ['/workbench'];
  const identityHost = new URL(options.identityHost ?? 'https://login.microsoftonline.com').origin;
  const framedCsp = addinCsp({ identityHost, framed: true });
  const unframedCsp = addinCsp({ identityHost, framed: false });
  const base = baseSecurityHeaders(options);
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    reply.headers(base);
    if (path.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    } else if (!devPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      reply.header('content-security-policy', UNFRAMED_PAGES.has(path) ? unframedCsp : framedCsp);
    }
    return payload;
  });
}
