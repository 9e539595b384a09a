/**
 * Smaller findings of the attack run on the whole bridge (buildApp and inject, real SQLite files, the
 * embedded IncaMail sandbox): how the bearer scheme is read, overlong ids under the static files' catch-all,
 * the production bridge's missing dev-token route, whose messages the sandbox shows, file modes of the data
 * directory, which Host may mint development tokens, and source maps.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { devToken } from '../support/dev-auth';
import { sendRequest } from '../support/smtp-bridge';
import { useTempDir } from '../support/temp-dir';

describe('the whole bridge, hardened', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  /** A bridge on the embedded sandbox, with a built add-in in dist/ (so the static files' catch-all is there). */
  async function bridge(env: Record<string, string> = {}): Promise<FastifyInstance> {
    const dist = path.join(tempDir(), 'dist');
    mkdirSync(dist, { recursive: true });
    writeFileSync(path.join(dist, 'taskpane.html'), '<!doctype html><title>LedgerMail</title>');
    writeFileSync(
      path.join(dist, 'taskpane.0123abcd.js'),
      'console.log(1);\n//# sourceMappingURL=taskpane.0123abcd.js.map',
    );
    writeFileSync(path.join(dist, 'taskpane.0123abcd.js.map'), '{"version":3,"sources":["../src/taskpane/App.tsx"]}');
    const config = loadConfig({
      TLS: 'off',
      DATA_DIR: path.join(tempDir(), 'data'),
      ADDIN_DIR: dist,
      LOG_LEVEL: 'silent',
      ...env,
    });
    app = await buildApp({ config, logger: false });
    await app.ready();
    return app;
  }
  const production = { NODE_ENV: 'production', AUTH: 'entra', ENTRA_CLIENT_ID: 'client', ENTRA_TENANT_IDS: 'tenant' };

  it('reads the bearer scheme in any letter case (RFC 7235: the scheme is case-insensitive)', async () => {
    const bridged = await bridge();
    const token = await devToken(bridged);
    for (const scheme of ['Bearer', 'bearer', 'BEARER', 'bEaReR']) {
      const response = await bridged.inject({ url: '/api/me', headers: { authorization: `${scheme} ${token}` } });
      expect(response.statusCode, scheme).toBe(200);
    }
    const basic = await bridged.inject({ url: '/api/me', headers: { authorization: `Basic ${token}` } });
    expect(basic.statusCode).toBe(401);
  });

  it('answers an id of more than 100 characters with 414, as the router does, and one of 100 with its 404', async () => {
    const bridged = await bridge();
    const headers = { authorization: `Bearer ${await devToken(bridged)}` };
    for (const route of ['/api/documents/', '/api/sends/', '/api/batches/']) {
      const long = await bridged.inject({ url: `${route}${'a'.repeat(101)}`, headers });
      expect(long.statusCode, route).toBe(414);
      expect(long.json().error).toEqual({ code: 'bad_request', message: 'A part of the address is too long.' });
      expect((await bridged.inject({ url: `${route}${'a'.repeat(100)}`, headers })).statusCode, route).toBe(404);
    }
    // The pages are still served by the catch-all.
    expect((await bridged.inject('/taskpane.html')).statusCode).toBe(200);
  });

  it('has no dev-token route in production: 404 with or without a token, not 401', async () => {
    const bridged = await bridge(production);
    const response = await bridged.inject('/api/dev/token?email=anna.keller@example.ch');
    expect(response.statusCode).toBe(404);
    expect(response.json().error.code).toBe('not_found');
    // Every other API route still needs a token.
    expect((await bridged.inject('/api/documents')).statusCode).toBe(401);
    expect((await bridged.inject('/api/nothing-here')).statusCode).toBe(401);
  });

  it("shows each user only their own messages in the sandbox; admins see everyone's", async () => {
    const bridged = await bridge({ ADMIN_EMAILS: 'boss@example.ch' });
    const as = async (email: string) => ({ authorization: `Bearer ${await devToken(bridged, email)}` });
    const [anna, bruno, boss] = [
      await as('anna.keller@example.ch'),
      await as('bruno.meier@example.ch'),
      await as('boss@example.ch'),
    ];
    for (const [headers, from] of [
      [anna, 'anna.keller@example.ch'],
      [bruno, 'bruno.meier@example.ch'],
    ] as const) {
      const posted = await bridged.inject({
        method: 'POST',
        url: '/api/sends?wait=5',
        headers: { ...headers, 'idempotency-key': `key-${from}` },
        payload: sendRequest({ from }),
      });
      expect(posted.json().status, posted.body).toBe('accepted');
    }
    const list = async (headers: Record<string, string>) =>
      (
        (await bridged.inject({ url: '/api/sandbox/messages', headers })).json() as {
          items: { id: string; from: string }[];
        }
      ).items;
    const annas = await list(anna);
    expect(annas.map((m) => m.from)).toEqual(['anna.keller@example.ch']);
    expect((await list(bruno)).map((m) => m.from)).toEqual(['bruno.meier@example.ch']);
    expect(await list(boss)).toHaveLength(2);
    const raw = `/api/sandbox/messages/${annas[0]!.id}/raw`;
    expect((await bridged.inject({ url: raw, headers: anna })).statusCode).toBe(200);
    expect((await bridged.inject({ url: raw, headers: bruno })).statusCode).toBe(404);
    expect((await bridged.inject({ url: raw, headers: boss })).statusCode).toBe(200);
  });

  it('keeps its data directory and SQLite files to its own user (0700 and 0600)', async () => {
    const bridged = await bridge();
    await devToken(bridged);
    const data = path.join(tempDir(), 'data');
    const mode = (file: string) => (statSync(path.join(data, file)).mode & 0o777).toString(8);
    expect(mode('.')).toBe('700');
    for (const file of ['ledgermail.sqlite', 'ledgermail.sqlite-wal', 'ledgermail.sqlite-shm']) {
      expect(mode(file), file).toBe('600');
    }
  });

  async function tokenFor(host: string) {
    const bridged = await bridge();
    return bridged.inject({ url: '/api/dev/token?email=anna.keller@example.ch', headers: { host } });
  }

  it.each(['localhost', 'localhost:3000', '127.0.0.1:3000', '127.8.9.10', '[::1]:3000'])(
    'issues development tokens to Host %s',
    async (host) => {
      const response = await tokenFor(host);
      expect(response.statusCode, response.body).toBe(200);
    },
  );

  it.each([
    'evil.example.org',
    'evil.example.org:3000',
    'localhost.evil.example.org',
    '127.0.0.1.nip.io',
    '128.0.0.1',
    '[::2]',
  ])('refuses development tokens to Host %s (a DNS-rebinding page must not mint them)', async (host) => {
    const response = await tokenFor(host);
    expect(response.statusCode, response.body).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('serves no source maps in production, and the scripts still load', async () => {
    const bridged = await bridge(production);
    expect((await bridged.inject('/taskpane.0123abcd.js')).statusCode).toBe(200);
    expect((await bridged.inject('/taskpane.0123abcd.js.map')).statusCode).toBe(404);
  });
});
