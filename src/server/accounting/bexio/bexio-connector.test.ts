import { setupServer } from 'msw/node';
import { DocumentQuerySchema, type DocumentQueryInput } from '../../../contract/documents-query.schemas.js';
import { AppError } from '../../../contract/errors.js';
import { FIXTURE_TODAY } from '../../../../test/support/accounting-fixture.js';
import { addBulkInvoices } from '../../../../test/support/bexio/bexio-bulk.js';
import { STAND_IN_TOKEN } from '../../../../test/support/bexio/bexio-seed.js';
import { createBexioStandIn, type BexioStandIn } from '../../../../test/support/bexio/bexio-stand-in.js';
import { addDays } from '../ledger/dates.js';
import { openDatabase, type Db } from '../../storage/database.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createBexioConnector, type BexioConnectorOptions } from './bexio-connector.js';
import { staticBexioToken } from './bexio-oauth.js';

const API = 'https://api.bexio.example';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: Db;
let standIn: BexioStandIn;
let waits: number[];
beforeEach(() => {
  db = openDatabase(':memory:');
  standIn = createBexioStandIn({ baseUrl: API });
  server.use(...standIn.handlers);
  waits = [];
});
afterEach(() => db.close());

function connect(options: Partial<BexioConnectorOptions> = {}) {
  return createBexioConnector({
    apiUrl: API,
    tokens: staticBexioToken(STAND_IN_TOKEN),
    sentRecords: createSentRecords(db, 'bexio'),
    today: () => FIXTURE_TODAY,
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
}

const query = (input: DocumentQueryInput) => DocumentQuerySchema.parse(input);
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('should have failed');
    },
    (error: unknown) => error as AppError,
  );
const send = (documentIds: string[], sendId: string) => ({
  documentIds,
  mode: 'registered' as const,
  sentAt: `${FIXTURE_TODAY}T09:00:00.000Z`,
  sentBy: 'anna@sonnenberg-holzbau.example',
  sendId,
});
// RE-2026-0101 is invoice 1; its level-2 reminder is reminder 2 (bexio-seed.ts numbers them in fixture order).
const INVOICE = 'inv-1';
const REMINDER = 'rem-1-2';

