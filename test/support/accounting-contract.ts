import type { DocumentSummary } from '../../src/contract/documents.schemas.js';
import type { DocumentQueryInput } from '../../src/contract/documents-query.schemas.js';
import { DocumentQuerySchema } from '../../src/contract/documents-query.schemas.js';
import { AppError } from '../../src/contract/errors.js';
import type { AccountingConnector } from '../../src/server/accounting/connector.js';
import { daysBetween } from '../../src/server/accounting/ledger/dates.js';
import {
  FIXTURE_COMPANY,
  FIXTURE_CUSTOMERS,
  FIXTURE_INVOICES,
  FIXTURE_REMINDER_POLICY,
  FIXTURE_TODAY,
  fixtureCustomer,
  type FixtureInvoice,
} from './accounting-fixture.js';
import { pdfText } from './pdf-reader.js';

/**
 * The contract every accounting connector keeps, asked of each backend over the same fixture
 * (accounting-fixture.ts): the built-in ledger on a real SQLite file, bexio and WinBIZ Cloud through msw
 * stand-ins built from their documented answers. What differs between backends is declared, not skipped.
 */
export type ContractBackend = {
  connector: AccountingConnector;
  /**
   * Where reminders come from: `stored`, the accounting's own (the fixture's `reminders`); `derived`, one per
   * overdue invoice at the level its days overdue reach (FIXTURE_REMINDER_POLICY), as on WinBIZ.
   */
  reminders: 'stored' | 'derived';
  /** The exact bytes the backend serves for a document's PDF, where it renders its own (bexio). */
  backendPdf?: (documentNumber: string) => Buffer;
};

const query = (input: DocumentQueryInput) => DocumentQuerySchema.parse(input);

/** Expected status of a fixture invoice on FIXTURE_TODAY. */
export function expectedStatus(invoice: FixtureInvoice) {
  if (invoice.state === 'issued') return invoice.dueDate < FIXTURE_TODAY ? 'overdue' : 'open';
  return invoice.state;
}

/** What is still to pay: nothing on a paid or cancelled invoice, the whole on a draft. */
const openCents = (invoice: FixtureInvoice) =>
  invoice.state === 'paid' || invoice.state === 'cancelled' ? 0 : invoice.totalCents - invoice.paidCents;

/** Every page of a query, following `nextCursor`; fails on a page that repeats a document. */
export async function allPages(connector: AccountingConnector, input: DocumentQueryInput) {
  const items: DocumentSummary[] = [];
  let cursor: string | undefined;
  for (let page = 0; page < 100; page += 1) {
    const result = await connector.listDocuments(query({ ...input, ...(cursor ? { cursor } : {}) }));
    items.push(...result.items);
    if (result.nextCursor === null) break;
    cursor = result.nextCursor;
  }
  expect(new Set(items.map((i) => i.id)).size).toBe(items.length);
  return items;
}

const byNewest = (invoices: FixtureInvoice[]) =>
  [...invoices].sort((a, b) => (a.issueDate < b.issueDate ? 1 : -1)).map((i) => i.number);

/** The level a backend without reminders derives from days overdue. */
export function derivedLevel(invoice: FixtureInvoice): 1 | 2 | 3 | undefined {
  const days = daysBetween(invoice.dueDate, FIXTURE_TODAY);
  const { thresholds } = FIXTURE_REMINDER_POLICY;
  if (days >= thresholds[3]) return 3;
  if (days >= thresholds[2]) return 2;
  if (days >= thresholds[1]) return 1;
  return undefined;
}

