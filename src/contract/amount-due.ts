import type { DocumentSummary } from './documents.schemas.js';

/**
 * What a document asks the customer to pay, in cents: an invoice's open amount; a reminder's open amount plus
 * its fee. Paid and cancelled documents ask for nothing, so a reprint cannot be paid twice by mistake. The
 * QR-bill's amount, the `{amountDue}` of a reminder message and the sentence of Fill the message are this
 * one number.
 */
export function amountDueCents(document: Pick<DocumentSummary, 'status' | 'openAmount' | 'fee'>): number | null {
  if (document.status === 'paid' || document.status === 'cancelled') return null;
  return Math.round(document.openAmount * 100) + Math.round((document.fee ?? 0) * 100);
}

/** `amountDueCents` in major units (francs, euros); 0 for a settled document. */
export function amountDue(document: Pick<DocumentSummary, 'status' | 'openAmount' | 'fee'>): number {
  return (amountDueCents(document) ?? 0) / 100;
}
