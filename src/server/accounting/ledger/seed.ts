import type { Db } from '../../storage/database.js';
import type { LedgerData } from './demo-data.js';

/** Whether the ledger holds no customers yet, i.e. a fresh data directory. */
export function isLedgerEmpty(db: Db): boolean {
  return db.prepare('SELECT 1 FROM ledger_customers LIMIT 1').get() === undefined;
}

export function customerRowId(id: string): number {
  return Number(id.slice('cus-'.length));
}

/** Writes generated ledger data in one transaction (a half-seeded ledger would never be seeded again). */
export function insertLedgerData(db: Db, data: LedgerData): void {
  const insertCustomer = db.prepare(
    `INSERT INTO ledger_customers (id, number, name, language, street, building_number, postal_code, town, country,
       search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertEmail = db.prepare(
    'INSERT INTO ledger_customer_emails (customer_id, position, email, email_key) VALUES (?, ?, ?, ?)',
  );
  const insertDocument = db.prepare(
    `INSERT INTO ledger_documents (id, kind, number, customer_id, issue_date, due_date, currency, total_cents,
       open_cents, status, payment_reference, invoice_id, level, fee_cents)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const insertLine = db.prepare(
    `INSERT INTO ledger_document_lines (document_id, position, description, quantity, unit_price_cents, vat_rate,
       amount_cents) VALUES (?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    for (const c of data.customers) {
      const rowId = customerRowId(c.id);
      const a = c.address;
      const searchText = [c.name, ...c.emails].join(' ').toLowerCase();
      insertCustomer.run(
        rowId,
        c.number,
        c.name,
        c.language,
        a.street,
        a.buildingNumber,
        a.postalCode,
        a.town,
        a.country,
        searchText,
      );
      c.emails.forEach((email, position) => insertEmail.run(rowId, position, email, email.toLowerCase()));
    }
    for (const d of data.documents) {
      insertDocument.run(
        d.rowId,
        d.kind,
        d.number,
        customerRowId(d.customerId),
        d.issueDate,
        d.dueDate,
        d.currency,
        d.totalCents,
        d.openCents,
        d.status,
        d.paymentReference,
        d.invoiceRowId,
        d.level,
        d.feeCents,
      );
      d.lines.forEach((l, position) =>
        insertLine.run(d.rowId, position, l.description, l.quantity, l.unitPriceCents, l.vatRate, l.amountCents),
      );
    }
  })();
  db.exec('ANALYZE');
}

/** Empties the ledger (for the seed tool's `--replace`); the schema and other modules' tables stay. */
export function clearLedger(db: Db): void {
  db.transaction(() => {
    for (const table of [
      'ledger_sent',
      'ledger_document_lines',
      'ledger_documents',
      'ledger_customer_emails',
      'ledger_customers',
    ]) {
      db.exec(`DELETE FROM ${table}`);
    }
  })();
}
