import type { Data as QrBillData } from 'swissqrbill/types';
import { amountDueCents } from '../../contract/amount-due.js';
import type { Address, DocumentSummary } from '../../contract/documents.schemas.js';

/** The company that issues the documents: creditor of every QR-bill it prints. */
export type Creditor = {
  name: string;
  address: Address;
  email: string;
  phone?: string;
  vatNumber: string;
  /**
   * One account per currency. A QR-IBAN (institution id 30000–31999) requires a 27-digit QR reference; a
   * normal IBAN takes an ISO 11649 creditor reference (RF…).
   */
  accounts: Record<'CHF' | 'EUR', string>;
};

/** The data swissqrbill encodes: structured addresses only, as QR-bill 2.3 requires. */
export function qrBillData(
  document: Pick<DocumentSummary, 'status' | 'openAmount' | 'fee' | 'currency' | 'customer'> & {
    customerAddress: Address;
    paymentReference: string | null;
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
    // Without a reference a QR-IBAN bill is invalid and swissqrbill refuses it, rather than print a wrong one.
    ...(document.paymentReference === null ? {} : { reference: document.paymentReference }),
    message: document.number,
  };
}

/** The signature block of the company's messages: name, address and contact, one line each. */
export function signatureOf(creditor: Creditor): string[] {
  const { address } = creditor;
  return [
    creditor.name,
    `${address.street} ${address.buildingNumber}`.trim(),
    `${address.country === 'CH' ? '' : `${address.country}-`}${address.postalCode} ${address.town}`,
    ...(creditor.phone ? [creditor.phone] : []),
    creditor.email,
  ];
}
