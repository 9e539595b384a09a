import { isIBANValid, isQRIBAN, isQRReferenceValid, isSCORReferenceValid } from 'swissqrbill/utils';
import { DEMO_CREDITOR } from './company.js';
import { addDays } from './dates.js';
import { generateLedgerData, invoiceTotalCents, REMINDER_FEE_CENTS } from './demo-data.js';

const TODAY = '2026-04-15';

describe('demo ledger data', () => {
  const data = generateLedgerData({ referenceDate: TODAY });
  const invoices = data.documents.filter((d) => d.kind === 'invoice');
  const reminders = data.documents.filter((d) => d.kind === 'reminder');

  it('is the same on every run', () => {
    expect(generateLedgerData({ referenceDate: TODAY })).toEqual(data);
    expect(generateLedgerData({ referenceDate: '2026-04-16' }).customers).toEqual(data.customers);
  });

  it('has customers in every language region with structured Swiss-style addresses', () => {
    expect(data.customers.length).toBeGreaterThanOrEqual(40);
    for (const language of ['de', 'fr', 'it', 'en']) {
      expect(data.customers.filter((c) => c.language === language).length, language).toBeGreaterThanOrEqual(4);
    }
    for (const { address, name } of data.customers) {
      expect(name.length).toBeLessThanOrEqual(70);
      expect(address.street).toMatch(/\S/);
      expect(address.buildingNumber).toMatch(/^\d+$/);
      expect(address.postalCode).toMatch(address.country === 'CH' ? /^\d{4}$/ : /^\d{4,5}$/);
      expect(address.town).toMatch(/\S/);
    }
    expect(new Set(data.customers.map((c) => c.name)).size).toBe(data.customers.length);
  });

  it('gives every customer its own five-digit customer number, apart from its API id', () => {
    const numbers = data.customers.map((c) => c.number);
    expect(numbers.every((n) => /^\d{5}$/.test(n))).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(data.customers.find((c) => c.id === 'cus-10')?.number).toBe('10010');
  });

  it('has shared mail domains, customers with several addresses and a few without any', () => {
    const emails = data.customers.flatMap((c) => c.emails);
    expect(new Set(emails.map((e) => e.toLowerCase())).size).toBe(emails.length);
    const customersPerDomain = new Map<string, number>();
    for (const c of data.customers) {
      for (const domain of new Set(c.emails.map((e) => e.split('@')[1]!))) {
        customersPerDomain.set(domain, (customersPerDomain.get(domain) ?? 0) + 1);
      }
    }
    expect([...customersPerDomain.values()].filter((n) => n > 1).length).toBeGreaterThanOrEqual(2);
    expect(data.customers.filter((c) => c.emails.length > 1).length).toBeGreaterThanOrEqual(3);
    expect(data.customers.filter((c) => c.emails.length === 0).length).toBeGreaterThanOrEqual(2);
    // Demo mail must never reach a real mailbox.
    expect(emails.every((e) => e.endsWith('.example'))).toBe(true);
  });

  it('has at least 300 invoices and 60 reminders at every level, with consistent amounts', () => {
    expect(invoices.length).toBeGreaterThanOrEqual(300);
    expect(reminders.length).toBeGreaterThanOrEqual(60);
    expect(new Set(reminders.filter((r) => r.status === 'open').map((r) => r.level))).toEqual(new Set([1, 2, 3]));
    expect(new Set(invoices.map((i) => i.status))).toEqual(new Set(['draft', 'open', 'paid', 'cancelled']));
    for (const invoice of invoices) {
      expect(invoice.totalCents).toBe(invoiceTotalCents(invoice.lines, invoice.currency));
      expect(invoice.openCents).toBeGreaterThanOrEqual(0);
      expect(invoice.openCents).toBeLessThanOrEqual(invoice.totalCents);
      expect(invoice.dueDate > invoice.issueDate).toBe(true);
      expect(invoice.issueDate <= TODAY).toBe(true);
    }
    for (const reminder of reminders) {
      const invoice = invoices.find((i) => i.rowId === reminder.invoiceRowId)!;
      expect(reminder.feeCents).toBe(REMINDER_FEE_CENTS[reminder.level!]);
      expect(reminder.issueDate > invoice.dueDate).toBe(true);
      expect(reminder.issueDate <= TODAY).toBe(true);
      expect(reminder.openCents).toBe(reminder.status === 'paid' ? 0 : invoice.openCents);
    }
  });

  it('prepares the open reminders for this week: each asks for payment by a day after the seeding day', () => {
    const open = reminders.filter((r) => r.status === 'open');
    expect(open.length).toBeGreaterThanOrEqual(30);
    for (const reminder of open) {
      expect(reminder.dueDate > TODAY, reminder.number).toBe(true);
      expect(reminder.issueDate >= addDays(TODAY, -4), reminder.number).toBe(true);
    }
  });

  it('pays CHF to a QR-IBAN with QR references and EUR to an IBAN with creditor references', () => {
    expect(isQRIBAN(DEMO_CREDITOR.accounts.CHF) && isIBANValid(DEMO_CREDITOR.accounts.CHF)).toBe(true);
    expect(!isQRIBAN(DEMO_CREDITOR.accounts.EUR) && isIBANValid(DEMO_CREDITOR.accounts.EUR)).toBe(true);
    expect(new Set(data.documents.map((d) => d.currency))).toEqual(new Set(['CHF', 'EUR']));
    for (const d of data.documents) {
      const valid =
        d.currency === 'CHF' ? isQRReferenceValid(d.paymentReference) : isSCORReferenceValid(d.paymentReference);
      expect(valid, d.paymentReference).toBe(true);
    }
    expect(new Set(data.documents.map((d) => d.paymentReference)).size).toBe(data.documents.length);
  });
});
