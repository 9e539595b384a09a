import type {
  Address,
  Currency,
  Customer,
  DocumentLine,
  DocumentStatus,
  DocumentSummary,
  ReminderLevel,
} from '../../../contract/documents.schemas.js';
import type { Language } from '../../../contract/locale.js';
import { effectiveStatusOf } from '../remote/document-filter.js';
import {
  BEXIO_INVOICE_STATUS,
  BEXIO_OPEN_STATUSES,
  type BexioContact,
  type BexioInvoice,
  type BexioPosition,
  type BexioReminder,
} from './bexio.schemas.js';

/**
 * bexio's records in LedgerMail's terms: ids, statuses, amounts, addresses. Pure functions, so that every rule
 * here is pinned by a test without a stand-in.
 */

/** What bexio's lists (currencies, languages, countries) resolve to, looked up once and kept. */
export type BexioLookups = {
  currencyOf: (currencyId: number) => string | undefined;
  languageOf: (languageId: number | null | undefined) => Language;
  countryOf: (countryId: number | null | undefined) => string;
};

export type BexioDocumentId =
  { kind: 'invoice'; invoiceId: number } | { kind: 'reminder'; invoiceId: number; reminderId: number };

/** `inv-123` an invoice, `rem-123-4` reminder 4 of invoice 123: bexio addresses a reminder only under its invoice. */
export function parseDocumentId(id: string): BexioDocumentId | undefined {
  const invoice = /^inv-(\d{1,12})$/.exec(id);
  if (invoice) return { kind: 'invoice', invoiceId: Number(invoice[1]) };
  const reminder = /^rem-(\d{1,12})-(\d{1,12})$/.exec(id);
  if (reminder) return { kind: 'reminder', invoiceId: Number(reminder[1]), reminderId: Number(reminder[2]) };
  return undefined;
}

export const invoiceDocumentId = (invoiceId: number) => `inv-${invoiceId}`;
export const reminderDocumentId = (invoiceId: number, reminderId: number) => `rem-${invoiceId}-${reminderId}`;
export const contactCustomerId = (contactId: number) => `con-${contactId}`;

export function parseCustomerId(id: string): number | undefined {
  const match = /^con-(\d{1,12})$/.exec(id);
  return match ? Number(match[1]) : undefined;
}

/** Rounded to cents: bexio answers six decimal places, LedgerMail's contract speaks francs and cents. */
export const toCents = (amount: number) => Math.round(amount * 100);
const money = (amount: number) => toCents(amount) / 100;

/** The bexio statuses that hold the invoices of these LedgerMail statuses. */
export function bexioStatusesOf(statuses: readonly DocumentStatus[]): number[] {
  const ids = new Set<number>();
  for (const status of statuses) {
    if (status === 'draft') ids.add(BEXIO_INVOICE_STATUS.draft);
    if (status === 'paid') ids.add(BEXIO_INVOICE_STATUS.paid);
    if (status === 'cancelled') ids.add(BEXIO_INVOICE_STATUS.cancelled);
    if (status === 'open' || status === 'overdue') BEXIO_OPEN_STATUSES.forEach((id) => ids.add(id));
  }
  return [...ids].sort((a, b) => a - b);
}

/**
 * LedgerMail's stored status of a bexio invoice. Pending, partial and unpaid all still ask for money; one of
 * them with nothing left to pay (bexio has not moved it to paid yet) asks for none and counts as paid.
 */
export function storedStatusOf(invoice: BexioInvoice): 'draft' | 'open' | 'paid' | 'cancelled' | undefined {
  const status = invoice.kb_item_status_id;
  if (status === BEXIO_INVOICE_STATUS.draft) return 'draft';
  if (status === BEXIO_INVOICE_STATUS.paid) return 'paid';
  if (status === BEXIO_INVOICE_STATUS.cancelled) return 'cancelled';
  if ((BEXIO_OPEN_STATUSES as readonly number[]).includes(status)) {
    return toCents(invoice.total_remaining_payments) > 0 ? 'open' : 'paid';
  }
  // A status bexio may add later: not listed rather than shown with a guessed meaning.
  return undefined;
}

/**
 * Street and house number of a contact. bexio's current answer has them apart (`street_name`,
 * `house_number`); older records have one `address` line ("Alte Jonastrasse 24", "12, rue de Genève"), split at
 * the number at its end or its start. A line without a number stays whole as the street.
 */
export function splitStreetLine(line: string): { street: string; buildingNumber: string } {
  const first = line.split(/\r?\n/)[0]!.trim();
  const trailing = /^(.*\D)\s+(\d+\s?[a-zA-Z]?(?:[-/]\d+[a-zA-Z]?)?)$/.exec(first);
  if (trailing)
    return { street: trailing[1]!.trim().replace(/,$/, ''), buildingNumber: trailing[2]!.replace(/\s/g, '') };
  const leading = /^(\d+\s?[a-zA-Z]?),?\s+(\D.*)$/.exec(first);
  if (leading) return { street: leading[2]!.trim(), buildingNumber: leading[1]!.replace(/\s/g, '') };
  return { street: first, buildingNumber: '' };
}

export function addressOf(contact: BexioContact, lookups: BexioLookups): Address {
  const street = contact.street_name?.trim()
    ? { street: contact.street_name.trim(), buildingNumber: contact.house_number?.trim() ?? '' }
    : splitStreetLine(contact.address ?? '');
  return {
    ...street,
    postalCode: contact.postcode?.trim() ?? '',
    town: contact.city?.trim() ?? '',
    country: lookups.countryOf(contact.country_id),
  };
}

