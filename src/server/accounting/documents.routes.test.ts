import Fastify, { type FastifyInstance } from 'fastify';
import path from 'node:path';
import { useTempDir } from '../../../test/support/temp-dir';
import {
  CustomerListSchema,
  DocumentDetailSchema,
  DocumentCountSchema,
  DocumentPageSchema,
  type DocumentSummary,
} from '../../contract/documents.schemas.js';
import { ErrorBodySchema } from '../../contract/errors.js';
import { signInAs } from '../../../test/support/dev-auth';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { installErrorHandling } from '../http/errors.js';
import { openDatabase, type Db } from '../storage/database.js';
import { contentDisposition, documentsRoutes } from './documents.routes.js';
import { addDays } from './ledger/dates.js';
import { generateLedgerData, type LedgerDocument } from './ledger/demo-data.js';
import { createBuiltInLedger, seedDemoLedgerIfEmpty, type BuiltInLedger } from './ledger/ledger.js';

// The seeded ledger is deterministic for a reference date; the generator is the oracle these tests check
// the API against. "Today" is pinned to the same date so that overdue filters have fixed answers.
const TODAY = '2026-04-15';
const data = generateLedgerData({ referenceDate: TODAY });
const idOf = (d: LedgerDocument) => `${d.kind === 'invoice' ? 'inv' : 'rem'}-${d.rowId}`;
const sorted = (ids: string[]) => [...ids].sort();

