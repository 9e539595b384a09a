/**
 * The whole bridge on ACCOUNTING=winbiz, configured as an admin would (environment variables, WinBIZ's public
 * key, the creditor), over the WinBIZ stand-in behind msw: recipients first, a statement whose QR-bill asks
 * exactly WinBIZ's open amount, a send recorded by the bridge, readiness, and a wrong password explained.
 */
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { setupServer } from 'msw/node';
import type { DocumentPage } from '../../src/contract/documents.schemas';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { FIXTURE_COMPANY, FIXTURE_TODAY } from '../support/accounting-fixture';
import { devToken } from '../support/dev-auth';
import { eventually } from '../support/eventually';
import { parseQrBillPayload, pdfText, readQrCodeFromPdf } from '../support/pdf-reader';
import { documentSend } from '../support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';
import { winbizBridgeEnv } from '../support/winbiz/winbiz-env';
import { createWinbizStandIn, type WinbizStandIn } from '../support/winbiz/winbiz-stand-in';

const WINBIZ = 'https://winbiz.stand-in.example';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe('the bridge on WinBIZ Cloud', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let winbiz: WinbizStandIn;

  async function start(env: Record<string, string | undefined> = {}) {
    winbiz = createWinbizStandIn({ today: FIXTURE_TODAY });
    server.resetHandlers(...winbiz.handlers);
    sink = await startSmtpSink();
    app = await buildApp({
      config: loadConfig({
        TLS: 'off',
        DATA_DIR: path.join(tempDir(), 'data'),
        ADDIN_DIR: path.join(tempDir(), 'dist'),
        INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${sink.port}`,
        INCAMAIL_RETRY_SECONDS: '0.05',
        ADMIN_EMAILS: 'boss@sonnenberg-holzbau.example',
        ...winbizBridgeEnv(winbiz, WINBIZ),
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

  const auth = async () => ({ authorization: `Bearer ${await devToken(app, 'anna@sonnenberg-holzbau.example')}` });

  it("lists a recipient's open items first and bills exactly WinBIZ's open amount, saying who made the PDF", async () => {
    await start();
    const headers = await auth();
    const listed = await app.inject({
      url: '/api/documents?kind=invoice&customerEmail=compta@atelier-dubois.example',
      headers,
    });
    expect(listed.statusCode).toBe(200);
    const page = listed.json() as DocumentPage;
    expect(page.source).toEqual({ backend: 'winbiz', pdfs: 'ledgermail' });
    expect(page.items.map((d) => d.number)).toEqual(['RE-2026-0107', 'RE-2026-0106']);
    const invoice = page.items.find((d) => d.number === 'RE-2026-0106')!;
    const item = winbiz.state.documents.find((d) => d.DocumentNumber === 'RE-2026-0106')!;
    expect(invoice.openAmount).toBe((item.totalCents - item.paidCents) / 100);

    const pdf = await app.inject({ url: `/api/documents/${invoice.id}/pdf`, headers });
    expect(pdf.statusCode).toBe(200);
    const qr = parseQrBillPayload(readQrCodeFromPdf(pdf.rawPayload)!);
    expect(qr).toMatchObject({
      amount: invoice.openAmount.toFixed(2),
      currency: 'CHF',
      account: FIXTURE_COMPANY.accounts.CHF,
    });
    expect(pdfText(pdf.rawPayload).replace(/\s+/g, ' ')).toContain(
      'Document établi par LedgerMail à partir du poste ouvert dans WinBIZ Cloud.',
    );

    const send = await app.inject({
      method: 'POST',
      url: '/api/sends?wait=20',
      headers: { ...headers, 'idempotency-key': 'winbiz-send-1' },
      payload: documentSend({
        mode: 'confidential',
        from: 'anna@sonnenberg-holzbau.example',
        to: 'compta@atelier-dubois.example',
        pdf: { name: 'Facture-RE-2026-0106.pdf', content: pdf.rawPayload },
        documentIds: [invoice.id],
      }),
    });
    expect(send.json()).toMatchObject({ status: 'accepted' });
    expect(sink.messages).toHaveLength(1);
    await eventually(async () =>
      expect((await app.inject({ url: `/api/documents/${invoice.id}`, headers })).json()).toMatchObject({
        lastSent: { mode: 'confidential' },
      }),
    );
    const notSent = await app.inject({ url: '/api/documents?kind=invoice&notSent=true&limit=200', headers });
    expect((notSent.json() as DocumentPage).items.map((d) => d.id)).not.toContain(invoice.id);
  });

  it('is ready with the right login, and names the setting to fix when WinBIZ refuses it', async () => {
    await start();
    expect((await app.inject('/api/ready')).json()).toMatchObject({
      status: 'ready',
      checks: { accounting: { backend: 'winbiz', ok: true } },
    });
    await app.close();
    await sink.close();
    await start({ WINBIZ_PASSWORD: 'not-the-password' });
    const ready = await app.inject('/api/ready');
    expect(ready.statusCode).toBe(503);
    const problem = ready.json().checks.accounting.problem as string;
    expect(problem).toContain('WINBIZ_PASSWORD');
    expect(problem).not.toContain('not-the-password');
    const listed = await app.inject({ url: '/api/documents?kind=invoice', headers: await auth() });
    expect(listed.json()).toMatchObject({ error: { code: 'accounting_refused' } });
  });

  it("takes the Cloud user's password an admin stores, sealed, and never shows it again", async () => {
    await start({ WINBIZ_PASSWORD: undefined, SECRETS_KEY: randomBytes(32).toString('base64') });
    const { password } = winbiz.login;
    const ready = await app.inject('/api/ready');
    expect(ready.json().checks.accounting.problem).toBe(
      'WinBIZ Cloud has no password yet: set WINBIZ_PASSWORD or store it in the admin settings.',
    );
    const admin = { authorization: `Bearer ${await devToken(app, 'boss@sonnenberg-holzbau.example', 'admin')}` };
    const url = '/api/admin/accounting/winbiz/password';
    expect((await app.inject({ method: 'PUT', url, headers: await auth(), payload: { password } })).statusCode).toBe(
      403,
    );

    const wrong = await app.inject({ method: 'PUT', url, headers: admin, payload: { password: 'an-old-password' } });
    expect(wrong.json()).toMatchObject({
      backend: 'winbiz',
      winbiz: { source: 'admin', passwordStoredBy: 'boss@sonnenberg-holzbau.example' },
    });
    expect((await app.inject('/api/ready')).json().checks.accounting.problem).toContain('WINBIZ_PASSWORD');

    const right = await app.inject({ method: 'PUT', url, headers: admin, payload: { password } });
    expect(right.body).not.toContain(password);
    expect((await app.inject({ url: '/api/admin/accounting', headers: admin })).body).not.toContain(password);
    expect((await app.inject('/api/ready')).statusCode).toBe(200);
    const listed = await app.inject({ url: '/api/documents?kind=invoice', headers: await auth() });
    expect((listed.json() as DocumentPage).items.length).toBeGreaterThan(0);
  });
});
