import type { Creditor } from '../../pdf/qr-bill-data.js';

/**
 * The fictional company that issues the demo ledger's invoices. Its CHF account is a QR-IBAN (so CHF bills
 * carry a QR reference) and its EUR account a normal IBAN (so EUR bills carry an RF creditor reference). The
 * IBANs have valid check digits but belong to no real account.
 */
export const DEMO_CREDITOR: Creditor = {
  name: 'Alpenglut Werkstätten AG',
  address: { street: 'Gewerbestrasse', buildingNumber: '14', postalCode: '3011', town: 'Bern', country: 'CH' },
  email: 'rechnungen@alpenglut.example',
  phone: '+41 31 555 01 40',
  vatNumber: 'CHE-123.456.788 MWST',
  accounts: { CHF: 'CH6630808001234567890', EUR: 'CH9800788000987654321' },
};
