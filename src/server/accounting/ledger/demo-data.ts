import type { Address, Currency, ReminderLevel } from '../../../contract/documents.schemas.js';
import type { Language } from '../../../contract/locale.js';
import { addDays, daysBetween } from './dates.js';
import { CATALOGUE, PRIVATE_MAIL_DOMAINS, REGIONS, type Region } from './demo-names.js';
import { createRandom, type Random } from './random.js';
import { paymentReferenceFor } from './references.js';

/**
 * Generates the demo ledger: pure and deterministic (same options, same data), so the bridge, the seed
 * tool, tests and the workbench all see the same customers. Amounts are integer cents.
 */
export type LedgerCustomer = {
  id: string;
  /** The customer number printed on documents (what the accounting calls the customer), not the API id. */
  number: string;
  name: string;
  language: Language;
  address: Address;
  emails: string[];
};

export type LedgerLine = {
  description: string;
  quantity: number;
  unitPriceCents: number;
  vatRate: number;
  amountCents: number;
};

/** `open` is stored; whether an open document is overdue depends on the day it is looked at. */
export type StoredStatus = 'draft' | 'open' | 'paid' | 'cancelled';

export type LedgerDocument = {
  /** Row id; invoices first, in issue order, then reminders. */
  rowId: number;
  kind: 'invoice' | 'reminder';
  number: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  totalCents: number;
  openCents: number;
  status: StoredStatus;
  paymentReference: string;
  lines: LedgerLine[];
  /** Reminders only. */
  invoiceRowId: number | null;
  level: ReminderLevel | null;
  feeCents: number | null;
};

export type LedgerData = { customers: LedgerCustomer[]; documents: LedgerDocument[] };

export type DemoOptions = {
  /** The day the data is generated for: issue dates lie up to ~14 months before it, due dates around it. */
  referenceDate: string;
  invoices?: number;
  /** Defaults to 48 for the demo size, one per 25 invoices for large ledgers. */
  customers?: number;
  seed?: number;
};

export const DEMO_INVOICE_COUNT = 320;
export const DEMO_SEED = 20260401;
const ISSUE_SPAN_DAYS = 420;
/** Swiss VAT standard rate since 2024. Customers abroad are invoiced without VAT (export of services). */
const VAT_STANDARD = 8.1;
export const REMINDER_FEE_CENTS: Record<ReminderLevel, number> = { 1: 0, 2: 2000, 3: 3000 };
/** Days after the due date at which each reminder level goes out. */
const REMINDER_AFTER_DAYS: Record<ReminderLevel, number> = { 1: 10, 2: 30, 3: 50 };
const REMINDER_TERM_DAYS = 10;

export function generateLedgerData(options: DemoOptions): LedgerData {
  const invoiceCount = options.invoices ?? DEMO_INVOICE_COUNT;
  const customerCount = options.customers ?? Math.max(48, Math.ceil(invoiceCount / 25));
  const random = createRandom(options.seed ?? DEMO_SEED);
  const customers = generateCustomers(customerCount, random);
  const invoices = generateInvoices(invoiceCount, customers, options.referenceDate, random);
  const reminders = generateReminders(invoices, options.referenceDate, random);
  return { customers, documents: [...invoices, ...reminders] };
}

/** Lower-case ASCII slug for e-mail addresses: `Müller Holzbau AG` → `mueller-holzbau-ag`. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * The built-in ledger's customer numbers: five digits from 10001 on, as Swiss accounting software commonly
 * numbers debtors. Row n (API id `cus-n`) is 10000 + n, so `cus-10` is 10010: derived from the row, not
 * drawn, so that a database seeded before customers had numbers gets the same ones (schema.ts, migration 3).
 */
export function customerNumberFor(row: number): string {
  return String(10000 + row);
}

/**
 * Region of the n-th customer: a fixed cycle rather than a random draw, so that even the small demo ledger
 * has customers in every language (half German, then French, Italian, English).
 */
const REGION_CYCLE: readonly Language[] = ['de', 'fr', 'de', 'it', 'de', 'en', 'fr', 'de', 'it', 'de', 'fr', 'en'];

function regionFor(index: number): Region {
  const language = REGION_CYCLE[index % REGION_CYCLE.length]!;
  return REGIONS.find((r) => r.language === language)!;
}

