import type { Customer, DocumentStatus, DocumentSummary, ReminderLevel } from '../../src/contract/documents.schemas';
import type { Language } from '../../src/contract/locale';

/**
 * Demo data of the bridge API for component tests and the offline workbench: a handful of Swiss customers
 * in the four languages, their invoices and reminders, plus as many generated documents as a test needs to
 * exercise paging. Everything is built from the contract types, so a contract change breaks here first.
 */
export const FIXTURE_TODAY = '2026-03-15';

export type BridgeFixtures = {
  customers: Customer[];
  documents: DocumentSummary[];
  /** "Today" of the fixtures, for `overdueDays`. */
  today: string;
};

const customer = (
  id: string,
  name: string,
  email: string,
  language: Language,
  street: string,
  postalCode: string,
  town: string,
): Customer => ({
  id,
  name,
  email,
  emails: [email],
  language,
  address: { street, buildingNumber: '1', postalCode, town, country: 'CH' },
});

export const FIXTURE_CUSTOMERS: readonly Customer[] = [
  customer('c-1', 'Bäckerei Brunner AG', 'buchhaltung@brunner-baeckerei.ch', 'de', 'Marktgasse', '3011', 'Bern'),
  customer('c-2', 'Horlogerie Favre SA', 'compta@favre-horlogerie.ch', 'fr', 'Rue du Rhône', '1204', 'Genève'),
  customer('c-3', 'Ticino Vini Sagl', 'amministrazione@ticinovini.ch', 'it', 'Via Nassa', '6900', 'Lugano'),
  customer('c-4', 'Alpine Software GmbH', 'accounts@alpine-software.ch', 'en', 'Bahnhofstrasse', '8001', 'Zürich'),
];

type DocumentSeed = {
  id: string;
  kind: DocumentSummary['kind'];
  number: string;
  customerId: string;
  dueDate: string;
  total: number;
  status: DocumentStatus;
  level?: ReminderLevel;
  invoiceId?: string;
  currency?: DocumentSummary['currency'];
};

function toSummary(seed: DocumentSeed, customers: readonly Customer[]): DocumentSummary {
  const owner = customers.find((c) => c.id === seed.customerId);
  if (!owner) throw new Error(`fixture document ${seed.id}: unknown customer ${seed.customerId}`);
  const fee = seed.kind === 'reminder' ? (seed.level ?? 1) * 10 : null;
  const open = seed.status === 'paid' || seed.status === 'cancelled' ? 0 : seed.total + (fee ?? 0);
  return {
    id: seed.id,
    kind: seed.kind,
    number: seed.number,
    customer: { id: owner.id, name: owner.name, email: owner.email, language: owner.language },
    issueDate: shiftDate(seed.dueDate, -30),
    dueDate: seed.dueDate,
    currency: seed.currency ?? 'CHF',
    total: seed.total,
    openAmount: open,
    status: seed.status,
    invoiceId: seed.kind === 'reminder' ? (seed.invoiceId ?? null) : null,
    level: seed.kind === 'reminder' ? (seed.level ?? 1) : null,
    fee,
    lastSent: null,
  };
}

const SEEDS: readonly DocumentSeed[] = [
  {
    id: 'inv-42',
    kind: 'invoice',
    number: '2026-0042',
    customerId: 'c-1',
    dueDate: '2026-02-10',
    total: 1234.5,
    status: 'overdue',
  },
  {
    id: 'inv-43',
    kind: 'invoice',
    number: '2026-0043',
    customerId: 'c-1',
    dueDate: '2026-01-05',
    total: 480,
    status: 'paid',
  },
  {
    id: 'inv-44',
    kind: 'invoice',
    number: '2026-0044',
    customerId: 'c-1',
    dueDate: '2026-04-14',
    total: 2890.35,
    status: 'open',
  },
  {
    id: 'inv-45',
    kind: 'invoice',
    number: '2026-0045',
    customerId: 'c-2',
    dueDate: '2026-03-30',
    total: 15_600,
    status: 'open',
  },
  {
    id: 'inv-46',
    kind: 'invoice',
    number: '2026-0046',
    customerId: 'c-3',
    dueDate: '2026-01-20',
    total: 735.2,
    status: 'overdue',
    currency: 'EUR',
  },
  {
    id: 'inv-47',
    kind: 'invoice',
    number: '2026-0047',
    customerId: 'c-4',
    dueDate: '2026-02-28',
    total: 99.9,
    status: 'paid',
  },
  {
    id: 'rem-1',
    kind: 'reminder',
    number: 'M-2026-0001',
    customerId: 'c-1',
    dueDate: '2026-03-01',
    total: 1234.5,
    status: 'overdue',
    level: 1,
    invoiceId: 'inv-42',
  },
  {
    id: 'rem-2',
    kind: 'reminder',
    number: 'M-2026-0002',
    customerId: 'c-3',
    dueDate: '2026-02-20',
    total: 735.2,
    status: 'overdue',
    level: 2,
    invoiceId: 'inv-46',
    currency: 'EUR',
  },
  {
    id: 'rem-3',
    kind: 'reminder',
    number: 'M-2026-0003',
    customerId: 'c-4',
    dueDate: '2025-12-20',
    total: 5400,
    status: 'overdue',
    level: 3,
  },
];

/** Fresh fixtures per test (tests may change them); `extraInvoices` adds generated invoices for paging. */
export function createBridgeFixtures(options: { extraInvoices?: number } = {}): BridgeFixtures {
  const customers = FIXTURE_CUSTOMERS.map((c) => structuredClone(c));
  const documents = SEEDS.map((seed) => toSummary(seed, customers));
  const statuses: DocumentStatus[] = ['open', 'overdue', 'paid'];
  for (let i = 0; i < (options.extraInvoices ?? 0); i++) {
    const number = `2025-${String(1000 + i).padStart(4, '0')}`;
    documents.push(
      toSummary(
        {
          id: `gen-${i}`,
          kind: 'invoice',
          number,
          customerId: customers[i % customers.length]!.id,
          dueDate: shiftDate('2025-12-31', -(i % 300)),
          total: 100 + ((i * 37) % 5000),
          status: statuses[i % statuses.length]!,
        },
        customers,
      ),
    );
  }
  return { customers, documents, today: FIXTURE_TODAY };
}

export function shiftDate(isoDate: string, days: number): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

const FILE_WORD: Record<Language, Record<DocumentSummary['kind'], string>> = {
  de: { invoice: 'Rechnung', reminder: 'Mahnung' },
  fr: { invoice: 'Facture', reminder: 'Rappel' },
  it: { invoice: 'Fattura', reminder: 'Sollecito' },
  en: { invoice: 'Invoice', reminder: 'Reminder' },
};

/** The file name the bridge gives a document's PDF, in the customer's language. */
export function fixtureFileName(document: DocumentSummary): string {
  return `${FILE_WORD[document.customer.language][document.kind]} ${document.number}.pdf`;
}
