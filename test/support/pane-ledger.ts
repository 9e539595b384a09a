import type { Currency, ReminderLevel } from '../../src/contract/documents.schemas';
import type { Language } from '../../src/contract/locale';
import { addDays } from '../../src/server/accounting/ledger/dates';
import {
  customerNumberFor,
  REMINDER_FEE_CENTS,
  type LedgerCustomer,
  type LedgerData,
  type LedgerDocument,
  type StoredStatus,
} from '../../src/server/accounting/ledger/demo-data';
import { paymentReferenceFor } from '../../src/server/accounting/ledger/references';

/**
 * The built-in ledger the pane's tests run against: four customers, one per language, with a handful of
 * invoices and reminders whose numbers, amounts and due dates the tests name. The bridge's "today" is
 * pinned to PANE_TODAY, so what is overdue does not depend on the day the tests run.
 */
export const PANE_TODAY = '2026-03-15';

/** A ledger customer with a structured Swiss address; `email` null for one the ledger has no address of. */
export const ledgerCustomer = (
  row: number,
  name: string,
  email: string | null,
  language: Language,
  street: string,
  postalCode: string,
  town: string,
): LedgerCustomer => ({
  id: `cus-${row}`,
  number: customerNumberFor(row),
  name,
  language,
  emails: email ? [email] : [],
  address: { street, buildingNumber: '1', postalCode, town, country: 'CH' },
});

export type LedgerSeed = {
  row: number;
  number: string;
  customer: number;
  dueDate: string;
  total: number;
  status: StoredStatus;
  currency?: Currency;
  /** Paid so far of an open document: its open amount is the total less this. */
  paid?: number;
  /** Reminders: their level and the invoice row they remind of. */
  level?: ReminderLevel;
  invoiceRow?: number;
};

/**
 * Invoices 42–47 and reminders 101–103 (API ids `inv-42`, `rem-101`). "Overdue" is open and past due. Each
 * reminder asks for payment by a day after PANE_TODAY.
 */
const INVOICES: readonly LedgerSeed[] = [
  { row: 42, number: '2026-0042', customer: 1, dueDate: '2026-02-10', total: 1234.5, status: 'open' },
  { row: 43, number: '2026-0043', customer: 1, dueDate: '2026-01-05', total: 480, status: 'paid' },
  { row: 44, number: '2026-0044', customer: 1, dueDate: '2026-04-14', total: 2890.35, status: 'open' },
  { row: 45, number: '2026-0045', customer: 2, dueDate: '2026-03-30', total: 15_600, status: 'open' },
  { row: 46, number: '2026-0046', customer: 3, dueDate: '2026-01-20', total: 735.2, status: 'open', currency: 'EUR' },
  { row: 47, number: '2026-0047', customer: 4, dueDate: '2026-02-28', total: 99.9, status: 'paid' },
];
const REMINDERS: readonly LedgerSeed[] = [
  {
    row: 101,
    number: 'M-2026-0001',
    customer: 1,
    dueDate: '2026-03-25',
    total: 1234.5,
    status: 'open',
    level: 1,
    invoiceRow: 42,
  },
  {
    row: 102,
    number: 'M-2026-0002',
    customer: 3,
    dueDate: '2026-03-22',
    total: 735.2,
    status: 'open',
    level: 2,
    invoiceRow: 46,
    currency: 'EUR',
  },
  { row: 103, number: 'M-2026-0003', customer: 4, dueDate: '2026-03-20', total: 5400, status: 'open', level: 3 },
];

/**
 * A reminder run's harder cases, on request (`reminderRun`): a partly paid invoice whose reminder asks for
 * the open amount plus the fee, not the total; a customer with two reminders (grouped into one message); a
 * reminder whose deadline has passed.
 */
const RUN_INVOICES: readonly LedgerSeed[] = [
  // Partly paid: its reminder asks for the open 3’151.55 plus the fee, not the total.
  { row: 49, number: '2025-0190', customer: 2, dueDate: '2025-12-31', total: 5252.6, paid: 2101.05, status: 'open' },
  { row: 51, number: '2025-0201', customer: 1, dueDate: '2026-01-15', total: 860, status: 'open' },
];
const RUN_REMINDERS: readonly LedgerSeed[] = [
  {
    row: 104,
    number: 'M-2026-0004',
    customer: 2,
    dueDate: '2026-03-24',
    total: 5252.6,
    paid: 2101.05,
    status: 'open',
    level: 3,
    invoiceRow: 49,
  },
  // Bäckerei Brunner's second reminder: grouped per customer, 101 and 106 go in one message.
  {
    row: 106,
    number: 'M-2026-0006',
    customer: 1,
    dueDate: '2026-03-23',
    total: 860,
    status: 'open',
    level: 2,
    invoiceRow: 51,
  },
  // The first reminder of invoice 2025-0190, never sent, whose deadline has passed: not to be sent as it is.
  {
    row: 105,
    number: 'M-2026-0005',
    customer: 2,
    dueDate: '2026-02-15',
    total: 5252.6,
    paid: 2101.05,
    status: 'open',
    level: 1,
    invoiceRow: 49,
  },
];

