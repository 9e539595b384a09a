import { DocumentQuerySchema, type DocumentQueryInput } from '../../../contract/documents-query.schemas.js';
import { FIXTURE_COMPANY, FIXTURE_TODAY, fixtureInvoice } from '../../../../test/support/accounting-fixture.js';
import { allPages } from '../../../../test/support/accounting-contract.js';
import { parseQrBillPayload, pdfText, readQrCodeFromPdf } from '../../../../test/support/pdf-reader.js';
import { setupWinbiz } from '../../../../test/support/winbiz/winbiz-harness.js';
import type { StandInDocument } from '../../../../test/support/winbiz/winbiz-seed.js';
import type { WinbizStandIn } from '../../../../test/support/winbiz/winbiz-stand-in.js';
import { addDays } from '../ledger/dates.js';
import { paymentReferenceFor } from '../ledger/references.js';

const { standIn, connector } = setupWinbiz();
const query = (input: DocumentQueryInput) => DocumentQuerySchema.parse(input);
const ALPINE = 104;

function addInvoice(stand: WinbizStandIn, fields: Partial<StandInDocument> & { DocumentId: number }) {
  const invoice: StandInDocument = {
    DocumentType: 20,
    DocumentNumber: `RE-2026-${fields.DocumentId}`,
    DocumentDate: '2026-06-01',
    DueDate: '2026-07-01',
    AddressId: ALPINE,
    currency: 'CHF',
    totalCents: 10_000,
    paidCents: 0,
    IsDraft: false,
    IsCancelled: false,
    ...fields,
  };
  stand.state.documents.push(invoice);
  return invoice;
}

const methodsOf = (stand: WinbizStandIn) => stand.requests.map((r) => r.method);

async function qrOf(content: Buffer) {
  const text = readQrCodeFromPdf(content);
  expect(text).toBeDefined();
  return parseQrBillPayload(text!);
}

