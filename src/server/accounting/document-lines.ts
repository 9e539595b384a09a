import type { DocumentLine } from '../../contract/documents.schemas.js';
import type { Language } from '../../contract/locale.js';
import { WORDING } from '../pdf/wording.js';

/** A line of one unit without VAT: a reminder's open amount or fee, a statement's booked total. */
export function singleLine(description: string, amount: number): DocumentLine {
  return { description, quantity: 1, unitPrice: amount, vatRate: 0, amount };
}

/**
 * A reminder has no lines of its own: it bills the invoice's open amount and its fee, worded in the customer's
 * language. Every backend's reminders read so (the ledger's, bexio's and those LedgerMail derives for WinBIZ).
 */
export function reminderLines(language: Language, invoiceNumber: string, openAmount: number, fee: number | null) {
  const { labels } = WORDING[language];
  return [singleLine(labels.openAmountOf(invoiceNumber), openAmount), singleLine(labels.reminderFee, fee ?? 0)];
}
