import type {
  Currency,
  Customer,
  CustomerRef,
  DocumentDetail,
  DocumentSummary,
  ReminderLevel,
  SentInfo,
} from '../../../contract/documents.schemas.js';
import type { RemindedInvoice } from '../../pdf/document-pdf.js';
import { addDays, daysBetween } from '../ledger/dates.js';
import { paymentReferenceFor } from '../ledger/references.js';
import { effectiveStatusOf } from '../remote/document-filter.js';
import { customerIdOf } from './winbiz-customers.js';
import { reminderLines, singleLine } from '../document-lines.js';
import { statementLine } from './winbiz-wording.js';
import {
  WINBIZ_DEBTOR_INVOICE,
  WINBIZ_DEBTOR_STARTING_BALANCE,
  type WinbizDocument,
  type WinbizOpenItem,
} from './winbiz.schemas.js';

/** Days overdue from which a reminder of each level is due, and each level's fee: the admin's policy. */
export type ReminderPolicy = {
  thresholds: Readonly<Record<ReminderLevel, number>>;
  feeCents: Readonly<Record<ReminderLevel, number>>;
};

/** A debtor invoice as LedgerMail knows it from WinBIZ: its Documents row, its open item, or both. */
export type WinbizInvoice = {
  documentId: number;
  number: string;
  customerId: string;
  issueDate: string;
  dueDate: string;
  currency: Currency;
  totalCents: number;
  openCents: number;
  stored: 'draft' | 'open' | 'paid' | 'cancelled';
};

export const invoiceIdOf = (documentId: number) => `inv-${documentId}`;
export const reminderIdOf = (documentId: number, level: ReminderLevel) => `rem-${documentId}-${level}`;

export type ParsedId =
  { kind: 'invoice'; documentId: number } | { kind: 'reminder'; documentId: number; level: ReminderLevel };

export function parseWinbizId(id: string): ParsedId | undefined {
  const invoice = /^inv-(\d{1,15})$/.exec(id);
  if (invoice) return { kind: 'invoice', documentId: Number(invoice[1]) };
  const reminder = /^rem-(\d{1,15})-([123])$/.exec(id);
  if (reminder)
    return { kind: 'reminder', documentId: Number(reminder[1]), level: Number(reminder[2]) as ReminderLevel };
  return undefined;
}

/**
 * WinBIZ keeps the local currency (CHF) and, for a document in another currency, the foreign amounts beside it.
 * QR-bills exist only in CHF and EUR, so a document in any other currency is left out.
 */
function currencyOf(foreignCurrency: string): Currency | undefined {
  const code = foreignCurrency.toUpperCase();
  if (code === '' || code === 'CHF') return 'CHF';
  return code === 'EUR' ? 'EUR' : undefined;
}

const inCurrency = (currency: Currency, local: number, foreign: number | null | undefined) =>
  currency === 'CHF' ? local : (foreign ?? 0);

/**
 * Joins the year's Documents rows with the open items. The open items are the truth about what is unpaid:
 * a posted invoice without one is settled (paid); one flagged cancelled or draft has none by nature. An open
 * item without a row (carried over from last year as a starting balance) is an invoice of its own.
 */
export function joinInvoices(
  documents: readonly WinbizDocument[],
  openItems: readonly WinbizOpenItem[],
): WinbizInvoice[] {
  const open = new Map(openItems.map((item) => [item.DocumentId, item]));
  const invoices: WinbizInvoice[] = [];
  const seen = new Set<number>();
  for (const doc of documents) {
    if (doc.DocumentType !== WINBIZ_DEBTOR_INVOICE || seen.has(doc.DocumentId)) continue;
    seen.add(doc.DocumentId);
    const currency = currencyOf(doc.ForeignCurrency);
    if (!currency) continue;
    const item = open.get(doc.DocumentId);
    const totalCents = inCurrency(currency, doc.LocalTotalAmount, doc.ForeignTotalAmount);
    const openCents = item ? inCurrency(currency, item.LocalOpenAmount, item.ForeignOpenAmount) : 0;
    const stored = doc.IsCancelled ? 'cancelled' : doc.IsDraft ? 'draft' : openCents > 0 ? 'open' : 'paid';
    invoices.push({
      documentId: doc.DocumentId,
      number: doc.DocumentNumber,
      customerId: customerIdOf(doc.AddressId),
      issueDate: doc.DocumentDate,
      dueDate: doc.DueDate ?? item?.DueDate ?? doc.DocumentDate,
      currency,
      totalCents,
      // What is still to pay: nothing on a cancelled invoice, the whole on a draft (the ledger's rule).
      openCents: stored === 'draft' ? totalCents : stored === 'open' ? openCents : 0,
      stored,
    });
  }
  for (const item of openItems) {
    const carried = item.DocumentType === WINBIZ_DEBTOR_STARTING_BALANCE || item.DocumentType === WINBIZ_DEBTOR_INVOICE;
    const currency = currencyOf(item.ForeignCurrency);
    if (!carried || seen.has(item.DocumentId) || !currency) continue;
    seen.add(item.DocumentId);
    const openCents = inCurrency(currency, item.LocalOpenAmount, item.ForeignOpenAmount);
    if (openCents <= 0) continue;
    invoices.push({
      documentId: item.DocumentId,
      number: item.DocumentNumber,
      customerId: customerIdOf(item.AddressId),
      issueDate: item.DocumentDate,
      dueDate: item.DueDate,
      currency,
      totalCents: inCurrency(currency, item.LocalTotalAmount, item.ForeignTotalAmount),
      openCents,
      stored: 'open',
    });
  }
  return invoices;
}