/**
 * A ledger document from the few facts a test names, one line, no VAT: an invoice issued 30 days before it
 * is due, a reminder 10 days. A reminder's open amount is its invoice's; its fee comes on top.
 */
export function ledgerDocument(seed: LedgerSeed, kind: LedgerDocument['kind']): LedgerDocument {
  const currency = seed.currency ?? 'CHF';
  const totalCents = Math.round(seed.total * 100);
  const feeCents = seed.level ? REMINDER_FEE_CENTS[seed.level] : null;
  const settled = seed.status === 'paid' || seed.status === 'cancelled';
  return {
    rowId: seed.row,
    kind,
    number: seed.number,
    customerId: `cus-${seed.customer}`,
    issueDate: addDays(seed.dueDate, kind === 'reminder' ? -10 : -30),
    dueDate: seed.dueDate,
    currency,
    totalCents,
    openCents: settled ? 0 : totalCents - Math.round((seed.paid ?? 0) * 100),
    status: seed.status,
    paymentReference: paymentReferenceFor(currency, seed.row),
    lines: [{ description: 'Services', quantity: 1, unitPriceCents: totalCents, vatRate: 0, amountCents: totalCents }],
    invoiceRowId: seed.invoiceRow ?? null,
    level: seed.level ?? null,
    feeCents,
  };
}

export type PaneLedgerOptions = {
  /** The bridge's environment on top of the pane tests' (e.g. `SEND_MODES`). */
  bridgeEnv?: Record<string, string>;
  /** Generated invoices on top (2025-1000 onwards, spread over the four customers), for paging. */
  extraInvoices?: number;
  /** Adds invoice 2026-0048 of Bäckerei Brunner, still a draft in the accounting. */
  draftInvoice?: boolean;
  /** Adds invoices 49–51 and reminders 104–106 (RUN_INVOICES, RUN_REMINDERS). */
  reminderRun?: boolean;
  /** Customers (by row, 1–4) that have no e-mail address in the ledger. */
  withoutEmail?: readonly number[];
};

export function paneLedgerData(options: PaneLedgerOptions = {}): LedgerData {
  const noEmail = new Set(options.withoutEmail ?? []);
  const email = (row: number, address: string) => (noEmail.has(row) ? null : address);
  const customers = [
    ledgerCustomer(
      1,
      'Bäckerei Brunner AG',
      email(1, 'buchhaltung@brunner-baeckerei.ch'),
      'de',
      'Marktgasse',
      '3011',
      'Bern',
    ),
    ledgerCustomer(
      2,
      'Horlogerie Favre SA',
      email(2, 'compta@favre-horlogerie.ch'),
      'fr',
      'Rue du Rhône',
      '1204',
      'Genève',
    ),
    ledgerCustomer(
      3,
      'Ticino Vini Sagl',
      email(3, 'amministrazione@ticinovini.ch'),
      'it',
      'Via Nassa',
      '6900',
      'Lugano',
    ),
    ledgerCustomer(
      4,
      'Alpine Software GmbH',
      email(4, 'accounts@alpine-software.ch'),
      'en',
      'Bahnhofstrasse',
      '8001',
      'Zürich',
    ),
  ];
  const run = options.reminderRun ?? false;
  const documents = [...INVOICES, ...(run ? RUN_INVOICES : [])].map((s) => ledgerDocument(s, 'invoice'));
  if (options.draftInvoice) {
    documents.push(
      ledgerDocument(
        { row: 48, number: '2026-0048', customer: 1, dueDate: '2026-04-30', total: 640, status: 'draft' },
        'invoice',
      ),
    );
  }
  const statuses: StoredStatus[] = ['open', 'open', 'paid'];
  for (let i = 0; i < (options.extraInvoices ?? 0); i++) {
    documents.push(
      ledgerDocument(
        {
          row: 1000 + i,
          number: `2025-${String(1000 + i).padStart(4, '0')}`,
          customer: (i % customers.length) + 1,
          dueDate: addDays('2025-12-31', -(i % 300)),
          total: 100 + ((i * 37) % 5000),
          status: statuses[i % statuses.length]!,
        },
        'invoice',
      ),
    );
  }
  documents.push(...[...REMINDERS, ...(run ? RUN_REMINDERS : [])].map((s) => ledgerDocument(s, 'reminder')));
  return { customers, documents };
}
