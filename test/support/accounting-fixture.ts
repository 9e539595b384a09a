import type { Address, Currency, ReminderLevel } from '../../src/contract/documents.schemas.js';
import type { Language } from '../../src/contract/locale.js';
import type { Creditor } from '../../src/server/pdf/qr-bill-data.js';

/**
 * One small set of business facts, told to every accounting backend in its own terms: rows of the built-in
 * ledger, bexio's contacts and kb_invoices, WinBIZ's addresses and open items. The contract suite
 * (accounting-contract.ts) then asks each connector the same questions and expects the same answers.
 * Amounts are integer cents; the suite's "today" is FIXTURE_TODAY.
 */
export const FIXTURE_TODAY = '2026-11-20';

export type FixtureCustomer = {
  key: string;
  /** The accounting's customer number. */
  number: string;
  name: string;
  language: Language;
  /** The first is the primary address (bexio `mail`), the second bexio's `mail_second`. */
  emails: string[];
  address: Address;
};

export type FixtureLine = { description: string; quantity: number; unitPriceCents: number; vatRate: number };

export type FixtureReminder = {
  number: string;
  level: ReminderLevel;
  issueDate: string;
  /** The reminder's own payment deadline. */
  dueDate: string;
  feeCents: number;
};

/** `issued`: sent to the customer and not settled; open or overdue depending on its due date. */
export type FixtureInvoiceState = 'draft' | 'issued' | 'paid' | 'cancelled';

export type FixtureInvoice = {
  number: string;
  customerKey: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  lines: FixtureLine[];
  /** Gross total including VAT, as the lines add up. */
  totalCents: number;
  paidCents: number;
  state: FixtureInvoiceState;
  /** Reminders the accounting wrote (bexio, the ledger); WinBIZ has none and derives them (see below). */
  reminders: FixtureReminder[];
};

export const FIXTURE_COMPANY: Creditor = {
  name: 'Sonnenberg Holzbau AG',
  address: { street: 'Werkhofstrasse', buildingNumber: '7', postalCode: '6003', town: 'Luzern', country: 'CH' },
  email: 'buchhaltung@sonnenberg-holzbau.example',
  phone: '+41 41 555 22 10',
  vatNumber: 'CHE-109.322.551 MWST',
  // A QR-IBAN for CHF (QR reference) and a normal IBAN for EUR (creditor reference), valid check digits.
  accounts: { CHF: 'CH4431999123000889012', EUR: 'CH5604835012345678009' },
};

export const FIXTURE_CUSTOMERS: FixtureCustomer[] = [
  {
    key: 'mueller',
    number: '20001',
    name: 'Bäckerei Müller GmbH',
    language: 'de',
    emails: ['buchhaltung@mueller-baeckerei.example', 'Info@Mueller-Baeckerei.example'],
    address: { street: 'Seestrasse', buildingNumber: '41', postalCode: '8002', town: 'Zürich', country: 'CH' },
  },
  {
    key: 'dubois',
    number: '20002',
    name: 'Atelier Dubois Sàrl',
    language: 'fr',
    emails: ['compta@atelier-dubois.example'],
    address: { street: 'Rue de Genève', buildingNumber: '12', postalCode: '1003', town: 'Lausanne', country: 'CH' },
  },
  {
    key: 'rossi',
    number: '20003',
    name: 'Rossi Costruzioni SA',
    language: 'it',
    emails: ['amministrazione@rossi-costruzioni.example'],
    address: { street: 'Via Nassa', buildingNumber: '5', postalCode: '6900', town: 'Lugano', country: 'CH' },
  },
  {
    key: 'alpine',
    number: '20004',
    name: 'Alpine Trails Ltd',
    language: 'en',
    emails: ['accounts@alpine-trails.example'],
    address: { street: 'Höheweg', buildingNumber: '2', postalCode: '3800', town: 'Interlaken', country: 'CH' },
  },
];

const line = (description: string, quantity: number, unitPriceCents: number, vatRate = 8.1): FixtureLine => ({
  description,
  quantity,
  unitPriceCents,
  vatRate,
});

/** Net lines plus VAT, CHF rounded to 5 Rappen as Swiss invoices are (the built-in ledger's rule). */
export function grossCents(lines: readonly FixtureLine[], currency: Currency): number {
  const gross = lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceCents) * (1 + l.vatRate / 100), 0);
  return currency === 'CHF' ? Math.round(gross / 5) * 5 : Math.round(gross);
}

