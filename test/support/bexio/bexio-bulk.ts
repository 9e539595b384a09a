import { addDays } from '../../../src/server/accounting/ledger/dates.js';
import { FIXTURE_TODAY } from '../accounting-fixture.js';
import { tinyPdf } from './bexio-pdf.js';
import type { BexioState } from './bexio-seed.js';

/**
 * Grows the stand-in's books to a size where request counts matter (the "recipients first" benchmark over
 * 5,000 invoices): `count` more invoices, five per new contact, a mix of paid, open and overdue, with no
 * reminders. The fixture's own customers and documents stay as they are.
 */
export function addBulkInvoices(state: BexioState, count: number, today: string = FIXTURE_TODAY): void {
  const firstContact = Math.max(...state.contacts.map((c) => c.id)) + 1;
  const firstInvoice = Math.max(...state.invoices.map((i) => i.id)) + 1;
  const template = state.contacts[0]!;
  for (let n = 0; n < count; n += 1) {
    const contactId = firstContact + Math.floor(n / 5);
    if (n % 5 === 0) {
      state.contacts.push({
        ...template,
        id: contactId,
        nr: String(30000 + contactId),
        name_1: `Kunde ${contactId} AG`,
        mail: `buchhaltung@kunde-${contactId}.example`,
        mail_second: null,
      });
    }
    const id = firstInvoice + n;
    const issued = addDays(today, -((n * 7) % 400));
    const due = addDays(issued, 30);
    const cents = 10_000 + ((n * 2_345) % 500_000);
    const paid = n % 3 === 0;
    state.invoices.push({
      ...state.invoices[1]!,
      id,
      document_nr: `RE-B-${String(id).padStart(6, '0')}`,
      contact_id: contactId,
      total: (cents / 100).toFixed(6),
      total_received_payments: ((paid ? cents : 0) / 100).toFixed(6),
      total_remaining_payments: ((paid ? 0 : cents) / 100).toFixed(4),
      is_valid_from: issued,
      is_valid_to: due,
      kb_item_status_id: paid ? 9 : due < today ? 31 : 8,
      positions: [],
    });
    state.pdfs.set(`inv-${id}`, tinyPdf([`Rechnung RE-B-${id}`]));
  }
}