describe('WinBIZ Cloud connector', () => {
  it('pages Documents beyond 100 by the largest id received, and lists every invoice once', async () => {
    const stand = standIn();
    // 250 settled invoices besides the fixture's 9: 259 rows, three calls of at most 100.
    for (let id = 6001; id <= 6250; id += 1) addInvoice(stand, { DocumentId: id, paidCents: 10_000 });
    const items = await allPages(connector(stand), { kind: 'invoice', limit: 200 });
    expect(items).toHaveLength(259);
    const documentCalls = stand.requests.filter((r) => r.method === 'Documents').map((r) => r.parameters);
    expect(documentCalls).toEqual([
      [0, 20],
      [6091, 20],
      [6191, 20],
    ]);
  });

  it('stops paging when WinBIZ answers fewer than 100, also right after a full page', async () => {
    const stand = standIn();
    for (let id = 6001; id <= 6091; id += 1) addInvoice(stand, { DocumentId: id, paidCents: 10_000 });
    const winbiz = connector(stand);
    expect(await winbiz.countDocuments({ kind: 'invoice' })).toEqual({ count: 100, exact: true });
    expect(stand.requests.filter((r) => r.method === 'Documents').map((r) => r.parameters[0])).toEqual([0, 6091]);
  });

  it('answers one listing with few requests and serves the next questions from its snapshot', async () => {
    const stand = standIn();
    const winbiz = connector(stand);
    await winbiz.listDocuments(query({ kind: 'invoice' }));
    // Addresses, one Documents page, the open-item counts, and the four addresses that have open items.
    expect(methodsOf(stand).sort()).toEqual(
      ['Addresses', 'AddressesPendingPayments', 'Documents', ...Array(4).fill('AddressPendingPayments')].sort(),
    );
    expect(winbiz.requests).toBe(7);
    const [first] = (await winbiz.listDocuments(query({ kind: 'invoice', q: 'RE-2026-0109' }))).items;
    await winbiz.findCustomersByEmail(['accounts@alpine-trails.example']);
    await winbiz.getDocumentPdf(first!.id);
    await winbiz.recordSent({
      documentIds: [first!.id],
      mode: 'registered',
      sentAt: `${FIXTURE_TODAY}T08:00:00.000Z`,
      sentBy: 'anna@sonnenberg-holzbau.example',
      sendId: 'snd-1',
    });
    // WinBIZ has no "sent" to be told of, and the snapshot answered the rest.
    expect(winbiz.requests).toBe(7);
    const uncached = connector(stand, { cacheMs: 0 });
    await uncached.listDocuments(query({}));
    await uncached.listDocuments(query({}));
    expect(uncached.requests).toBe(14);
  });

  it('renders a statement whose QR-bill asks for exactly the open amount WinBIZ holds', async () => {
    const stand = standIn();
    const winbiz = connector(stand);
    const [summary] = (await winbiz.listDocuments(query({ kind: 'invoice', q: 'RE-2026-0106' }))).items;
    const item = stand.state.documents.find((d) => d.DocumentNumber === 'RE-2026-0106')!;
    const pdf = (await winbiz.getDocumentPdf(summary!.id))!;
    expect(pdf.fileName).toBe('Facture-RE-2026-0106.pdf');
    const qr = await qrOf(pdf.content);
    // Partly paid: 1,000.00 of the total is settled in WinBIZ.
    expect(item.paidCents).toBe(100_000);
    expect(qr.amount).toBe(((item.totalCents - item.paidCents) / 100).toFixed(2));
    expect(qr).toMatchObject({
      currency: 'CHF',
      account: FIXTURE_COMPANY.accounts.CHF,
      referenceType: 'QRR',
      reference: paymentReferenceFor('CHF', item.DocumentId),
      debtor: { name: 'Atelier Dubois Sàrl', street: 'Rue de Genève', buildingNumber: '12', town: 'Lausanne' },
    });
    expect(pdfText(pdf.content).replace(/\s+/g, ' ')).toContain(
      'Document établi par LedgerMail à partir du poste ouvert dans WinBIZ Cloud.',
    );
  });

  it('bills a EUR invoice in euros, from the foreign amounts, with a creditor reference', async () => {
    const stand = standIn();
    const winbiz = connector(stand);
    const [summary] = (await winbiz.listDocuments(query({ kind: 'invoice', q: 'RE-2026-0108' }))).items;
    expect(summary).toMatchObject({ currency: 'EUR', openAmount: fixtureInvoice('RE-2026-0108').totalCents / 100 });
    const qr = await qrOf((await winbiz.getDocumentPdf(summary!.id))!.content);
    expect(qr).toMatchObject({
      currency: 'EUR',
      amount: (fixtureInvoice('RE-2026-0108').totalCents / 100).toFixed(2),
      account: FIXTURE_COMPANY.accounts.EUR,
      referenceType: 'SCOR',
    });
  });

  it("renders a reminder for the open amount plus the level's fee, payable within the term", async () => {
    const stand = standIn();
    const winbiz = connector(stand, { reminderTermDays: 5 });
    const [reminder] = (await winbiz.listDocuments(query({ kind: 'reminder', q: 'RE-2026-0101' }))).items;
    // 50 days overdue: level 2 (from 30 days), fee 20.00.
    expect(reminder).toMatchObject({ id: 'rem-5001-2', number: 'RE-2026-0101-M2', level: 2, fee: 20, status: 'open' });
    expect(reminder).toMatchObject({ issueDate: FIXTURE_TODAY, dueDate: addDays(FIXTURE_TODAY, 5) });
    const pdf = (await winbiz.getDocumentPdf(reminder!.id))!;
    expect(pdf.fileName).toBe('Mahnung-RE-2026-0101-M2.pdf');
    const qr = await qrOf(pdf.content);
    expect(qr.amount).toBe((reminder!.openAmount + 20).toFixed(2));
    expect(qr.reference).toBe(paymentReferenceFor('CHF', 5001));
    // A reminder id names its level: the level the invoice has passed is no document any more.
    expect(await winbiz.getDocument('rem-5001-1')).toBeUndefined();
    expect(await winbiz.getDocument('rem-5002-1')).toBeUndefined();
  });

  it('derives reminder levels on both sides of each threshold, and none before a day overdue', async () => {
    const stand = standIn();
    const days = [0, 1, 9, 10, 29, 30, 59, 60];
    days.forEach((late, index) =>
      addInvoice(stand, { DocumentId: 7001 + index, DueDate: addDays(FIXTURE_TODAY, -late) }),
    );
    const winbiz = connector(stand);
    const invoices = await allPages(winbiz, { kind: 'invoice', limit: 200 });
    const reminders = await allPages(winbiz, { kind: 'reminder', limit: 200 });
    const seen = days.map((late, index) => ({
      late,
      status: invoices.find((i) => i.id === `inv-${7001 + index}`)!.status,
      level: reminders.find((r) => r.invoiceId === `inv-${7001 + index}`)?.level ?? null,
    }));
    expect(seen).toEqual([
      { late: 0, status: 'open', level: null },
      { late: 1, status: 'overdue', level: null },
      { late: 9, status: 'overdue', level: null },
      { late: 10, status: 'overdue', level: 1 },
      { late: 29, status: 'overdue', level: 1 },
      { late: 30, status: 'overdue', level: 2 },
      { late: 59, status: 'overdue', level: 2 },
      { late: 60, status: 'overdue', level: 3 },
    ]);
  });

  it("lists an open item carried over from last year, which this year's Documents do not have", async () => {
    const stand = standIn();
    addInvoice(stand, { DocumentId: 4001, DocumentType: 17, DocumentNumber: 'RE-2025-0931', DueDate: '2025-12-31' });
    const items = await allPages(connector(stand), { kind: 'invoice', q: 'RE-2025-0931' });
    expect(items).toMatchObject([{ id: 'inv-4001', status: 'overdue', openAmount: 100, total: 100 }]);
    expect(stand.requests.find((r) => r.method === 'Documents')!.parameters[1]).toBe(20);
  });

  it('reads the e-mail from the configured field, asking for an ad_ field by name', async () => {
    const stand = standIn();
    stand.state.addresses[3]!.Email = '';
    stand.state.addresses[3]!.extra.ad_utilis1 = 'rechnungen@alpine-trails.example';
    const winbiz = connector(stand, { emailField: 'ad_utilis1' });
    const [found] = await winbiz.findCustomersByEmail(['Rechnungen@Alpine-Trails.example']);
    expect(found).toMatchObject({ name: 'Alpine Trails Ltd', email: 'rechnungen@alpine-trails.example' });
    expect(stand.requests.find((r) => r.method === 'Addresses')!.parameters).toEqual(['', 1, 'ad_utilis1']);
    expect(await connector(stand).findCustomersByEmail(['rechnungen@alpine-trails.example'])).toEqual([]);
  });

  it('refuses a cursor it never handed out before asking WinBIZ anything', async () => {
    const stand = standIn();
    const winbiz = connector(stand);
    await expect(winbiz.listDocuments(query({ cursor: 'not-a-cursor' }))).rejects.toMatchObject({
      code: 'bad_request',
    });
    expect(winbiz.requests).toBe(0);
  });
});