export function customerRefOf(customer: Customer): CustomerRef {
  const { id, number, name, email, language } = customer;
  return { id, ...(number ? { number } : {}), name, email, language };
}

export function invoiceSummary(invoice: WinbizInvoice, customer: Customer, today: string): DocumentSummary {
  return {
    id: invoiceIdOf(invoice.documentId),
    kind: 'invoice',
    number: invoice.number,
    customer: customerRefOf(customer),
    issueDate: invoice.issueDate,
    dueDate: invoice.dueDate,
    currency: invoice.currency,
    total: invoice.totalCents / 100,
    openAmount: invoice.openCents / 100,
    status: effectiveStatusOf(invoice.stored, invoice.dueDate, today),
    invoiceId: null,
    level: null,
    fee: null,
    lastSent: null,
  };
}

/** The level an invoice's days overdue reach under the policy, if any. */
export function reminderLevelOf(
  invoice: WinbizInvoice,
  today: string,
  policy: ReminderPolicy,
): ReminderLevel | undefined {
  if (effectiveStatusOf(invoice.stored, invoice.dueDate, today) !== 'overdue' || invoice.openCents <= 0)
    return undefined;
  const days = daysBetween(invoice.dueDate, today);
  return ([3, 2, 1] as const).find((level) => days >= policy.thresholds[level]);
}

export type ReminderTerms = { today: string; policy: ReminderPolicy; termDays: number };

/**
 * WinBIZ's API has no reminders: LedgerMail writes one per overdue invoice at the level reached, dated today
 * and payable within the term, so a run can send it. Its payment reference is the invoice's, so a payment of
 * the reminder settles the same open item.
 */
export function reminderSummary(
  invoice: WinbizInvoice,
  customer: Customer,
  terms: ReminderTerms,
): DocumentSummary | undefined {
  const level = reminderLevelOf(invoice, terms.today, terms.policy);
  if (!level) return undefined;
  const dueDate = addDays(terms.today, terms.termDays);
  return {
    id: reminderIdOf(invoice.documentId, level),
    kind: 'reminder',
    number: `${invoice.number}-M${level}`,
    customer: customerRefOf(customer),
    issueDate: terms.today,
    dueDate,
    currency: invoice.currency,
    total: invoice.totalCents / 100,
    openAmount: invoice.openCents / 100,
    status: effectiveStatusOf('open', dueDate, terms.today),
    invoiceId: invoiceIdOf(invoice.documentId),
    level,
    fee: terms.policy.feeCents[level] / 100,
    lastSent: null,
  };
}

export const withLastSent = (summary: DocumentSummary, sent: ReadonlyMap<string, SentInfo>): DocumentSummary => ({
  ...summary,
  lastSent: sent.get(summary.id) ?? null,
});

/**
 * The detail LedgerMail can give without WinBIZ's lines (the API has none): an invoice is one gross line that
 * says it comes from WinBIZ's open item; a reminder bills the open amount and its fee, as the ledger's do.
 */
export function detailOf(summary: DocumentSummary, invoice: WinbizInvoice, customer: Customer): DocumentDetail {
  const { language } = customer;
  const lines =
    summary.kind === 'reminder'
      ? reminderLines(language, invoice.number, summary.openAmount, summary.fee)
      : [singleLine(statementLine(language, invoice.number), summary.total)];
  return {
    ...summary,
    lines,
    customerAddress: customer.address,
    paymentReference: paymentReferenceFor(invoice.currency, invoice.documentId),
  };
}

export const remindedInvoiceOf = (invoice: WinbizInvoice): RemindedInvoice => ({
  number: invoice.number,
  issueDate: invoice.issueDate,
  dueDate: invoice.dueDate,
});
