import {
  bexioStatusesOf,
  clampLevel,
  contactName,
  parseDocumentId,
  paymentReferenceOf,
  reminderFee,
  splitStreetLine,
  storedStatusOf,
} from './bexio-mapping.js';
import { BexioContactSchema, BexioInvoiceSchema, BexioReminderSchema } from './bexio.schemas.js';

const invoice = (fields: Record<string, unknown> = {}) =>
  BexioInvoiceSchema.parse({
    id: 52,
    document_nr: 'RE-00052',
    contact_id: 2,
    currency_id: 1,
    total: '814.300000',
    total_remaining_payments: '814.3000',
    is_valid_from: '2024-09-30',
    is_valid_to: '2024-10-14',
    kb_item_status_id: 8,
    ...fields,
  });
const reminder = (fields: Record<string, unknown> = {}) =>
  BexioReminderSchema.parse({
    id: 65,
    kb_invoice_id: 52,
    is_valid_from: '2024-10-20',
    is_valid_to: '2024-11-03',
    reminder_level: 1,
    remaining_price: '814.300000',
    received_total: '0.000000',
    is_sent: false,
    ...fields,
  });

describe('bexio mapping', () => {
  it('tells invoices from reminders by id, and nothing else', () => {
    expect(parseDocumentId('inv-52')).toEqual({ kind: 'invoice', invoiceId: 52 });
    expect(parseDocumentId('rem-52-65')).toEqual({ kind: 'reminder', invoiceId: 52, reminderId: 65 });
    for (const id of ['inv-', 'inv-5x', 'rem-52', 'doc-1', 'inv-1 ', 'INV-1'])
      expect(parseDocumentId(id), id).toBeUndefined();
  });

  it('maps each bexio status, and an open one with nothing left to pay as paid', () => {
    expect(storedStatusOf(invoice({ kb_item_status_id: 7 }))).toBe('draft');
    expect(storedStatusOf(invoice({ kb_item_status_id: 9 }))).toBe('paid');
    expect(storedStatusOf(invoice({ kb_item_status_id: 19 }))).toBe('cancelled');
    for (const status of [8, 16, 31])
      expect(storedStatusOf(invoice({ kb_item_status_id: status })), String(status)).toBe('open');
    expect(storedStatusOf(invoice({ kb_item_status_id: 16, total_remaining_payments: '0.0049' }))).toBe('paid');
    expect(storedStatusOf(invoice({ kb_item_status_id: 16, total_remaining_payments: '0.0050' }))).toBe('open');
    expect(storedStatusOf(invoice({ kb_item_status_id: 42 }))).toBeUndefined();
  });

  it('asks bexio for the statuses that hold each of LedgerMail’s', () => {
    expect(bexioStatusesOf(['open'])).toEqual([8, 16, 31]);
    expect(bexioStatusesOf(['overdue'])).toEqual([8, 16, 31]);
    expect(bexioStatusesOf(['draft', 'paid', 'cancelled'])).toEqual([7, 9, 19]);
  });

  it('splits a one-line address at the house number, at its end or its start', () => {
    expect(splitStreetLine('Alte Jonastrasse 24')).toEqual({ street: 'Alte Jonastrasse', buildingNumber: '24' });
    expect(splitStreetLine('Via Nassa 5a')).toEqual({ street: 'Via Nassa', buildingNumber: '5a' });
    expect(splitStreetLine('Bahnhofstrasse 12 b')).toEqual({ street: 'Bahnhofstrasse', buildingNumber: '12b' });
    expect(splitStreetLine('Route de Berne 3-5')).toEqual({ street: 'Route de Berne', buildingNumber: '3-5' });
    expect(splitStreetLine('12, rue de Genève')).toEqual({ street: 'rue de Genève', buildingNumber: '12' });
    expect(splitStreetLine('Strasse des 1. August 7')).toEqual({
      street: 'Strasse des 1. August',
      buildingNumber: '7',
    });
    expect(splitStreetLine('Postfach')).toEqual({ street: 'Postfach', buildingNumber: '' });
    expect(splitStreetLine('Seestrasse 41\nPostfach 12')).toEqual({ street: 'Seestrasse', buildingNumber: '41' });
  });

  it('names a company by name_1 and a person by first and last name', () => {
    const contact = (fields: Record<string, unknown>) =>
      BexioContactSchema.parse({ id: 1, nr: null, contact_type_id: 1, name_1: 'Muster AG', ...fields });
    expect(contactName(contact({ name_2: 'Filiale Bern' }))).toBe('Muster AG');
    expect(contactName(contact({ contact_type_id: 2, name_1: 'Meier', name_2: 'Anna' }))).toBe('Anna Meier');
    expect(contactName(contact({ contact_type_id: 2, name_1: 'Meier', name_2: null }))).toBe('Meier');
  });

  it('derives the fee from what the reminder asks beyond the open amount when it was written', () => {
    expect(reminderFee(reminder(), invoice())).toBe(0);
    expect(reminderFee(reminder({ remaining_price: '834.300000' }), invoice())).toBe(20);
    // 1000 paid before the reminder: it asks 1000 less, and its fee is still 20.
    expect(reminderFee(reminder({ remaining_price: '-165.700000', received_total: '1000.000000' }), invoice())).toBe(
      20,
    );
    // A payment after the reminder changes the invoice's remaining amount, not the reminder's fee.
    const later = invoice({ total_remaining_payments: '314.3000' });
    expect(reminderFee(reminder({ remaining_price: '834.300000' }), later)).toBe(20);
    expect(reminderFee(reminder({ remaining_price: '814.290000' }), invoice())).toBe(0);
    expect(reminderFee(reminder({ remaining_price: '814.310000' }), invoice())).toBe(0.01);
  });

  it('keeps levels 1 to 3 and clamps the ones bexio counts beyond', () => {
    expect([0, 1, 2, 3, 4, 7].map(clampLevel)).toEqual([1, 1, 2, 3, 3, 3]);
  });

  it("reads a payment reference from bexio's reference only when it is one", () => {
    expect(paymentReferenceOf(invoice({ reference: '00 00000 00000 00000 00000 00016' }))).toBe(
      '000000000000000000000000016',
    );
    expect(paymentReferenceOf(invoice({ reference: 'RF18539007547034' }))).toBe('RF18539007547034');
    expect(paymentReferenceOf(invoice({ reference: 'Bestellung 4711' }))).toBeNull();
    expect(paymentReferenceOf(invoice({ reference: null }))).toBeNull();
  });
});