function invoice(fields: Omit<FixtureInvoice, 'totalCents' | 'reminders'> & { reminders?: FixtureReminder[] }) {
  return { ...fields, totalCents: grossCents(fields.lines, fields.currency), reminders: fields.reminders ?? [] };
}

export const FIXTURE_INVOICES: FixtureInvoice[] = [
  invoice({
    number: 'RE-2026-0101',
    customerKey: 'mueller',
    issueDate: '2026-09-01',
    dueDate: '2026-10-01',
    currency: 'CHF',
    lines: [line('Backstube Ausbau, Arbeit', 12, 9500), line('Eichenbretter, geölt', 4, 1250)],
    paidCents: 0,
    state: 'issued',
    reminders: [
      { number: 'RE-2026-0101-M1', level: 1, issueDate: '2026-10-15', dueDate: '2026-10-25', feeCents: 0 },
      { number: 'RE-2026-0101-M2', level: 2, issueDate: '2026-11-18', dueDate: '2026-11-28', feeCents: 2000 },
    ],
  }),
  invoice({
    number: 'RE-2026-0102',
    customerKey: 'mueller',
    issueDate: '2026-11-05',
    dueDate: '2026-12-05',
    currency: 'CHF',
    lines: [line('Ladenregal nach Mass', 1, 44440)],
    paidCents: 0,
    state: 'issued',
  }),
  invoice({
    number: 'RE-2026-0103',
    customerKey: 'mueller',
    issueDate: '2026-06-10',
    dueDate: '2026-07-10',
    currency: 'CHF',
    lines: [line('Türrahmen ersetzt', 2, 18000)],
    paidCents: 38915,
    state: 'paid',
  }),
  invoice({
    number: 'RE-2026-0104',
    customerKey: 'mueller',
    issueDate: '2026-11-19',
    dueDate: '2026-12-19',
    currency: 'CHF',
    lines: [line('Offerte Terrasse', 1, 120000)],
    paidCents: 0,
    state: 'draft',
  }),
  invoice({
    number: 'RE-2026-0105',
    customerKey: 'mueller',
    issueDate: '2026-02-02',
    dueDate: '2026-03-04',
    currency: 'CHF',
    lines: [line('Reparatur Fensterladen', 1, 6940)],
    paidCents: 0,
    state: 'issued',
  }),
  invoice({
    number: 'RE-2026-0106',
    customerKey: 'dubois',
    issueDate: '2026-08-20',
    dueDate: '2026-09-19',
    currency: 'CHF',
    lines: [line('Parquet en chêne, pose', 40, 7800)],
    paidCents: 100000,
    state: 'issued',
    reminders: [{ number: 'RE-2026-0106-M1', level: 1, issueDate: '2026-11-16', dueDate: '2026-11-26', feeCents: 0 }],
  }),
  invoice({
    number: 'RE-2026-0107',
    customerKey: 'dubois',
    issueDate: '2026-10-02',
    dueDate: '2026-11-01',
    currency: 'CHF',
    lines: [line('Escalier, devis annulé', 1, 250000)],
    paidCents: 0,
    state: 'cancelled',
  }),
  invoice({
    number: 'RE-2026-0108',
    customerKey: 'rossi',
    issueDate: '2026-10-01',
    dueDate: '2026-10-31',
    currency: 'EUR',
    lines: [line('Travi lamellari', 8, 10639)],
    paidCents: 0,
    state: 'issued',
    reminders: [
      { number: 'RE-2026-0108-M1', level: 1, issueDate: '2026-11-14', dueDate: '2026-11-24', feeCents: 1000 },
    ],
  }),
  invoice({
    number: 'RE-2026-0109',
    customerKey: 'alpine',
    issueDate: '2026-11-10',
    dueDate: '2026-12-10',
    currency: 'CHF',
    lines: [line('Trail signposts', 6, 2312)],
    paidCents: 0,
    state: 'issued',
  }),
];

export const fixtureCustomer = (key: string): FixtureCustomer => {
  const found = FIXTURE_CUSTOMERS.find((c) => c.key === key);
  if (!found) throw new Error(`no fixture customer ${key}`);
  return found;
};

export const fixtureInvoice = (number: string): FixtureInvoice => {
  const found = FIXTURE_INVOICES.find((i) => i.number === number);
  if (!found) throw new Error(`no fixture invoice ${number}`);
  return found;
};

/** Days overdue from which a backend without reminders (WinBIZ) derives levels 1, 2 and 3, and each fee. */
export const FIXTURE_REMINDER_POLICY = {
  thresholds: { 1: 10, 2: 30, 3: 60 },
  feeCents: { 1: 0, 2: 2000, 3: 4000 },
} as const;
