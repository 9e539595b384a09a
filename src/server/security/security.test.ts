import Fastify from 'fastify';
import { randomBytes } from 'node:crypto';
import { AppError } from '../../contract/errors.js';
import { addinCsp, installSecurityHeaders } from './headers.js';
import { createRateLimiter } from './rate-limit.js';
import { createSecretBox, parseSecretsKey } from './secret-box.js';

describe('security headers', () => {
  it('puts a strict CSP on add-in pages, no-store on the API, and none of it on the workbench', async () => {
    const app = Fastify({ logger: false });
    installSecurityHeaders(app, { hsts: true });
    app.get('/taskpane.html', async () => 'page');
    app.get('/api/health', async () => ({ status: 'ok' }));
    app.get('/workbench/index.html', async () => 'dev');
    const page = await app.inject('/taskpane.html');
    const csp = String(page.headers['content-security-policy']);
    expect(csp).toBe(addinCsp({ identityHost: 'https://login.microsoftonline.com', framed: true }));
    expect(csp).toContain("script-src 'self' https://appsforoffice.microsoft.com https://ajax.aspnetcdn.com;");
    expect(csp).toContain("connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.com;");
    expect(csp).not.toContain('frame-ancestors');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect(page.headers['strict-transport-security']).toBe('max-age=31536000');
    expect(page.headers['x-frame-options']).toBeUndefined();
    const api = await app.inject('/api/health');
    expect(api.headers['cache-control']).toBe('no-store');
    expect(api.headers['content-security-policy']).toBeUndefined();
    expect((await app.inject('/workbench/index.html')).headers['content-security-policy']).toBeUndefined();
    await app.close();
  });

  it('lets the sign-in window reach the configured Entra host, and nobody frame it', async () => {
    const app = Fastify({ logger: false });
    installSecurityHeaders(app, { hsts: false, identityHost: 'https://login.microsoftonline.us' });
    app.get('/auth-dialog.html', async () => 'dialog');
    app.get('/taskpane.html', async () => 'page');
    const dialog = String((await app.inject('/auth-dialog.html')).headers['content-security-policy']);
    expect(dialog).toContain(
      "connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.us;",
    );
    expect(dialog).toContain("frame-ancestors 'none'");
    const pane = String((await app.inject('/taskpane.html')).headers['content-security-policy']);
    expect(pane).toContain('https://login.microsoftonline.us');
    // Outlook frames the task pane in origins of its own: no frame-ancestors there.
    expect(pane).not.toContain('frame-ancestors');
    await app.close();
  });
});

describe('rate limiter', () => {
  it('lets a caller through up to the limit, refuses the next, and refills over time', () => {
    const limiter = createRateLimiter({ limit: 3, windowMs: 60_000, what: 'sends' });
    const t0 = 1_000_000;
    for (let i = 0; i < 3; i++) limiter.take('anna', t0);
    expect(() => limiter.take('anna', t0)).toThrow(AppError);
    expect(() => limiter.take('anna', t0)).toThrow(/Too many sends\. Try again in 20 s\./);
    limiter.take('bruno', t0);
    limiter.take('anna', t0 + 20_000);
  });
});

describe('secret box', () => {
  const key = randomBytes(32);

  it('round-trips, never stores the plaintext, and uses a fresh IV each time', () => {
    const box = createSecretBox(key);
    const sealed = box.seal('smtp-password-äöü');
    expect(sealed).toMatch(/^v1\./);
    expect(sealed).not.toContain('smtp-password');
    expect(box.seal('smtp-password-äöü')).not.toBe(sealed);
    expect(box.open(sealed)).toBe('smtp-password-äöü');
  });

  it('detects tampering and a wrong key', () => {
    const sealed = createSecretBox(key).seal('secret');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[3]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    expect(() => createSecretBox(key).open([...parts.slice(0, 3), flipped.toString('base64url')].join('.'))).toThrow(
      /cannot be decrypted/,
    );
    expect(() => createSecretBox(randomBytes(32)).open(sealed)).toThrow(/cannot be decrypted/);
  });

  it('accepts only a 32-byte key', () => {
    expect(parseSecretsKey(key.toString('base64'))).toEqual(key);
    expect(() => parseSecretsKey(randomBytes(16).toString('base64'))).toThrow(/32 random bytes/);
  });
});
