import { mkdirSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import { brotliCompressSync, brotliDecompressSync, gzipSync } from 'node:zlib';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { signInAs } from '../../test/support/dev-auth';
import { useTempDir } from '../../test/support/temp-dir';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { resolveTlsMaterial } from './http/tls.js';
import { VERSION } from './version.js';

describe('bridge app', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  function configFor(dir: string, extra: Record<string, string> = {}) {
    return loadConfig({ TLS: 'off', DATA_DIR: path.join(dir, 'data'), ADDIN_DIR: path.join(dir, 'dist'), ...extra });
  }

  it('answers /api/health over plain HTTP with TLS=off', async () => {
    app = await buildApp({ config: configFor(tempDir()), logger: false });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    const response = await fetch(`${address}/api/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok', version: VERSION });
  });

  it('is ready on the built-in ledger, without a token, and says which checks it made', async () => {
    app = await buildApp({ config: configFor(tempDir()), logger: false });
    const response = await app.inject('/api/ready');
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: {
        database: { ok: true, problem: null },
        accounting: { backend: 'ledger', ok: true, problem: null },
        // The IncaMail sandbox of a development bridge, reached on loopback.
        incamail: { route: 'relay', ok: true, problem: null },
      },
    });
  });

  it('serves the built add-in files and the API on one HTTPS origin', async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'taskpane.html'), '<!doctype html><title>LedgerMail</title>');
    const config = configFor(dir, { TLS: 'on' });
    const tls = await resolveTlsMaterial(config, () => undefined);
    expect(tls.source === 'self-signed' || tls.source === 'office-dev-certs').toBe(true);
    app = await buildApp({ config, https: tls, logger: false });
    const address = await app.listen({ host: '127.0.0.1', port: 0 });
    expect(address).toMatch(/^https:/);

    const get = (url: string) =>
      new Promise<{ status: number; body: string }>((resolve, reject) => {
        https
          .get(url, { rejectUnauthorized: false }, (res) => {
            let body = '';
            res.on('data', (chunk: Buffer) => (body += chunk.toString()));
            res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
          })
          .on('error', reject);
      });
    expect(await get(`${address}/api/health`)).toEqual({
      status: 200,
      body: JSON.stringify({ status: 'ok', version: VERSION }),
    });
    const page = await get(`${address}/taskpane.html`);
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>LedgerMail</title>');
  });

  it("serves the build's well-known list of the files Outlook may run cross-origin (the send guard)", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'dist', '.well-known'), { recursive: true });
    const allowed = { allowed: ['https://mail.example.ch/sendguard.js'] };
    writeFileSync(
      path.join(dir, 'dist', '.well-known', 'microsoft-officeaddins-allowed.json'),
      JSON.stringify(allowed),
    );
    writeFileSync(path.join(dir, 'dist', '.env'), 'SECRET=1');
    app = await buildApp({ config: configFor(dir), logger: false });
    const response = await app.inject('/.well-known/microsoft-officeaddins-allowed.json');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^application\/json/);
    expect(response.json()).toEqual(allowed);
    // That one folder only: other dot files stay unserved.
    expect((await app.inject('/.env')).statusCode).toBe(404);
  });

  it('serves what the build compressed, and keeps content-hashed files for a year but pages only until they change', async () => {
    const dir = tempDir();
    const dist = path.join(dir, 'dist');
    mkdirSync(dist, { recursive: true });
    const script = 'console.log("LedgerMail");'.repeat(100);
    writeFileSync(path.join(dist, 'pane.3f2a9c1b.js'), script);
    writeFileSync(path.join(dist, 'pane.3f2a9c1b.js.br'), brotliCompressSync(script));
    writeFileSync(path.join(dist, 'pane.3f2a9c1b.js.gz'), gzipSync(script));
    writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><title>LedgerMail</title>');
    app = await buildApp({ config: configFor(dir), logger: false });

    const br = await app.inject({ url: '/pane.3f2a9c1b.js', headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(script);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    const gz = await app.inject({ url: '/pane.3f2a9c1b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(gz.headers['content-encoding']).toBe('gzip');
    const plain = await app.inject({ url: '/pane.3f2a9c1b.js' });
    expect([plain.headers['content-encoding'], plain.body]).toEqual([undefined, script]);
    const page = await app.inject({ url: '/taskpane.html', headers: { 'accept-encoding': 'br' } });
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers.etag).toBeDefined();
  });

  it('reuses the generated self-signed certificate across restarts', async () => {
    const config = configFor(tempDir(), { TLS: 'on' });
    const first = await resolveTlsMaterial(config, () => undefined);
    const second = await resolveTlsMaterial(config, () => undefined);
    expect(second.cert).toBe(first.cert);
  });

  it('answers unknown API routes with a JSON 404 in the common error shape', async () => {
    app = await buildApp({ config: configFor(tempDir()), logger: false });
    expect((await app.inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(401);
    await signInAs(app);
    const response = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({
      error: { code: 'not_found', message: 'No such API route: GET /api/nothing-here' },
    });
  });

  it('answers a malformed JSON body with a 400, not a 500', async () => {
    app = await buildApp({ config: configFor(tempDir()), logger: false });
    app.post('/api/echo', async (request) => request.body);
    await signInAs(app);
    const response = await app.inject({
      method: 'POST',
      url: '/api/echo',
      headers: { 'content-type': 'application/json' },
      payload: '{"not json',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('bad_request');
  });

  it("answers an overlong or undecodable path in the common error shape, not the router's own", async () => {
    app = await buildApp({ config: configFor(tempDir()), logger: false });
    await signInAs(app);
    const long = await app.inject({ method: 'GET', url: `/api/documents/${'a'.repeat(500)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json()).toEqual({ error: { code: 'bad_request', message: expect.stringMatching(/too long/) } });
    // Answered before any route runs, yet with the same security headers as every other answer.
    expect(long.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'cache-control': 'no-store' });
    const bad = await app.inject({ method: 'GET', url: '/api/documents/%E0%A4%A' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.code).toBe('bad_request');
  });

  it("lets the pages reach the Entra host the bridge is configured for (a sovereign cloud's, here)", async () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'dist'), { recursive: true });
    writeFileSync(path.join(dir, 'dist', 'auth-dialog.html'), '<!doctype html><title>LedgerMail</title>');
    app = await buildApp({
      config: configFor(dir, {
        AUTH: 'entra',
        ENTRA_CLIENT_ID: 'client',
        ENTRA_TENANT_IDS: 'tenant',
        ENTRA_AUTHORITY_HOST: 'https://login.microsoftonline.us',
      }),
      logger: false,
    });
    const csp = String((await app.inject('/auth-dialog.html')).headers['content-security-policy']);
    expect(csp).toContain("connect-src 'self' https://appsforoffice.microsoft.com https://login.microsoftonline.us;");
    expect((await app.inject('/api/auth/config')).json().authority).toBe('https://login.microsoftonline.us/tenant');
  });
});
