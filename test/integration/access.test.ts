/**
 * Who may call the bridge and what they see, over the whole app (buildApp) with development sign-in:
 * tokens on every route, the sender bound to the caller, sends visible to their sender and to admins,
 * a rate limit per caller, and no SMTP secret in the database, the API or the logs.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Writable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { batchRequest } from '../support/batch-bridge';
import { devToken } from '../support/dev-auth';
import { sendRequest } from '../support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const PASSWORD = 'Gateway-Passw0rd-Secret';

describe('access to the bridge', () => {
  const tempDir = useTempDir();
  let sink: SmtpSink;
  let app: FastifyInstance;
  let logs: string[];
  let dataDir: string;

  async function start(env: Record<string, string> = {}) {
    sink = await startSmtpSink({ auth: { user: 'ledgermail', pass: PASSWORD } });
    dataDir = path.join(tempDir(), 'data');
    logs = [];
    const stream = new Writable({
      write(chunk: Buffer, _encoding, done) {
        logs.push(chunk.toString());
        done();
      },
    });
    const config = loadConfig({
      TLS: 'off',
      DATA_DIR: dataDir,
      ADDIN_DIR: path.join(tempDir(), 'dist'),
      INCAMAIL_SMTP_URL: `smtp://ledgermail:${PASSWORD}@127.0.0.1:${sink.port}`,
      ADMIN_EMAILS: 'boss@example.ch',
      SENDER_ALIASES: 'anna.keller@example.ch=billing@example.ch',
      ...env,
    });
    app = await buildApp({ config, logger: { level: 'trace', stream } });
    await app.ready();
  }

  afterEach(async () => {
    await app?.close();
    await sink?.close();
  });

  const as = async (email: string) => ({ authorization: `Bearer ${await devToken(app, email)}` });
  const post = async (email: string, key: string, body = sendRequest({ from: email })) =>
    app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { ...(await as(email)), 'idempotency-key': key },
      payload: body,
    });

  it('refuses every API route without a valid token, but health and sign-in', async () => {
    await start();
    for (const url of [
      '/api/documents',
      '/api/customers?email=a@b.ch',
      '/api/sends',
      '/api/policy',
      '/api/batches',
      '/api/sandbox/messages',
      '/api/me',
      '/api/admin/audit',
    ]) {
      const response = await app.inject({ url });
      expect([url, response.statusCode]).toEqual([url, 401]);
      const forged = await app.inject({ url, headers: { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' } });
      expect([url, forged.statusCode]).toEqual([url, 401]);
    }
    // Percent-encoded and oddly spelt paths reach the same routes: they need a token too.
    for (const url of [
      '/%61pi/documents',
      '/%61pi/customers?email=a@b.ch',
      '/api/%64ocuments',
      '/%61pi/sandbox/messages',
      '/api/documents/inv-1/%70df',
    ]) {
      const response = await app.inject({ url });
      expect([url, response.statusCode]).toEqual([url, 401]);
    }
    expect((await app.inject({ url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ url: '/api/auth/config' })).json()).toEqual({ mode: 'dev' });
  });

  it('sends only as the caller (or an alias an admin allowed)', async () => {
    await start();
    const foreign = await post('anna.keller@example.ch', 'key-foreign-01', sendRequest({ from: 'ceo@example.ch' }));
    expect(foreign.statusCode).toBe(403);
    expect(foreign.json().error.code).toBe('forbidden');
    const alias = await post('anna.keller@example.ch', 'key-alias-0001', sendRequest({ from: 'billing@example.ch' }));
    expect(alias.statusCode).toBe(202);
    expect(alias.json().status).toBe('accepted');
    expect(sink.messages).toHaveLength(1);
  });

  it('shows a send to its sender and to admins only', async () => {
    await start();
    const sent = await post('anna.keller@example.ch', 'key-visible-01');
    const id = sent.json().id as string;
    const bruno = await as('bruno@example.ch');
    expect((await app.inject({ url: `/api/sends/${id}`, headers: bruno })).statusCode).toBe(404);
    expect((await app.inject({ url: '/api/sends', headers: bruno })).json().items).toEqual([]);
    const anna = await as('anna.keller@example.ch');
    expect((await app.inject({ url: `/api/sends/${id}`, headers: anna })).statusCode).toBe(200);
    const boss = await as('boss@example.ch');
    expect(
      (await app.inject({ url: '/api/sends', headers: boss })).json().items.map((s: { id: string }) => s.id),
    ).toEqual([id]);
    // The same key from another user is another send, not a replay of Anna's.
    const brunoSend = await post('bruno@example.ch', 'key-visible-01');
    expect(brunoSend.json().id).not.toBe(id);
  });

  it('finds a send by its key for its own sender only, admins included', async () => {
    await start();
    const sent = await post('anna.keller@example.ch', 'key-lookup-01');
    const byKey = (headers: Record<string, string>, key = 'key-lookup-01') =>
      app.inject({ url: `/api/sends/by-key?key=${encodeURIComponent(key)}`, headers });
    const anna = await byKey(await as('anna.keller@example.ch'));
    expect(anna.statusCode).toBe(200);
    expect(anna.json().id).toBe(sent.json().id);
    // A key belongs to its sender: another user's, even an admin's, lookup of it finds nothing.
    expect((await byKey(await as('bruno@example.ch'))).statusCode).toBe(404);
    expect((await byKey(await as('boss@example.ch'))).statusCode).toBe(404);
    expect((await byKey(await as('anna.keller@example.ch'), 'key-lookup-02')).statusCode).toBe(404);
  });

  it('limits how many sends a caller starts per minute', async () => {
    await start({ SEND_RATE_PER_MINUTE: '2' });
    expect((await post('anna.keller@example.ch', 'key-rate-0001')).statusCode).toBe(202);
    expect((await post('anna.keller@example.ch', 'key-rate-0002')).statusCode).toBe(202);
    const third = await post('anna.keller@example.ch', 'key-rate-0003');
    expect(third.statusCode).toBe(429);
    expect(third.json().error.message).toMatch(/^Too many secure sends/);
    expect(
      (await post('bruno@example.ch', 'key-rate-0004', sendRequest({ from: 'bruno@example.ch' }))).statusCode,
    ).toBe(202);
  });

  it('counts only new sends and reminder runs against the rate: a replayed click or a preview is free', async () => {
    await start({ SEND_RATE_PER_MINUTE: '2' });
    const anna = 'anna.keller@example.ch';
    expect((await post(anna, 'key-rate-0101')).statusCode).toBe(202);
    // Clicking Registered again on the same draft replays the first send: the answer, not a second letter.
    for (let i = 0; i < 3; i++) expect((await post(anna, 'key-rate-0101')).statusCode).toBe(200);
    const documents = await app.inject({
      url: '/api/documents?kind=reminder&limit=3',
      headers: await as(anna),
    });
    const reminderIds = (documents.json().items as { id: string }[]).map((d) => d.id);
    for (let i = 0; i < 3; i++) {
      const preview = await app.inject({
        method: 'POST',
        url: '/api/batches/preview',
        headers: await as(anna),
        payload: batchRequest(reminderIds),
      });
      expect(preview.statusCode).toBe(200);
    }
    expect((await post(anna, 'key-rate-0102')).statusCode).toBe(202);
    expect((await post(anna, 'key-rate-0103')).statusCode).toBe(429);
    // Over the limit, a click on an already sent draft still gets its answer.
    expect((await post(anna, 'key-rate-0101')).statusCode).toBe(200);
  });

  it('audits every send with the caller from the token', async () => {
    await start();
    await post('anna.keller@example.ch', 'key-audit-001');
    const { items } = (await app.inject({ url: '/api/admin/audit', headers: await as('boss@example.ch') })).json();
    expect(items[0]).toMatchObject({ actorEmail: 'anna.keller@example.ch', action: 'POST /api/sends', result: '202' });
  });

  it('keeps the SMTP password out of the database, the API and the logs', async () => {
    await start();
    const bodies: string[] = [];
    for (const key of ['key-secret-001', 'key-secret-002'])
      bodies.push((await post('anna.keller@example.ch', key)).body);
    const anna = await as('anna.keller@example.ch');
    for (const url of ['/api/sends', '/api/policy', '/api/me', '/api/sandbox/messages', '/api/documents?limit=5']) {
      bodies.push((await app.inject({ url, headers: anna })).body);
    }
    expect(sink.logins()).toBeGreaterThan(0);
    await app.close();
    const files = readdirSync(dataDir, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.join(entry.parentPath, entry.name));
    expect(files.some((f) => f.endsWith('ledgermail.sqlite'))).toBe(true);
    const encoded = Buffer.from(`\0ledgermail\0${PASSWORD}`).toString('base64');
    for (const file of files) {
      const bytes = readFileSync(file);
      expect([file, bytes.includes(PASSWORD)]).toEqual([file, false]);
      expect([file, bytes.includes(encoded)]).toEqual([file, false]);
    }
    for (const text of [...bodies, ...logs]) {
      expect(text).not.toContain(PASSWORD);
      expect(text).not.toContain(encoded);
    }
    expect(logs.length).toBeGreaterThan(0);
  });
});