describe('bexio connector, when bexio misbehaves', () => {
  it('waits out a 429 on the PDF endpoint for as long as ratelimit-reset says, then serves the PDF', async () => {
    standIn.faults.add({ path: '/2.0/kb_invoice/8/pdf', reply: { status: 429, headers: { 'ratelimit-reset': '3' } } });
    const pdf = await connect().getDocumentPdf('inv-8');
    expect(waits).toEqual([3000]);
    expect(pdf!.content.equals(standIn.pdfOf('RE-2026-0108'))).toBe(true);
  });

  it('gives up with rate_limited when the reset lies beyond the request budget, without asking again', async () => {
    standIn.faults.add({ path: '/2.0/kb_invoice/8/pdf', reply: { status: 429, headers: { 'ratelimit-reset': '31' } } });
    const error = await failure(connect({ budgetMs: 30_000 }).getDocumentPdf('inv-8'));
    expect(error).toMatchObject({ code: 'rate_limited', status: 429 });
    expect(error.message).toContain('31 s');
    expect(waits).toEqual([]);
    expect(standIn.requests.filter((r) => r.path.endsWith('/pdf'))).toHaveLength(1);
  });

  it('says a revoked token must be reconnected', async () => {
    standIn.state.tokens.delete(STAND_IN_TOKEN);
    const error = await failure(connect().listDocuments(query({ kind: 'invoice' })));
    expect(error).toMatchObject({ code: 'accounting_refused' });
    expect(error.message).toBe('bexio refused the token: reconnect in the admin settings.');
  });

  it('names the scope a 403 is about, and marks nothing', async () => {
    standIn.state.tokens.set('read-only', new Set(['kb_invoice_show', 'contact_show']));
    const connector = connect({ tokens: staticBexioToken('read-only') });
    const error = await failure(connector.recordSent(send([INVOICE], 'snd-scope')));
    expect(error).toMatchObject({ code: 'accounting_refused' });
    expect(error.message).toBe('bexio refused the request: the token lacks scope kb_invoice_edit.');
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(standIn.state.markedAsSent).toEqual([]);
  });

  it('names contact_show when the token may read invoices but not contacts', async () => {
    standIn.state.tokens.set('invoices-only', new Set(['kb_invoice_show', 'kb_invoice_edit']));
    const connector = connect({ tokens: staticBexioToken('invoices-only') });
    const error = await failure(connector.findCustomersByEmail(['compta@atelier-dubois.example']));
    expect(error.message).toBe('bexio refused the request: the token lacks scope contact_show.');
  });

  it('turns a 5xx into accounting_unavailable', async () => {
    standIn.faults.add({ path: '/2.0/kb_invoice', reply: { status: 503, body: { error_code: 503 } } });
    const error = await failure(connect().listDocuments(query({ kind: 'invoice' })));
    expect(error).toMatchObject({ code: 'accounting_unavailable' });
    expect(error.message).toContain('HTTP 503');
  });

  it('refuses an answer that is not JSON, and one whose amounts are not bexio decimals', async () => {
    standIn.faults.add({ path: '/2.0/kb_invoice/1', reply: { raw: '{"id":1,"document_nr":' } });
    expect(await failure(connect().getDocument(INVOICE))).toMatchObject({ code: 'malformed_response' });
    const invoice = standIn.state.invoices[0]!;
    invoice.total = 1606.5;
    expect(await failure(connect().getDocument(INVOICE))).toMatchObject({ code: 'malformed_response' });
  });

  it('gives up on a bexio that does not answer within the timeout', async () => {
    standIn.faults.add({ path: '/2.0/company_profile', reply: { delayMs: 1_000 } });
    const error = await failure(connect({ timeoutMs: 100 }).ping());
    expect(error).toMatchObject({ code: 'accounting_unavailable' });
    expect(error.message).toContain('did not answer');
  });

  it('refuses a "PDF" that is none: another MIME type, or bytes that are not a PDF', async () => {
    const html = Buffer.from('<html>Wartungsarbeiten</html>');
    const file = (mime: string) => ({
      name: 'rechnung.pdf',
      size: html.length,
      mime,
      content: html.toString('base64'),
    });
    standIn.faults.add({ path: '/2.0/kb_invoice/8/pdf', reply: { status: 200, body: file('text/html') } });
    const first = await failure(connect().getDocumentPdf('inv-8'));
    expect(first).toMatchObject({ code: 'malformed_response', message: expect.stringContaining('not a PDF') });
    standIn.faults.add({ path: '/2.0/kb_invoice/8/pdf', reply: { status: 200, body: file('application/pdf') } });
    expect(await failure(connect().getDocumentPdf('inv-8'))).toMatchObject({ code: 'malformed_response' });
  });

  it('resolves unknown documents to undefined, ids of another shape included', async () => {
    const connector = connect();
    expect(await connector.getDocument('rem-1-99')).toBeUndefined();
    expect(await connector.getDocumentPdf('rem-99-1')).toBeUndefined();
    expect(await connector.getDocument('cus-1')).toBeUndefined();
  });
});

describe('bexio connector, telling bexio what was sent', () => {
  it('marks each document as sent exactly once, also when a retry follows a failure halfway', async () => {
    const connector = connect();
    standIn.faults.add({
      method: 'POST',
      path: `/2.0/kb_invoice/1/kb_reminder/2/mark_as_sent`,
      reply: { status: 500 },
    });
    const error = await failure(connector.recordSent(send([INVOICE, REMINDER], 'snd-1')));
    // The outbox retries a recordSent that failed with 5xx; the send itself stays recorded.
    expect(error.status).toBeGreaterThanOrEqual(500);
    expect(standIn.state.markedAsSent).toEqual([INVOICE]);
    expect((await connector.getDocument(REMINDER))!.lastSent).toMatchObject({ sendId: 'snd-1' });

    await connector.recordSent(send([INVOICE, REMINDER], 'snd-1'));
    await connector.recordSent(send([INVOICE, REMINDER], 'snd-1'));
    expect(standIn.state.markedAsSent).toEqual([INVOICE, REMINDER]);
    // Another send of the same invoice: LedgerMail remembers it, bexio already knows.
    await connector.recordSent(send([INVOICE], 'snd-2'));
    expect(standIn.state.markedAsSent).toEqual([INVOICE, REMINDER]);
    expect((await connector.getDocument(INVOICE))!.lastSent).toMatchObject({ sendId: 'snd-2' });
    expect(standIn.state.reminders.find((r) => r.id === 2)!.is_sent).toBe(true);
  });
});