export function describeAccountingContract(name: string, setup: () => Promise<ContractBackend>): void {
  describe(`accounting contract: ${name}`, () => {
    let backend: ContractBackend;
    let connector: AccountingConnector;
    beforeEach(async () => {
      backend = await setup();
      connector = backend.connector;
    });

    const invoiceByNumber = async (number: string) => {
      const [found] = (await connector.listDocuments(query({ kind: 'invoice', q: number }))).items.filter(
        (d) => d.number === number,
      );
      if (!found) throw new Error(`${name} lists no invoice ${number}`);
      return found;
    };

    it('finds a customer by any of its addresses, whatever their case', async () => {
      const mueller = fixtureCustomer('mueller');
      const [found, ...others] = await connector.findCustomersByEmail(['INFO@mueller-baeckerei.example']);
      expect(others).toEqual([]);
      expect(found).toMatchObject({
        number: mueller.number,
        name: mueller.name,
        language: 'de',
        email: mueller.emails[0],
        address: mueller.address,
      });
      expect(found!.emails.map((e) => e.toLowerCase())).toEqual(mueller.emails.map((e) => e.toLowerCase()));
      expect(await connector.findCustomersByEmail(['nobody@nowhere.example'])).toEqual([]);
    });

    it("lists the recipients' invoices first: exactly theirs, newest first, each with its customer", async () => {
      const items = await allPages(connector, { kind: 'invoice', customerEmail: 'info@mueller-baeckerei.example' });
      const mine = FIXTURE_INVOICES.filter((i) => i.customerKey === 'mueller');
      expect(items.map((i) => i.number)).toEqual(byNewest(mine));
      for (const item of items) {
        expect(item.customer).toMatchObject({ name: 'Bäckerei Müller GmbH', number: '20001', language: 'de' });
      }
    });

    it('answers every invoice with its status, amounts and currency on the day', async () => {
      const items = await allPages(connector, { kind: 'invoice', limit: 200 });
      expect(items.map((i) => i.number).sort()).toEqual(FIXTURE_INVOICES.map((i) => i.number).sort());
      for (const invoice of FIXTURE_INVOICES) {
        const item = items.find((i) => i.number === invoice.number)!;
        expect(item, invoice.number).toMatchObject({
          kind: 'invoice',
          status: expectedStatus(invoice),
          currency: invoice.currency,
          total: invoice.totalCents / 100,
          openAmount: openCents(invoice) / 100,
          issueDate: invoice.issueDate,
          dueDate: invoice.dueDate,
          invoiceId: null,
          level: null,
        });
        const customer = fixtureCustomer(invoice.customerKey);
        expect(item.customer.language, invoice.number).toBe(customer.language);
      }
    });

    it('pages with the cursor it hands out, and refuses one it never did', async () => {
      const whole = await allPages(connector, { kind: 'invoice', customerEmail: 'info@mueller-baeckerei.example' });
      const paged = await allPages(connector, {
        kind: 'invoice',
        customerEmail: 'info@mueller-baeckerei.example',
        limit: 2,
      });
      expect(paged.map((i) => i.id)).toEqual(whole.map((i) => i.id));
      const first = await connector.listDocuments(query({ kind: 'invoice', limit: 2 }));
      expect(first.items).toHaveLength(2);
      expect(first.nextCursor).not.toBeNull();
      await expect(connector.listDocuments(query({ kind: 'invoice', cursor: 'not-a-cursor' }))).rejects.toMatchObject({
        code: 'bad_request',
      });
    });

    it('filters by status and by days overdue, and counts what it lists', async () => {
      const overdue = await allPages(connector, { kind: 'invoice', status: 'overdue' });
      const expected = FIXTURE_INVOICES.filter((i) => expectedStatus(i) === 'overdue');
      expect(overdue.map((i) => i.number)).toEqual(byNewest(expected));
      // RE-2026-0108 is 20 days overdue: in at 20, out at 21.
      const at20 = await allPages(connector, { kind: 'invoice', overdueDays: 20 });
      const at21 = await allPages(connector, { kind: 'invoice', overdueDays: 21 });
      expect(at20.map((i) => i.number)).toContain('RE-2026-0108');
      expect(at21.map((i) => i.number)).not.toContain('RE-2026-0108');
      const count = await connector.countDocuments({ kind: 'invoice', status: ['overdue'] });
      expect(count).toEqual({ count: expected.length, exact: true });
    });

    it('searches by document number and by customer name', async () => {
      const byNumber = await allPages(connector, { q: 'RE-2026-0106' });
      expect(byNumber.filter((d) => d.kind === 'invoice').map((d) => d.number)).toEqual(['RE-2026-0106']);
      const byName = await allPages(connector, { kind: 'invoice', q: 'rossi' });
      expect(byName.map((d) => d.number)).toEqual(['RE-2026-0108']);
    });

    it("opens a document's detail: lines that add up, the customer's address, a payment reference", async () => {
      const summary = await invoiceByNumber('RE-2026-0101');
      const detail = await connector.getDocument(summary.id);
      expect(detail).toMatchObject({ id: summary.id, number: 'RE-2026-0101', total: summary.total });
      // Lines are net; the total adds each line's VAT (CHF rounded to 5 Rappen).
      const gross = detail!.lines.reduce((sum, l) => sum + l.amount * (1 + l.vatRate / 100), 0);
      expect(Math.abs(gross - summary.total)).toBeLessThanOrEqual(0.05);
      expect(detail!.customerAddress).toEqual(fixtureCustomer('mueller').address);
      // A backend that prints its own QR-bills may not say which reference they carry (null); LedgerMail's do.
      if (detail!.paymentReference !== null || !backend.backendPdf) {
        expect(detail!.paymentReference).toMatch(/^(\d{27}|RF\d{2}[A-Za-z0-9]{1,21})$/);
      }
      expect(await connector.getDocument('inv-999999')).toBeUndefined();
      expect(await connector.getDocument('nonsense')).toBeUndefined();
    });

    it("serves a document's PDF with its number in the file name", async () => {
      const summary = await invoiceByNumber('RE-2026-0108');
      const pdf = await connector.getDocumentPdf(summary.id);
      expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(pdf!.fileName).toContain('RE-2026-0108');
      if (backend.backendPdf) {
        expect(pdf!.content.equals(backend.backendPdf('RE-2026-0108'))).toBe(true);
      } else {
        expect(pdfText(pdf!.content)).toContain('RE-2026-0108');
      }
      expect(await connector.getDocumentPdf('inv-999999')).toBeUndefined();
    });

    it('lists the reminders a run would send, each tied to its invoice with its level and fee', async () => {
      const reminders = await allPages(connector, { kind: 'reminder', limit: 200 });
      const invoices = await allPages(connector, { kind: 'invoice', limit: 200 });
      const numberOf = (id: string | null) => invoices.find((i) => i.id === id)?.number;
      const seen = reminders.map((r) => ({ invoice: numberOf(r.invoiceId), level: r.level, fee: r.fee }));
      const expected =
        backend.reminders === 'stored'
          ? FIXTURE_INVOICES.flatMap((i) =>
              i.reminders.map((r) => ({ invoice: i.number, level: r.level, fee: r.feeCents / 100 })),
            )
          : FIXTURE_INVOICES.filter((i) => expectedStatus(i) === 'overdue' && derivedLevel(i)).map((i) => ({
              invoice: i.number,
              level: derivedLevel(i)!,
              fee: FIXTURE_REMINDER_POLICY.feeCents[derivedLevel(i)!] / 100,
            }));
      const key = (r: { invoice?: string | undefined; level: number | null }) => `${r.invoice}/${r.level}`;
      expect(seen.map(key).sort()).toEqual(expected.map(key).sort());
      for (const reminder of reminders) {
        const invoice = invoices.find((i) => i.id === reminder.invoiceId)!;
        expect(reminder.openAmount, reminder.number).toBe(invoice.openAmount);
        expect(reminder.customer.id, reminder.number).toBe(invoice.customer.id);
        expect(reminder.fee, reminder.number).toBe(
          seen.find((s) => s.invoice === invoice.number && s.level === reminder.level)!.fee,
        );
      }
      const level2 = await allPages(connector, { kind: 'reminder', level: '2' });
      expect(level2.every((r) => r.level === 2)).toBe(true);
      const first = reminders[0]!;
      const pdf = await connector.getDocumentPdf(first.id);
      expect(pdf!.content.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    });

    it('remembers what went out, once per send, and filters on it', async () => {
      const summary = await invoiceByNumber('RE-2026-0109');
      const record = {
        documentIds: [summary.id],
        mode: 'registered' as const,
        sentAt: `${FIXTURE_TODAY}T09:30:00.000Z`,
        sentBy: 'anna@sonnenberg-holzbau.example',
        sendId: 'snd-contract-1',
      };
      const before = await allPages(connector, { kind: 'invoice', notSent: 'true' });
      expect(before.map((d) => d.number)).toContain('RE-2026-0109');
      await connector.recordSent(record);
      await connector.recordSent(record);
      const after = await connector.getDocument(summary.id);
      expect(after!.lastSent).toEqual({ at: record.sentAt, mode: 'registered', sendId: 'snd-contract-1' });
      const notSent = await allPages(connector, { kind: 'invoice', notSent: 'true' });
      expect(notSent.map((d) => d.number)).not.toContain('RE-2026-0109');
      expect(notSent).toHaveLength(before.length - 1);
      const sent = await allPages(connector, { kind: 'invoice', notSent: 'false' });
      expect(sent.map((d) => d.number)).toEqual(['RE-2026-0109']);
    });

    it('refuses to record a send for a document it does not know, and records none of the send', async () => {
      const summary = await invoiceByNumber('RE-2026-0102');
      await expect(
        connector.recordSent({
          documentIds: [summary.id, 'inv-999999'],
          mode: 'confidential',
          sentAt: `${FIXTURE_TODAY}T10:00:00.000Z`,
          sentBy: 'anna@sonnenberg-holzbau.example',
          sendId: 'snd-contract-2',
        }),
      ).rejects.toBeInstanceOf(AppError);
      expect((await connector.getDocument(summary.id))!.lastSent).toBeNull();
    });

    it('names the company that signs the messages', async () => {
      const company = await connector.getCompany();
      expect(company.name).toBe(FIXTURE_COMPANY.name);
      expect(company.signature[0]).toBe(FIXTURE_COMPANY.name);
      expect(company.signature.join('\n')).toContain('Luzern');
    });

    it('has no customer beyond the fixture', async () => {
      const emails = FIXTURE_CUSTOMERS.flatMap((c) => c.emails);
      const found = await connector.findCustomersByEmail(emails);
      expect(found.map((c) => c.number).sort()).toEqual(FIXTURE_CUSTOMERS.map((c) => c.number).sort());
    });
  });
}
