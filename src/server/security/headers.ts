import type { FastifyInstance } from 'fastify';

/**
 * Content-Security-Policy of the add-in pages. Scripts only from the bridge itself and Microsoft's office.js
 * CDN (Office requires the hosted office.js). Fluent UI's styling engine (Griffel) inserts <style> rules at
 * run time, hence 'unsafe-inline' for styles only. No frame-ancestors or X-Frame-Options: Outlook hosts the
 * task pane in frames of its own origins, which differ between Outlook on the web, new Outlook and desktop.
 */
export const ADDIN_CSP = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.com",
  "frame-src 'self' https://login.microsoftonline.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ');

export type SecurityHeaderOptions = { hsts: boolean; devToolPrefixes?: readonly string[] };

/**
 * Security headers on every response. API answers are never cached (they carry personal and financial
 * data). Development tools (the workbench) get no CSP: they inject the simulated Office into the pages.
 */
export function installSecurityHeaders(app: FastifyInstance, options: SecurityHeaderOptions): void {
  const devPrefixes = options.devToolPrefixes ?? ['/workbench'];
  app.addHook('onSend', async (request, reply, payload) => {
    const path = request.url.split('?')[0] ?? '';
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'no-referrer');
    if (options.hsts) reply.header('strict-transport-security', 'max-age=31536000');
    if (path.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    } else if (!devPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) {
      reply.header('content-security-policy', ADDIN_CSP);
    }
    return payload;
  });
}
