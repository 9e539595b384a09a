import type { Data as QrBillData } from 'swissqrbill/types';
import type { Address, DocumentSummary } from '../../contract/documents.schemas.js';

/** The company that issues the documents: creditor of every QR-bill it prints. */
export type Creditor = {
  name: string;
  address: Address;
  email: string;
  vatNumber: string;
  /**
   * One account per currency. A QR-IBAN (institution id 30000–31999) requires a 27-digit QR reference; a
   * normal IBAN takes an ISO 11649 creditor reference (RF…).
   */
  accounts: Record<'CHF' | 'EUR', string>;
};

/**
 * What the payment part asks for, in cents: an invoice's open amount; a reminder's open amount plus its
 * fee. Paid and cancelled documents ask for nothing, so a reprint cannot be paid twice by mistake.
 */
export function amountDueCents(document: Pick<DocumentSummary, 'status' | 'openAmount' | 'fee'>): number | null {
  if (document.status === 'paid' || document.status === 'cancelled') return null;
  return Math.round(document.openAmount * 100) + Math.round((document.fee ?? 0) * 100);
}

/** The data swissqrbill encodes: structured addresses only, as QR-bill 2.3 requires. */
export function qrBillData(
  document: Pick<DocumentSummary, 'status' | 'openAmount' | 'fee' | 'currency' | 'customer'> & {
    customerAddress: Address;
    paymentReference: string;
    number: string;
  },
  creditor: Creditor,
): QrBillData {
  const due = amountDueCents(document);
  const toParty = (name: string, address: Address) => ({
    name,
    address: address.street,
    buildingNumber: address.buildingNumber,
    zip: address.postalCode,
    city: address.town,
    country: address.country,
  });
  return {
    currency: document.currency,
    ...(due === null ? {} : { amount: due / 100 }),
    creditor: { ...toParty(creditor.name, creditor.address), account: creditor.accounts[document.currency] },
    debtor: toParty(document.customer.name, document.customerAddress),
    reference: document.paymentReference,
    message: document.number,
  };
}
