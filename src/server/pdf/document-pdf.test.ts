import { isIBANValid, isQRIBAN, isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { checkPdfStructure, parseQrBillPayload, pdfText, readQrCodeFromPdf } from '../../../test/support/pdf-reader';
import { DEMO_CREDITOR } from '../accounting/ledger/company.js';
import { generateLedgerData, type LedgerDocument } from '../accounting/ledger/demo-data.js';
import { createBuiltInLedger, seedDemoLedgerIfEmpty } from '../accounting/ledger/ledger.js';
import { openDatabase } from '../storage/database.js';
import { renderDocumentPdf } from './document-pdf.js';
import { WORDING } from './wording.js';

const TODAY = '2026-04-15';
const data = generateLedgerData({ referenceDate: TODAY });
const idOf = (d: LedgerDocument) => `${d.kind === 'invoice' ? 'inv' : 'rem'}-${d.rowId}`;
const customerOf = (d: LedgerDocument) => data.customers.find((c) => c.id === d.customerId)!;

describe('document PDFs', () => {
  const db = openDatabase(':memory:');
  seedDemoLedgerIfEmpty(db, TODAY);
  const ledger = createBuiltInLedger(db, { today: () => TODAY });
  afterAll(() => db.close());

  const pdfOf = async (d: LedgerDocument) => (await ledger.getDocumentPdf(idOf(d)))!.content;

  it('renders every seeded document as a well-formed PDF', async () => {
    expect(data.documents.length).toBeGreaterThanOrEqual(360);
    for (const document of data.documents) {
      const pdf = await pdfOf(document);
      expect(pdf.subarray(0, 5).toString('latin1'), idOf(document)).toBe('%PDF-');
      expect(() => checkPdfStructure(pdf), idOf(document)).not.toThrow();
    }
  }, 120_000);

  /**
   * Documents that together cover every kind and reminder level both due and settled, and every language
   * and currency of each kind: their QR codes are read back from the rendered page and every field a bank
   * uses is compared with the ledger. (Reading a code costs a poppler run; the sample keeps the file fast.)
   */
  const covered = new Set<string>();
  const sample = data.documents.filter((d) => {
    const state = d.status === 'paid' || d.status === 'cancelled' ? 'settled' : 'due';
    const keys = [
      `${d.kind}${d.level ?? ''}/${state}`,
      `${d.kind}/${customerOf(d).language}`,
      `${d.kind}/${d.currency}`,
    ];
    const adds = keys.some((key) => !covered.has(key));
    keys.forEach((key) => covered.add(key));
    return adds;
  });

  it.each(sample.map((d) => [`${idOf(d)} ${d.kind} ${customerOf(d).language} ${d.currency} ${d.status}`, d] as const))(
    'encodes the payment data of %s in a readable QR-bill',
    async (_, document) => {
      const payload = parseQrBillPayload(readQrCodeFromPdf(await pdfOf(document)) ?? '');
      const customer = customerOf(document);
      expect(payload.header).toEqual({ qrType: 'SPC', version: '0200', coding: '1' });
      expect(payload.trailer).toBe('EPD');
      expect(payload.currency).toBe(document.currency);
      const settled = document.status === 'paid' || document.status === 'cancelled';
      const due = document.kind === 'reminder' ? document.openCents + document.feeCents! : document.openCents;
      expect(payload.amount).toBe(settled ? '' : (due / 100).toFixed(2));
      expect(payload.account).toBe(DEMO_CREDITOR.accounts[document.currency]);
      const a = DEMO_CREDITOR.address;
      expect(payload.creditor).toEqual({
        addressType: 'S',
        name: DEMO_CREDITOR.name,
        street: a.street,
        buildingNumber: a.buildingNumber,
        postalCode: a.postalCode,
        town: a.town,
        country: a.country,
      });
      const d = customer.address;
      expect(payload.debtor).toEqual({
        addressType: 'S',
        name: customer.name,
        street: d.street,
        buildingNumber: d.buildingNumber,
        postalCode: d.postalCode,
        town: d.town,
        country: d.country,
      });
      expect(payload.reference).toBe(document.paymentReference);
      expect(payload.message).toBe(document.number);
      if (document.currency === 'CHF') {
        expect(payload.referenceType).toBe('QRR');
        expect(isQRIBAN(payload.account) && isQRReferenceValid(payload.reference)).toBe(true);
      } else {
        expect(payload.referenceType).toBe('SCOR');
        expect(!isQRIBAN(payload.account) && isSCORReferenceValid(payload.reference)).toBe(true);
      }
      expect(isIBANValid(payload.account)).toBe(true);
    },
  );

  it('covers every kind, language, currency and reminder level in the QR sample', () => {
    const seen = (f: (d: LedgerDocument) => unknown) => new Set(sample.map(f));
    expect(seen((d) => d.kind)).toEqual(new Set(['invoice', 'reminder']));
    expect(seen((d) => customerOf(d).language)).toEqual(new Set(['de', 'fr', 'it', 'en']));
    expect(seen((d) => d.currency)).toEqual(new Set(['CHF', 'EUR']));
    expect(seen((d) => d.level)).toEqual(new Set([null, 1, 2, 3]));
  });

  it('prints the customer number the ledger keeps, never its internal id', async () => {
    const customers = new Map(ledger.listCustomers().map((c) => [c.id, c]));
    for (const language of ['de', 'fr', 'it', 'en'] as const) {
      for (const kind of ['invoice', 'reminder'] as const) {
        const document = data.documents.find((d) => d.kind === kind && customerOf(d).language === language)!;
        const customer = customers.get(document.customerId)!;
        expect(customer.number, customer.id).toMatch(/^\d{5}$/);
        const text = pdfText(await pdfOf(document)).replace(/\s+/g, ' ');
        expect(text, `${language} ${kind}`).toContain(`${WORDING[language].labels.customerNumber} ${customer.number}`);
        expect(text, `${language} ${kind}`).not.toMatch(/cus-\d/);
      }
    }
  });

  it("says plainly, in the customer's language, when LedgerMail produced it from another accounting's data", async () => {
    for (const language of ['de', 'fr', 'it', 'en'] as const) {
      const invoice = data.documents.find((d) => d.kind === 'invoice' && customerOf(d).language === language)!;
      const document = (await ledger.getDocument(idOf(invoice)))!;
      const own = pdfText(await renderDocumentPdf({ document, creditor: DEMO_CREDITOR })).replace(/\s+/g, ' ');
      const produced = await renderDocumentPdf({ document, creditor: DEMO_CREDITOR, producedFrom: 'WinBIZ Cloud' });
      const text = pdfText(produced).replace(/\s+/g, ' ');
      expect(text, language).toContain(WORDING[language].producedFrom('WinBIZ Cloud'));
      expect(own, language).not.toContain('LedgerMail');
      expect(checkPdfStructure(produced)).toBeGreaterThan(0);
      expect(readQrCodeFromPdf(produced), language).toBeDefined();
    }
  });

  it('renders the same document to the same bytes every time', async () => {
    const reminder = data.documents.find((d) => d.kind === 'reminder' && d.level === 3)!;
    const first = await pdfOf(reminder);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const later = createBuiltInLedger(db, { today: () => '2026-05-01' });
    const second = (await later.getDocumentPdf(idOf(reminder)))!.content;
    expect(second.equals(first)).toBe(true);
  });

  it('words reminders in the customer language, firmer with every level', async () => {
    const reminderIn = (language: string, level: number) =>
      data.documents.find((d) => d.kind === 'reminder' && d.level === level && customerOf(d).language === language);
    const expectations: [string, number, RegExp][] = [
      ['de', 1, /Zahlungserinnerung[\s\S]*entgangen/],
      ['de', 3, /3\. und letzte Mahnung[\s\S]*Betreibung/],
      ['fr', 3, /3e et dernier rappel[\s\S]*poursuite/],
      ['it', 3, /3° e ultimo sollecito[\s\S]*esecuzione/],
      ['en', 3, /Final reminder[\s\S]*debt collection/],
    ];
    for (const [language, level, pattern] of expectations) {
      const reminder = reminderIn(language, level);
      expect(reminder, `${language} level ${level}`).toBeDefined();
      const text = pdfText(await pdfOf(reminder!)).replace(/\s+/g, ' ');
      expect(text, `${language} level ${level}`).toMatch(pattern);
      expect(text).toContain(reminder!.number);
    }
  });
});
