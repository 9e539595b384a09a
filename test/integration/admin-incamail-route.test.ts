/**
 * An admin sets the IncaMail route at run time: the credentials are sealed in the database (AES-256-GCM
 * under SECRETS_KEY), never returned, and the next send uses the new route without a restart.
 */
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { devToken } from '../support/dev-auth';
import { sendRequest } from '../support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const PASSWORD = 'Rotated-IncaMail-Passw0rd';

describe('IncaMail route set by an admin', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let dataDir: string;

  async function start(env: Record<string, string>) {
    sink = await startSmtpSink({ auth: { user: 'acme', pass: PASSWORD } });
    dataDir = path.join(tempDir(), 'data');
    app = await buildApp({
      config: loadConfig({
        TLS: 'off',
        DATA_DIR: dataDir,
        ADDIN_DIR: path.join(tempDir(), 'dist'),
        ADMIN_EMAILS: 'boss@example.ch',
        ...env,
      }),
      logger: false,
    });
    await app.ready();
  }
  afterEach(async () => {
    await app?.close();
    await sink?.close();
  });

  const headers = async (email: string) => ({ authorization: `Bearer ${await devToken(app, email)}` });

  it('stores the route sealed, never shows the password, and uses it for the next send', async () => {
    await start({ SECRETS_KEY: randomBytes(32).toString('base64') });
    const admin = await headers('boss@example.ch');
    const smtpUrl = `smtp://acme:${PASSWORD}@127.0.0.1:${sink.port}`;

    const refused = await app.inject({
      method: 'PUT',
      url: '/api/admin/incamail',
      headers: await headers('anna.keller@example.ch'),
      payload: { smtpUrl },
    });
    expect(refused.statusCode).toBe(403);

    const put = await app.inject({ method: 'PUT', url: '/api/admin/incamail', headers: admin, payload: { smtpUrl } });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      source: 'admin',
      host: '127.0.0.1',
      port: sink.port,
      user: 'acme',
      passwordSet: true,
    });
    expect(put.body).not.toContain(PASSWORD);
    expect((await app.inject({ url: '/api/admin/incamail', headers: admin })).body).not.toContain(PASSWORD);

    const sent = await app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { ...(await headers('anna.keller@example.ch')), 'idempotency-key': 'key-admin-route-1' },
      payload: sendRequest(),
    });
    expect(sent.json().status).toBe('accepted');
    expect(sink.logins()).toBe(1);
    expect(sink.messages).toHaveLength(1);

    await app.close();
    for (const entry of readdirSync(dataDir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())) {
      const file = path.join(entry.parentPath, entry.name);
      expect([file, readFileSync(file).includes(PASSWORD)]).toEqual([file, false]);
    }
  });

  it('refuses to store credentials without SECRETS_KEY, and reports a bad URL without echoing it', async () => {
    await start({});
    const admin = await headers('boss@example.ch');
    const noKey = await app.inject({
      method: 'PUT',
      url: '/api/admin/incamail',
      headers: admin,
      payload: { smtpUrl: `smtp://acme:${PASSWORD}@mail.example.ch:587` },
    });
    expect([noKey.statusCode, noKey.json().error.message]).toEqual([
      409,
      'Set SECRETS_KEY on the bridge before storing IncaMail credentials.',
    ]);
    expect((await app.inject({ url: '/api/admin/incamail', headers: admin })).json().source).toBe('sandbox');
  });

  it.each([
    ['another SECRETS_KEY', { SECRETS_KEY: randomBytes(32).toString('base64') }, /cannot be decrypted/],
    ['no SECRETS_KEY', {}, /SECRETS_KEY is not set/],
  ])('keeps working, fails sends closed and says why, when restarted with %s', async (_case, restartEnv, why) => {
    const key = randomBytes(32).toString('base64');
    await start({ SECRETS_KEY: key });
    const smtpUrl = `smtp://acme:${PASSWORD}@127.0.0.1:${sink.port}`;
    const stored = await app.inject({
      method: 'PUT',
      url: '/api/admin/incamail',
      headers: await headers('boss@example.ch'),
      payload: { smtpUrl },
    });
    expect(stored.statusCode).toBe(200);
    await app.close();
    await sink.close();

    // The environment names another route: the admin's stored one must not be silently replaced by it.
    const fallback = await startSmtpSink();
    try {
      await start({ ...restartEnv, INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${fallback.port}` });
      const user = await headers('anna.keller@example.ch');
      const policy = await app.inject({ url: '/api/policy', headers: user });
      expect(policy.statusCode).toBe(200);
      expect(policy.json().route).toBe('relay');

      const admin = await app.inject({ url: '/api/admin/incamail', headers: await headers('boss@example.ch') });
      expect(admin.statusCode).toBe(200);
      expect(admin.json()).toMatchObject({ source: 'admin', problem: expect.stringMatching(why) });

      const sent = await app.inject({
        method: 'POST',
        url: '/api/sends?wait=5',
        headers: { ...user, 'idempotency-key': 'key-after-restart' },
        payload: sendRequest(),
      });
      expect(sent.statusCode).toBe(502);
      expect(sent.json().error).toMatchObject({ code: 'upstream_unavailable', message: expect.stringMatching(why) });
      expect(fallback.dataAttempts()).toBe(0);
      expect(sink.dataAttempts()).toBe(0);
    } finally {
      await fallback.close();
    }
  });

  it('refuses a SECRETS_KEY that is not 32 bytes at start-up', () => {
    expect(() => loadConfig({ SECRETS_KEY: randomBytes(8).toString('base64') })).toThrow(
      /SECRETS_KEY: must be 32 random bytes/,
    );
  });

  it('lets an admin choose the route at run time, audited, with the next send following it', async () => {
    await start({});
    const admin = await headers('boss@example.ch');
    const user = await headers('anna.keller@example.ch');
    const url = '/api/admin/incamail/route';
    expect((await app.inject({ url, headers: admin })).json()).toMatchObject({ route: null, source: 'automatic' });
    expect((await app.inject({ method: 'PUT', url, headers: user, payload: { route: 'mailbox' } })).statusCode).toBe(
      403,
    );
    expect((await app.inject({ method: 'PUT', url, headers: admin, payload: { route: 'post' } })).statusCode).toBe(400);

    const chosen = await app.inject({ method: 'PUT', url, headers: admin, payload: { route: 'mailbox' } });
    expect(chosen.json()).toMatchObject({ route: 'mailbox', source: 'admin', updatedBy: 'boss@example.ch' });
    expect((await app.inject({ url: '/api/policy', headers: user })).json()).toMatchObject({ route: 'mailbox' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { ...user, 'idempotency-key': 'route-1' },
      payload: sendRequest(),
    });
    expect(refused.json().error.code).toBe('upstream_unavailable');

    expect((await app.inject({ method: 'DELETE', url, headers: admin })).json()).toMatchObject({ source: 'automatic' });
    expect((await app.inject({ url: '/api/policy', headers: user })).json()).toMatchObject({ route: 'relay' });
    const audit = (await app.inject({ url: '/api/admin/audit', headers: admin })).json();
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining(['PUT /api/admin/incamail/route', 'DELETE /api/admin/incamail/route']),
    );
  });
});