describe('bexio connector, statuses on the day', () => {
  it('counts an invoice due today as open, and one due yesterday as overdue, whatever bexio filters', async () => {
    const connector = connect();
    const numbers = async (status: string) =>
      (await connector.listDocuments(query({ kind: 'invoice', status }))).items.map((i) => i.number);
    const due = standIn.state.invoices.find((i) => i.document_nr === 'RE-2026-0109')!;
    due.is_valid_to = FIXTURE_TODAY;
    expect(await numbers('open')).toContain('RE-2026-0109');
    expect(await numbers('overdue')).not.toContain('RE-2026-0109');
    due.is_valid_to = addDays(FIXTURE_TODAY, -1);
    expect(await numbers('open')).not.toContain('RE-2026-0109');
    expect(await numbers('overdue')).toContain('RE-2026-0109');
    expect(await numbers('open,overdue')).toContain('RE-2026-0109');
  });
});

describe('bexio connector, requests', () => {
  it("finds the recipients' invoices among 5,000 in three requests once bexio's lists are known", async () => {
    addBulkInvoices(standIn.state, 5_000);
    const connector = connect();
    const recipients = query({ kind: 'invoice', customerEmail: 'info@mueller-baeckerei.example' });
    const first = await connector.listDocuments(recipients);
    expect(first.items.map((i) => i.number)).toContain('RE-2026-0101');
    // Two contact searches (mail, mail_second), one invoice search, and currencies, languages, countries.
    expect(connector.requests).toBe(6);
    const before = connector.requests;
    await connector.listDocuments(recipients);
    expect(connector.requests - before).toBe(3);
  });

  it('lists reminders from the overdue invoices only, and clamps a fifth level to 3', async () => {
    const reminder = standIn.state.reminders.find((r) => r.id === 2)!;
    reminder.reminder_level = 5;
    const connector = connect();
    const reminders = (await connector.listDocuments(query({ kind: 'reminder', level: '3' }))).items;
    expect(reminders.map((r) => r.id)).toEqual([REMINDER]);
    const asked = standIn.requests.filter((r) => r.path.includes('/kb_reminder')).map((r) => r.path);
    // Only the overdue invoices of the fixture (1, 5, 6, 8): bexio writes reminders for invoices past their deadline.
    expect(asked.sort()).toEqual([1, 5, 6, 8].map((id) => `/2.0/kb_invoice/${id}/kb_reminder`));
  });

  it("asks each overdue invoice's reminders once, until bexio changes the invoice or ten minutes pass", async () => {
    let clock = 0;
    const connector = connect({ now: () => clock });
    const reminderRequests = () => standIn.requests.filter((r) => r.path.endsWith('/kb_reminder')).length;
    await connector.listDocuments(query({ kind: 'reminder' }));
    clock += 5 * 60_000;
    await connector.listDocuments(query({ kind: 'reminder' }));
    expect(reminderRequests()).toBe(4);
    // bexio changed invoice 1 (a new reminder, a payment): its reminders are asked again, the others not.
    standIn.state.invoices[0]!.updated_at = '2026-11-20 11:00:00';
    await connector.listDocuments(query({ kind: 'reminder' }));
    expect(reminderRequests()).toBe(5);
    clock += 10 * 60_000;
    await connector.listDocuments(query({ kind: 'reminder' }));
    expect(reminderRequests()).toBe(9);
  });
});
