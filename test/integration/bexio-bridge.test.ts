/**
 * The whole bridge on ACCOUNTING=bexio: the documents API over the bexio stand-in (msw at the network edge,
 * bexio's documented answers), a registered send through a loopback SMTP server that marks the invoice as
 * sent in bexio exactly once, the readiness check, and an admin who stores a token at run time.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { setupServer } from 'msw/node';
import type { DocumentPage } from '../../src/contract/documents.schemas';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { FIXTURE_TODAY } from '../support/accounting-fixture';
import { createBexioAuthStandIn } from '../support/bexio/bexio-auth-stand-in';
import { createBexioStandIn, type BexioStandIn } from '../support/bexio/bexio-stand-in';
import { STAND_IN_TOKEN } from '../support/bexio/bexio-seed';
import { devToken } from '../support/dev-auth';
import { eventually } from '../support/eventually';
import { documentSend } from '../support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const BEXIO = 'https://bexio.stand-in.example';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the bridge on bexio', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let bexio: BexioStandIn;

  async function start(env: Record<string, string>) {
    bexio = createBexioStandIn({ baseUrl: BEXIO });
    server.resetHandlers(...bexio.handlers);
    sink = await startSmtpSink();
    app = await buildApp({
      config: loadConfig({
        TLS: 'off',
        DATA_DIR: path.join(tempDir(), 'data'),
        ADDIN_DIR: path.join(tempDir(), 'dist'),
        INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        INCAMAIL_RETRY_SECONDS: '0.05',
        ADMIN_EMAILS: 'boss@sonnenberg-holzbau.example',
        ACCOUNTING: 'bexio',
        BEXIO_API_URL: BEXIO,
        ...env,
      }),
      logger: false,
      today: () => FIXTURE_TODAY,
    });
    await app.ready();
  }
  afterEach(async () => {
    await app?.close();
    await sink?.close();
  });

  const auth = async (email = 'anna@sonnenberg-holzbau.example', role: 'user' | 'admin' = 'user') => ({
    authorization: `Bearer ${await devToken(app, email, role)}`,
  });

  it("lists a recipient's bexio invoices, attaches bexio's bytes, and marks the invoice sent once", async () => {
    await start({ BEXIO_TOKEN: STAND_IN_TOKEN });
    const headers = await auth();
    const listed = await app.inject({
      url: '/api/documents?kind=invoice&customerEmail=info@mueller-baeckerei.example',
      headers,
    });
    expect(listed.statusCode).toBe(200);
    const page = listed.json() as DocumentPage;
    expect(page.source).toEqual({ backend: 'bexio', pdfs: 'backend' });
    const invoice = page.items.find((d) => d.number === 'RE-2026-0101')!;
    expect(invoice.status).toBe('overdue');

    const pdf = await app.inject({ url: `/api/documents/${invoice.id}/pdf`, headers });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.rawPayload.equals(bexio.pdfOf('RE-2026-0101'))).toBe(true);

    const sendOfInvoice = () =>
      documentSend({
        from: 'anna@sonnenberg-holzbau.example',
        to: 'buchhaltung@mueller-baeckerei.example',
        pdf: { name: 'Rechnung-RE-2026-0101.pdf', content: pdf.rawPayload },
        documentIds: [invoice.id],
      });
    const send = await app.inject({
      method: 'POST',
      url: '/api/sends?wait=20',
      headers: { ...headers, 'idempotency-key': 'bexio-send-1' },
      payload: sendOfInvoice(),
    });
    expect(send.json()).toMatchObject({ status: 'accepted' });
    expect(sink.messages).toHaveLength(1);
    await eventually(async () => expect(bexio.state.markedAsSent).toEqual([invoice.id]));
    await eventually(async () =>
      expect((await app.inject({ url: `/api/sends/${send.json().id}`, headers })).json()).toMatchObject({
        accountingUpdate: 'settled',
      }),
    );
    const after = await app.inject({ url: `/api/documents/${invoice.id}`, headers });
    expect(after.json()).toMatchObject({ lastSent: { mode: 'registered' } });

    // The same key again sends nothing and marks nothing more.
    const again = await app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { ...headers, 'idempotency-key': 'bexio-send-1' },
      payload: sendOfInvoice(),
    });
    expect(again.json()).toMatchObject({ status: 'accepted' });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.messages).toHaveLength(1);
    expect(bexio.state.markedAsSent).toEqual([invoice.id]);
  });

  it('keeps a send accepted when bexio cannot be told, and says the update is pending', async () => {
    await start({ BEXIO_TOKEN: STAND_IN_TOKEN });
    bexio.faults.add({ method: 'POST', path: /mark_as_sent$/, times: 100, reply: { status: 503 } });
    const headers = await auth();
    const page = (
      await app.inject({ url: '/api/documents?kind=invoice&customerEmail=info@mueller-baeckerei.example', headers })
    ).json() as DocumentPage;
    const invoice = page.items.find((d) => d.number === 'RE-2026-0102')!;
    const pdf = await app.inject({ url: `/api/documents/${invoice.id}/pdf`, headers });
    const send = await app.inject({
      method: 'POST',
      url: '/api/sends?wait=20',
      headers: { ...headers, 'idempotency-key': 'bexio-send-pending' },
      payload: documentSend({
        from: 'anna@sonnenberg-holzbau.example',
        to: 'buchhaltung@mueller-baeckerei.example',
        pdf: { name: 'Rechnung-RE-2026-0102.pdf', content: pdf.rawPayload },
        documentIds: [invoice.id],
      }),
    });
    expect(send.json()).toMatchObject({ status: 'accepted', accountingUpdate: 'pending' });
    await eventually(async () =>
      expect(bexio.requests.filter((r) => r.path.endsWith('/mark_as_sent')).length).toBeGreaterThan(0),
    );
    const record = (await app.inject({ url: `/api/sends/${send.json().id}`, headers })).json();
    expect(record).toMatchObject({ status: 'accepted', accountingUpdate: 'pending' });
    expect(bexio.state.markedAsSent).toEqual([]);
    expect(sink.messages).toHaveLength(1);
  });

  it('is ready while bexio takes the token, and says why not once bexio revokes it', async () => {
    await start({ BEXIO_TOKEN: STAND_IN_TOKEN });
    expect((await app.inject('/api/ready')).json()).toMatchObject({
      status: 'ready',
      checks: { accounting: { backend: 'bexio', ok: true } },
    });
    bexio.state.tokens.delete(STAND_IN_TOKEN);
    const ready = await app.inject('/api/ready');
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toMatchObject({
      status: 'not_ready',
      checks: { accounting: { ok: false, problem: 'bexio refused the token: reconnect in the admin settings.' } },
    });
    const listed = await app.inject({ url: '/api/documents?kind=invoice', headers: await auth() });
    expect(listed.statusCode).toBe(502);
    expect(listed.json()).toEqual({
      error: { code: 'accounting_refused', message: 'bexio refused the token: reconnect in the admin settings.' },
    });
  });

  it('takes a token an admin stores at run time, sealed and never shown again', async () => {
    await start({ SECRETS_KEY: randomBytes(32).toString('base64') });
    const user = await auth();
    const before = await app.inject({ url: '/api/documents?kind=invoice', headers: user });
    expect(before.json()).toMatchObject({
      error: { code: 'accounting_refused', message: expect.stringContaining('not connected') },
    });

    const admin = await auth('boss@sonnenberg-holzbau.example', 'admin');
    const refused = await app.inject({
      method: 'PUT',
      url: '/api/admin/accounting/bexio/token',
      headers: user,
      payload: { token: STAND_IN_TOKEN },
    });
    expect(refused.statusCode).toBe(403);
    const put = await app.inject({
      method: 'PUT',
      url: '/api/admin/accounting/bexio/token',
      headers: admin,
      payload: { token: STAND_IN_TOKEN },
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({
      backend: 'bexio',
      bexio: { source: 'admin-token', tokenStoredBy: 'boss@sonnenberg-holzbau.example', oauth: { available: false } },
    });
    expect(put.body).not.toContain(STAND_IN_TOKEN);
    expect((await app.inject({ url: '/api/admin/accounting', headers: admin })).body).not.toContain(STAND_IN_TOKEN);

    const after = await app.inject({ url: '/api/documents?kind=invoice', headers: user });
    expect(after.statusCode).toBe(200);
    expect((after.json() as DocumentPage).items.length).toBeGreaterThan(0);
    const audit = await app.inject({ url: '/api/admin/audit', headers: admin });
    expect(audit.json().items.map((e: { action: string }) => e.action)).toContain(
      'PUT /api/admin/accounting/bexio/token',
    );
  });

  it('lets an admin connect the company by OAuth: bexio sends the browser back once, and the books open', async () => {
    const issuer = 'https://auth.stand-in.example/realms/bexio';
    const oauthEnv = {
      SECRETS_KEY: randomBytes(32).toString('base64'),
      BEXIO_AUTH_URL: issuer,
      BEXIO_CLIENT_ID: 'ledgermail-test',
      BEXIO_CLIENT_SECRET: 'client-secret-of-the-test',
      BEXIO_REDIRECT_URI: 'https://mail.example.ch/api/accounting/bexio/callback',
    };
    await start(oauthEnv);
    const keycloak = createBexioAuthStandIn({
      state: bexio.state,
      issuer,
      clientId: oauthEnv.BEXIO_CLIENT_ID,
      clientSecret: oauthEnv.BEXIO_CLIENT_SECRET,
    });
    server.use(...keycloak.handlers);
    const user = await auth();
    expect(
      (await app.inject({ method: 'POST', url: '/api/admin/accounting/bexio/connect', headers: user })).statusCode,
    ).toBe(403);

    const admin = await auth('boss@sonnenberg-holzbau.example', 'admin');
    const connect = await app.inject({ method: 'POST', url: '/api/admin/accounting/bexio/connect', headers: admin });
    expect(connect.statusCode).toBe(200);
    const { code, state } = keycloak.authorize(connect.json().authorizeUrl);
    // bexio redirects the admin's browser: no bearer token, only the one-time state.
    const callback = `/api/accounting/bexio/callback?${new URLSearchParams({ code, state })}`;
    const back = await app.inject({ url: callback });
    expect(back.statusCode).toBe(200);
    expect(back.headers['content-type']).toMatch(/^text\/html/);
    expect(back.body).toContain('bexio is connected');
    expect((await app.inject({ url: callback })).statusCode).toBe(400);

    const view = (await app.inject({ url: '/api/admin/accounting', headers: admin })).json();
    expect(view.bexio).toMatchObject({ source: 'oauth', oauth: { available: true, connected: true } });
    expect(JSON.stringify(view)).not.toMatch(/at-|rt-/);
    const listed = await app.inject({ url: '/api/documents?kind=invoice', headers: user });
    expect(listed.statusCode).toBe(200);
    const audit = (await app.inject({ url: '/api/admin/audit', headers: admin })).json();
    expect(audit.items).toContainEqual(
      expect.objectContaining({
        action: 'bexio connection',
        result: 'connected',
        actorEmail: 'boss@sonnenberg-holzbau.example',
      }),
    );
  });
});
