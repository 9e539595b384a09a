import { calculateQRReferenceChecksum, calculateSCORReferenceChecksum } from 'swissqrbill/utils';
import type { Currency } from '../../../contract/documents.schemas.js';

/**
 * The payment reference printed on a document's QR-bill, derived from its row id so that an incoming payment
 * leads back to exactly one document. CHF goes to the QR-IBAN, which requires a QR reference (26 digits plus
 * a modulo-10 check digit); EUR goes to a normal IBAN, which takes an ISO 11649 creditor reference (RF…).
 */
export function paymentReferenceFor(currency: Currency, rowId: number): string {
  if (currency === 'CHF') {
    const body = String(rowId).padStart(26, '0');
    return body + calculateQRReferenceChecksum(body);
  }
  const body = `LM${rowId}`;
  return `RF${calculateSCORReferenceChecksum(body)}${body}`;
}