describe('documents API', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let db: Db;
  let ledger: BuiltInLedger;

  beforeEach(async () => {
    db = openDatabase(path.join(tempDir(), 'ledgermail.sqlite'));
    seedDemoLedgerIfEmpty(db, TODAY);
    ledger = createBuiltInLedger(db, { today: () => TODAY });
    app = Fastify({ logger: false });
    installErrorHandling(app);
    await app.register(documentsRoutes, { connector: ledger, source: { backend: 'ledger', pdfs: 'ledgermail' } });
  });
  afterEach(async () => {
    await app.close();
    db.close();
  });

  async function get(url: string) {
    const response = await app.inject({ method: 'GET', url });
    return { status: response.statusCode, body: response.json() as unknown, headers: response.headers };
  }

  /**
   * Follows nextCursor to the end; every page must parse with the contract. The count of the same query
   * must be what the pages held (the demo ledger is smaller than the ledger's counting bound).
   */
  async function listAll(query: string, limit = 200): Promise<DocumentSummary[]> {
    const items: DocumentSummary[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/api/documents?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`;
      const { status, body } = await get(url);
      expect(status, url).toBe(200);
      const page = DocumentPageSchema.parse(body);
      items.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    const counted = await get(`/api/documents/count?${query}`);
    expect(counted.status, query).toBe(200);
    expect(DocumentCountSchema.parse(counted.body), query).toEqual({ count: items.length, exact: true });
    return items;
  }

  async function expectBadRequest(url: string, parameter: string) {
    const { status, body } = await get(url);
    expect(status, url).toBe(400);
    const error = ErrorBodySchema.parse(body).error;
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain(parameter);
    // An unknown parameter is an issue of the whole query; its message names it.
    expect(error.details?.some((d) => d.path.split('.')[0] === parameter || d.message.includes(parameter))).toBe(true);
    return error;
  }

  it('lists every seeded invoice, and only invoices, for kind=invoice', async () => {
    const items = await listAll('kind=invoice');
    const expected = data.documents.filter((d) => d.kind === 'invoice').map(idOf);
    expect(expected.length).toBeGreaterThanOrEqual(300);
    expect(sorted(items.map((i) => i.id))).toEqual(sorted(expected));
    expect(items.every((i) => i.kind === 'invoice' && i.level === null)).toBe(true);
  });

  it('lists only third-level reminders for kind=reminder&level=3', async () => {
    const items = await listAll('kind=reminder&level=3');
    const expected = data.documents.filter((d) => d.kind === 'reminder' && d.level === 3).map(idOf);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(items.map((i) => i.id))).toEqual(sorted(expected));
    expect(items.every((i) => i.kind === 'reminder' && i.level === 3 && i.fee === 30)).toBe(true);
  });

  it('returns exactly the documents of two customers named by e-mail, in any letter case', async () => {
    const [first, second] = data.customers.filter((c) => c.emails.length > 1);
    const emails = [first!.emails[1]!.toUpperCase(), second!.emails[0]!];
    const items = await listAll(`customerEmail=${encodeURIComponent(emails.join(', '))}`);
    const expected = data.documents.filter((d) => d.customerId === first!.id || d.customerId === second!.id);
    expect(expected.length).toBeGreaterThan(1);
    expect(sorted(items.map((i) => i.id))).toEqual(sorted(expected.map(idOf)));
    expect(new Set(items.map((i) => i.customer.id))).toEqual(new Set([first!.id, second!.id]));
  });

  it('pages through every document exactly once, newest first, whatever the page size', async () => {
    const items = await listAll('kind=invoice&status=open,overdue,paid,draft,cancelled', 37);
    const all = await listAll('', 23);
    expect(all).toHaveLength(data.documents.length);
    expect(new Set(all.map((i) => i.id)).size).toBe(all.length);
    for (let i = 1; i < all.length; i++) {
      const [a, b] = [all[i - 1]!, all[i]!];
      expect(a.issueDate > b.issueDate || (a.issueDate === b.issueDate && a.id !== b.id)).toBe(true);
    }
    expect(items).toHaveLength(data.documents.filter((d) => d.kind === 'invoice').length);
  });

  it('searches number, customer name and e-mail by substring, ignoring case', async () => {
    // Upper-cased around a non-ASCII letter: SQLite folds only ASCII case by itself.
    const customer = data.customers.find((c) => /\wü/.test(c.name))!;
    const umlaut = customer.name.indexOf('ü');
    const invoice = data.documents.find((d) => d.kind === 'invoice' && d.number.endsWith('042'))!;
    // Four characters go through the trigram indexes, two through a scan: both must fold case.
    const name = customer.name.slice(umlaut - 1, umlaut + 3).toUpperCase();
    const short = customer.name.slice(umlaut - 1, umlaut + 1).toUpperCase();
    for (const q of [name, short, invoice.number.slice(3), 'POSTFACH.EX', 'zzq-none']) {
      const needle = q.toLowerCase();
      const expected = data.documents.filter((d) => {
        const c = data.customers.find((x) => x.id === d.customerId)!;
        return [d.number, c.name, ...c.emails].some((text) => text.toLowerCase().includes(needle));
      });
      const items = await listAll(`q=${encodeURIComponent(q)}`);
      expect(sorted(items.map((i) => i.id)), q).toEqual(sorted(expected.map(idOf)));
    }
  });

  it('filters overdue documents by days past due and by status', async () => {
    const items = await listAll('status=overdue&overdueDays=30');
    const cutoff = addDays(TODAY, -30);
    const expected = data.documents.filter((d) => d.status === 'open' && d.dueDate <= cutoff);
    expect(expected.length).toBeGreaterThan(0);
    expect(sorted(items.map((i) => i.id))).toEqual(sorted(expected.map(idOf)));
    expect(items.every((i) => i.status === 'overdue')).toBe(true);
    const open = await listAll('status=open');
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => i.status === 'open' && i.dueDate >= TODAY)).toBe(true);
  });

  it('shows when a document was last sent and leaves it out of notSent=true', async () => {
    const [reminder] = await listAll('kind=reminder&status=open&notSent=true', 1).then((all) => all.slice(0, 1));
    const sends = [
      { at: '2026-04-14T09:00:00+02:00', mode: 'plain' as const, sendId: 'send-1' },
      { at: '2026-04-15T10:30:00+02:00', mode: 'registered' as const, sendId: 'send-2' },
    ];
    for (const send of sends) {
      const input = { documentIds: [reminder!.id], mode: send.mode, sentAt: send.at, sendId: send.sendId };
      await ledger.recordSent({ ...input, sentBy: 'anna@alpenglut.example' });
    }
    // The outbox may report a send twice; the second report changes nothing.
    await ledger.recordSent({
      documentIds: [reminder!.id],
      mode: 'registered',
      sentAt: '2026-04-15T10:30:00+02:00',
      sentBy: 'anna@alpenglut.example',
      sendId: 'send-2',
    });
    const detail = DocumentDetailSchema.parse((await get(`/api/documents/${reminder!.id}`)).body);
    expect(detail.lastSent).toEqual(sends[1]);
    const notSent = await listAll('kind=reminder&notSent=true');
    expect(notSent.map((i) => i.id)).not.toContain(reminder!.id);
    expect((await listAll('notSent=false')).map((i) => i.id)).toEqual([reminder!.id]);
    await expect(
      ledger.recordSent({
        documentIds: ['inv-1', 'inv-99999'],
        mode: 'plain',
        sentAt: sends[0]!.at,
        sentBy: 'x',
        sendId: 's',
      }),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect((await listAll('notSent=false')).map((i) => i.id)).toEqual([reminder!.id]);
  });

  it('returns a document with its lines, and a reminder with its open amount and fee', async () => {
    const invoice = data.documents.find((d) => d.kind === 'invoice' && d.lines.length > 1)!;
    const detail = DocumentDetailSchema.parse((await get(`/api/documents/${idOf(invoice)}`)).body);
    expect(detail.lines.map((l) => l.amount * 100)).toEqual(invoice.lines.map((l) => l.amountCents));
    expect(detail.paymentReference).toBe(invoice.paymentReference);
    const reminder = data.documents.find((d) => d.kind === 'reminder' && d.level === 2 && d.status === 'open')!;
    const reminded = DocumentDetailSchema.parse((await get(`/api/documents/${idOf(reminder)}`)).body);
    expect(reminded.invoiceId).toBe(`inv-${reminder.invoiceRowId}`);
    expect(reminded.lines.map((l) => l.amount)).toEqual([reminder.openCents / 100, 20]);
  });

  it('answers unknown ids with 404 and bad input with a 400 that names the parameter', async () => {
    for (const url of [
      '/api/documents/inv-99999',
      '/api/documents/rem-1',
      '/api/documents/x',
      '/api/documents/inv-1x/pdf',
    ]) {
      const { status, body } = await get(url);
      expect(status, url).toBe(404);
      expect(ErrorBodySchema.parse(body).error.code).toBe('not_found');
    }
    expect((await expectBadRequest('/api/documents?level=4', 'level')).message).toContain('must be 1, 2 or 3');
    await expectBadRequest('/api/documents?limit=abc', 'limit');
    await expectBadRequest('/api/documents?limit=201', 'limit');
    await expectBadRequest('/api/documents?kind=bill', 'kind');
    await expectBadRequest('/api/documents?status=late', 'status');
    await expectBadRequest('/api/documents?customerEmail=not-an-address', 'customerEmail');
    await expectBadRequest('/api/documents?overdueDays=-1', 'overdueDays');
    await expectBadRequest('/api/documents?colour=red', 'colour');
    await expectBadRequest('/api/documents?kind=invoice&kind=reminder', 'kind');
    await expectBadRequest('/api/customers', 'email');
    await expectBadRequest('/api/customers?email=a@b.ch,nope', 'email');
    // A count has no pages: limit and cursor are not its parameters.
    await expectBadRequest('/api/documents/count?status=late', 'status');
    await expectBadRequest('/api/documents/count?limit=50', 'limit');
    await expectBadRequest('/api/documents/count?cursor=abc', 'cursor');
  });

  it('rejects a tampered cursor with a 400, never a 500', async () => {
    const page = DocumentPageSchema.parse((await get('/api/documents?limit=2')).body);
    const tampered = Buffer.from(JSON.stringify(['2026-02-30', 0])).toString('base64url');
    for (const cursor of [
      'abc',
      tampered,
      page.nextCursor!.slice(0, -2),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      await expectBadRequest(`/api/documents?cursor=${cursor}`, 'cursor');
    }
  });

  it('finds customers by any of their e-mail addresses', async () => {
    const [a, b] = data.customers.filter((c) => c.emails.length > 1);
    const { body } = await get(`/api/customers?email=${a!.emails[1]!.toUpperCase()},${b!.emails[0]},x@nowhere.example`);
    const items = CustomerListSchema.parse(body).items;
    expect(items.map((c) => c.id)).toEqual([a!.id, b!.id]);
    expect(items[0]).toEqual({ ...a, email: a!.emails[0] });
  });

  it('serves the PDF with the file name in the customer language', async () => {
    const expectedPrefix = {
      de: ['Rechnung', 'Mahnung'],
      fr: ['Facture', 'Rappel'],
      it: ['Fattura', 'Sollecito'],
      en: ['Invoice', 'Reminder'],
    };
    for (const [language, [invoicePrefix, reminderPrefix]] of Object.entries(expectedPrefix)) {
      const customers = new Set(data.customers.filter((c) => c.language === language).map((c) => c.id));
      for (const [kind, prefix] of [
        ['invoice', invoicePrefix],
        ['reminder', reminderPrefix],
      ] as const) {
        const document = data.documents.find((d) => d.kind === kind && customers.has(d.customerId))!;
        const response = await app.inject({ method: 'GET', url: `/api/documents/${idOf(document)}/pdf` });
        expect(response.statusCode).toBe(200);
        expect(response.headers['content-type']).toBe('application/pdf');
        expect(response.headers['content-disposition']).toBe(`attachment; filename="${prefix}-${document.number}.pdf"`);
        expect(response.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      }
    }
  });

  it('encodes non-ASCII file names as RFC 6266 filename*', () => {
    expect(contentDisposition('Rechnung-2026-0042.pdf')).toBe('attachment; filename="Rechnung-2026-0042.pdf"');
    expect(contentDisposition('Facture-Genève "1".pdf')).toBe(
      `attachment; filename="Facture-Geneve _1_.pdf"; filename*=UTF-8''Facture-Gen%C3%A8ve%20%221%22.pdf`,
    );
  });
});

describe('bridge on a fresh data directory', () => {
  const tempDir = useTempDir();

  it('seeds the built-in ledger on first start and keeps it on the next', async () => {
    const config = loadConfig({ TLS: 'off', DATA_DIR: path.join(tempDir(), 'data'), ADDIN_DIR: tempDir() });
    let app = await buildApp({ config, logger: false });
    await signInAs(app);
    const first = DocumentPageSchema.parse((await app.inject({ url: '/api/documents?kind=invoice&limit=200' })).json());
    expect(first.items).toHaveLength(200);
    expect(first.items.every((i) => i.kind === 'invoice')).toBe(true);
    await app.close();
    app = await buildApp({ config, logger: false });
    await signInAs(app);
    const again = DocumentPageSchema.parse((await app.inject({ url: '/api/documents?kind=invoice&limit=200' })).json());
    expect(again.items.map((i) => i.id)).toEqual(first.items.map((i) => i.id));
    await app.close();
  });
});