function generateCustomers(count: number, random: Random): LedgerCustomer[] {
  const customers: LedgerCustomer[] = [];
  const usedEmails = new Set<string>();
  const usedNames = new Set<string>();
  const unique = (local: string, domain: string) => {
    let candidate = `${local}@${domain}`;
    for (let n = 2; usedEmails.has(candidate); n++) candidate = `${local}${n}@${domain}`;
    usedEmails.add(candidate);
    return candidate;
  };
  while (customers.length < count) {
    const region = regionFor(customers.length);
    const town = random.pick(region.towns);
    const address: Address = {
      street: random.pick(region.streets),
      buildingNumber: String(random.int(1, 120)),
      postalCode: town.postalCode,
      town: town.town,
      country: town.country,
    };
    const identity = () => ({ id: `cus-${customers.length + 1}`, number: customerNumberFor(customers.length + 1) });
    const lastName = random.pick(region.lastNames);
    // A few customers give no e-mail address at all; their documents go by post.
    const withoutEmail = customers.length % 16 === 7;
    if (random.chance(0.3)) {
      const firstName = random.pick(region.firstNames);
      const emails = withoutEmail
        ? []
        : [unique(slugify(`${firstName}.${lastName}`).replace('-', '.'), random.pick(PRIVATE_MAIL_DOMAINS))];
      customers.push({ ...identity(), name: `${firstName} ${lastName}`, language: region.language, address, emails });
      continue;
    }
    const drawName = () =>
      random.pick(region.companies).replace('{name}', lastName).replace('{trade}', random.pick(region.trades));
    const name = uniqueName(drawName, town.town, usedNames);
    const domain = `${slugify(name)}.example`;
    const emails = withoutEmail ? [] : [unique('info', domain)];
    if (!withoutEmail && random.chance(0.35)) emails.unshift(unique(region.accountsMailbox, domain));
    customers.push({ ...identity(), name, language: region.language, address, emails });
    // Some companies have a second site billed separately under the same mail domain.
    if (random.chance(0.15) && customers.length < count) {
      const branchTown = random.pick(region.towns.filter((t) => t.country === town.country));
      customers.push({
        ...identity(),
        name: `${name}, ${branchTown.town}`,
        language: region.language,
        address: { ...address, postalCode: branchTown.postalCode, town: branchTown.town },
        emails: [unique(slugify(branchTown.town), domain)],
      });
    }
  }
  return customers;
}

/** Company names stay unique so the demo never lists two different customers under one name. */
function uniqueName(draw: () => string, town: string, used: Set<string>): string {
  let name = draw();
  for (let attempt = 0; attempt < 5 && used.has(name); attempt++) name = draw();
  if (used.has(name)) name = `${name} ${town}`;
  for (let n = 2; used.has(name); n++) name = `${name.replace(/ \d+$/, '')} ${n}`;
  used.add(name);
  return name;
}

function roundTo5Rappen(cents: number): number {
  return Math.round(cents / 5) * 5;
}

function generateLines(customer: LedgerCustomer, random: Random): LedgerLine[] {
  const vatRate = customer.address.country === 'CH' ? VAT_STANDARD : 0;
  return Array.from({ length: random.int(1, 4) }, () => {
    const item = random.pick(CATALOGUE);
    const quantity = item.unit === 'h' ? random.int(2, 48) / 2 : random.int(1, 8);
    const unitPriceCents = random.int(item.price[0], item.price[1]) * 100;
    return {
      description: item.text[customer.language],
      quantity,
      unitPriceCents,
      vatRate,
      amountCents: Math.round(quantity * unitPriceCents),
    };
  });
}

/** Net lines plus VAT; CHF totals are rounded to 5 Rappen as Swiss invoices are. */
export function invoiceTotalCents(lines: readonly LedgerLine[], currency: Currency): number {
  const gross = lines.reduce((sum, line) => sum + line.amountCents * (1 + line.vatRate / 100), 0);
  return currency === 'CHF' ? roundTo5Rappen(gross) : Math.round(gross);
}