/** A company's name, or a person's as letters address them: first name, then last name. */
export function contactName(contact: BexioContact): string {
  const second = contact.name_2?.trim();
  if (!second) return contact.name_1.trim();
  return contact.contact_type_id === 2 ? `${second} ${contact.name_1.trim()}` : contact.name_1.trim();
}

export function emailsOf(contact: BexioContact): string[] {
  return [contact.mail, contact.mail_second].map((m) => m?.trim() ?? '').filter(Boolean);
}

export function toCustomer(contact: BexioContact, lookups: BexioLookups): Customer {
  const emails = emailsOf(contact);
  return {
    id: contactCustomerId(contact.id),
    ...(contact.nr?.trim() ? { number: contact.nr.trim() } : {}),
    name: contactName(contact),
    email: emails[0] ?? null,
    language: lookups.languageOf(contact.language_id),
    emails,
    address: addressOf(contact, lookups),
  };
}

const isCurrency = (code: string | undefined): code is Currency => code === 'CHF' || code === 'EUR';

/** An invoice's summary; undefined for one LedgerMail cannot show (no contact, a currency other than CHF/EUR). */
export function invoiceSummary(
  invoice: BexioInvoice,
  contact: BexioContact | undefined,
  lookups: BexioLookups,
  today: string,
): DocumentSummary | undefined {
  const stored = storedStatusOf(invoice);
  const currency = lookups.currencyOf(invoice.currency_id);
  if (!contact || !stored || !isCurrency(currency)) return undefined;
  const { address: _address, emails: _emails, ...customer } = toCustomer(contact, lookups);
  const settled = stored === 'paid' || stored === 'cancelled';
  return {
    id: invoiceDocumentId(invoice.id),
    kind: 'invoice',
    number: invoice.document_nr,
    customer,
    issueDate: invoice.is_valid_from,
    dueDate: invoice.is_valid_to,
    currency,
    total: money(invoice.total),
    openAmount: settled ? 0 : money(invoice.total_remaining_payments),
    status: effectiveStatusOf(stored, invoice.is_valid_to, today),
    invoiceId: null,
    level: null,
    fee: null,
    lastSent: null,
  };
}

/** bexio counts reminder levels on (a fourth, a fifth); LedgerMail's runs and templates know three. */
export const clampLevel = (level: number): ReminderLevel => Math.min(Math.max(level, 1), 3) as ReminderLevel;

/**
 * The fee a reminder adds. bexio's reminder has no fee field; `remaining_price` is what it asks for and
 * `received_total` what had been paid when it was written, so what it asks beyond the invoice's open amount at
 * that time, `remaining_price + received_total − total`, is its fee. Payments after the reminder do not change it.
 */
export function reminderFee(reminder: BexioReminder, invoice: BexioInvoice): number {
  return (
    Math.max(0, toCents(reminder.remaining_price) + toCents(reminder.received_total) - toCents(invoice.total)) / 100
  );
}

/** bexio gives reminders no number of their own: the invoice's, with the level (`RE-00052-M2`). */
export const reminderNumber = (invoice: BexioInvoice, reminder: BexioReminder) =>
  `${invoice.document_nr}-M${reminder.reminder_level}`;

/** A reminder's summary: its invoice's total and open amount, its own level, fee and deadline. */
export function reminderSummary(
  invoiceDoc: DocumentSummary,
  invoice: BexioInvoice,
  reminder: BexioReminder,
  today: string,
) {
  return {
    ...invoiceDoc,
    id: reminderDocumentId(invoice.id, reminder.id),
    kind: 'reminder',
    number: reminderNumber(invoice, reminder),
    issueDate: reminder.is_valid_from,
    dueDate: reminder.is_valid_to,
    status: effectiveStatusOf('open', reminder.is_valid_to, today),
    invoiceId: invoiceDoc.id,
    level: clampLevel(reminder.reminder_level),
    fee: reminderFee(reminder, invoice),
  } satisfies DocumentSummary;
}

/** bexio's position texts are HTML (`<b>Sebastian Bürgin</b>`); a line of LedgerMail's is plain text. */
const plainText = (html: string) =>
  html
    .replace(/<br\s*\/?>/gi, ' ')
    .replace(/<[^>]*>/g, '')
    .replace(/&nbsp;/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();

/** The priced positions of an invoice as net lines; subtotals, texts and page breaks carry no amount. */
export function linesOf(positions: readonly BexioPosition[]): DocumentLine[] {
  return positions
    .filter(
      (p) => p.position_total !== null && p.position_total !== undefined && p.amount !== null && p.amount !== undefined,
    )
    .map((p) => ({
      description: plainText(p.text ?? ''),
      quantity: p.amount ?? 0,
      unitPrice: money(p.unit_price ?? 0),
      vatRate: p.tax_value ?? 0,
      amount: money(p.position_total ?? 0),
    }));
}

/** A QR reference (27 digits) or an ISO 11649 creditor reference; anything else in bexio's `reference` is not one. */
export function paymentReferenceOf(invoice: BexioInvoice): string | null {
  const reference = (invoice.reference ?? '').replace(/\s/g, '');
  return /^(\d{27}|RF\d{2}[A-Za-z0-9]{1,21})$/.test(reference) ? reference : null;
}