function generateInvoices(count: number, customers: LedgerCustomer[], today: string, random: Random) {
  const specs = Array.from({ length: count }, (_, index) => {
    // Everyone gets at least one invoice; after that a few customers buy much more than the rest.
    const customer =
      index < customers.length ? customers[index]! : customers[Math.floor(random.next() ** 2 * customers.length)]!;
    return { customer, issueDate: addDays(today, -random.int(0, ISSUE_SPAN_DAYS)), order: index };
  });
  specs.sort((a, b) => a.issueDate.localeCompare(b.issueDate) || a.order - b.order);
  const perYear = new Map<string, number>();
  return specs.map(({ customer, issueDate }, index): LedgerDocument => {
    const rowId = index + 1;
    const year = issueDate.slice(0, 4);
    const sequence = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, sequence);
    const currency: Currency = customer.address.country === 'CH' ? 'CHF' : 'EUR';
    const lines = generateLines(customer, random);
    const totalCents = invoiceTotalCents(lines, currency);
    const dueDate = addDays(issueDate, random.pick([10, 20, 30, 30, 30]));
    const { status, paidCents } = settle(
      totalCents,
      daysBetween(dueDate, today),
      daysBetween(issueDate, today),
      random,
    );
    return {
      rowId,
      kind: 'invoice',
      number: `${year}-${String(sequence).padStart(4, '0')}`,
      customerId: customer.id,
      issueDate,
      dueDate,
      currency,
      totalCents,
      openCents: status === 'cancelled' || status === 'paid' ? 0 : totalCents - paidCents,
      status,
      paymentReference: paymentReferenceFor(currency, rowId),
      lines,
      invoiceRowId: null,
      level: null,
      feeCents: null,
    };
  });
}

/** How an invoice stands today: most old ones are paid, recent ones mostly open, a few partly paid. */
function settle(totalCents: number, daysOverdue: number, age: number, random: Random) {
  if (age <= 7 && random.chance(0.25)) return { status: 'draft' as const, paidCents: 0 };
  if (random.chance(0.03)) return { status: 'cancelled' as const, paidCents: 0 };
  const stillOpen = daysOverdue < 0 ? 0.9 : daysOverdue < 30 ? 0.6 : daysOverdue < 120 ? 0.35 : 0.06;
  if (!random.chance(stillOpen)) return { status: 'paid' as const, paidCents: totalCents };
  const partly = random.chance(0.15);
  return { status: 'open' as const, paidCents: partly ? roundTo5Rappen(totalCents * random.int(2, 7) * 0.1) : 0 };
}

function reminderOf(
  invoice: LedgerDocument,
  level: ReminderLevel,
  rowId: number,
  status: StoredStatus,
  notBefore?: string,
) {
  const due = addDays(invoice.dueDate, REMINDER_AFTER_DAYS[level]);
  const issueDate = notBefore && notBefore > due ? notBefore : due;
  return {
    ...invoice,
    rowId,
    kind: 'reminder' as const,
    number: `${invoice.number}-${level}`,
    issueDate,
    dueDate: addDays(issueDate, REMINDER_TERM_DAYS),
    status,
    paymentReference: paymentReferenceFor(invoice.currency, rowId),
    lines: [],
    invoiceRowId: invoice.rowId,
    level,
    feeCents: REMINDER_FEE_CENTS[level],
  };
}

/**
 * Open invoices past due get the reminder of the level their lateness has reached; some invoices that were
 * paid late keep the reminder that preceded the payment, marked paid.
 */
function generateReminders(invoices: LedgerDocument[], today: string, random: Random): LedgerDocument[] {
  const reminders: LedgerDocument[] = [];
  let rowId = invoices.length;
  for (const invoice of invoices) {
    const overdue = daysBetween(invoice.dueDate, today);
    const reached = ([3, 2, 1] as const).find((level) => overdue >= REMINDER_AFTER_DAYS[level]);
    if (!reached) continue;
    // The open ones are this week's run, prepared in the last few days: a reminder's deadline lies ahead of
    // the day it goes out, or it asks for payment by a date already past.
    if (invoice.status === 'open') {
      const prepared = addDays(today, -((rowId + 1) % 5));
      reminders.push(reminderOf(invoice, reached, ++rowId, 'open', prepared));
    } else if (invoice.status === 'paid' && random.chance(0.15)) {
      const level = Math.min(reached, random.pick([1, 1, 2] as const)) as ReminderLevel;
      reminders.push({ ...reminderOf(invoice, level, ++rowId, 'paid'), openCents: 0 });
    }
  }
  return reminders;
}
