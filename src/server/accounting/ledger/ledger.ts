import type { Address, Customer, DocumentDetail, DocumentLine } from '../../../contract/documents.schemas.js';
import { AppError } from '../../../contract/errors.js';
import type { Language } from '../../../contract/locale.js';
import { renderDocumentPdf, type RemindedInvoice, type RenderPdf } from '../../pdf/document-pdf.js';
import { signatureOf, type Creditor } from '../../pdf/qr-bill-data.js';
import { documentFileName } from '../../pdf/wording.js';
import type { Db } from '../../storage/database.js';
import type { AccountingConnector } from '../connector.js';
import { reminderLines } from '../document-lines.js';
import { DEMO_CREDITOR } from './company.js';
import { todayInSwitzerland } from './dates.js';
import { generateLedgerData } from './demo-data.js';
import {
  countDocumentMatches,
  customerId,
  DOCUMENT_COLUMNS,
  DOCUMENT_JOINS,
  parseDocumentId,
  selectDocumentPage,
  toSummary,
  type LedgerDocumentRow,
} from './document-queries.js';
import { migrateLedger } from './schema.js';
import { insertLedgerData, isLedgerEmpty } from './seed.js';
import { createTextSearch } from './text-search.js';

export type BuiltInLedgerOptions = {
  /** Today's date (YYYY-MM-DD): decides what is overdue. Tests pin it; the bridge asks the clock. */
  today?: () => string;
  creditor?: Creditor;
  /** Where PDFs are drawn: the bridge's PDF threads (pdf-pool.ts); this thread unless given. */
  renderPdf?: RenderPdf;
};

export type BuiltInLedger = AccountingConnector & {
  creditor: Creditor;
  /** The ledger's customers with their addresses, in id order (the demo customers after seeding). */
  listCustomers(): Customer[];
};

type CustomerRow = {
  id: number;
  number: string;
  name: string;
  language: Language;
  street: string;
  building_number: string;
  postal_code: string;
  town: string;
  country: string;
  emails: string;
};

const CUSTOMER_SELECT = `
  SELECT c.id, c.number, c.name, c.language, c.street, c.building_number, c.postal_code, c.town, c.country,
    (SELECT json_group_array(email) FROM (
      SELECT e.email FROM ledger_customer_emails e WHERE e.customer_id = c.id ORDER BY e.position)) AS emails
  FROM ledger_customers c`;

function toAddress(row: Pick<CustomerRow, 'street' | 'building_number' | 'postal_code' | 'town' | 'country'>): Address {
  return {
    street: row.street,
    buildingNumber: row.building_number,
    postalCode: row.postal_code,
    town: row.town,
    country: row.country,
  };
}

function toCustomer(row: CustomerRow): Customer {
  const emails = JSON.parse(row.emails) as string[];
  return {
    id: customerId(row.id),
    number: row.number,
    name: row.name,
    email: emails[0] ?? null,
    language: row.language,
    emails,
    address: toAddress(row),
  };
}

/**
 * Seeds the demo ledger when the database has none yet: on the first start of a fresh data directory.
 * Dates are relative to the day of seeding (see docs/decisions/002-built-in-ledger.md).
 */
export function seedDemoLedgerIfEmpty(db: Db, referenceDate: string = todayInSwitzerland()): boolean {
  migrateLedger(db);
  if (!isLedgerEmpty(db)) return false;
  insertLedgerData(db, generateLedgerData({ referenceDate }));
  return true;
}

/** The built-in ledger: LedgerMail's default accounting backend, on the bridge's own SQLite file. */
export function createBuiltInLedger(db: Db, options: BuiltInLedgerOptions = {}): BuiltInLedger {
  migrateLedger(db);
  const today = options.today ?? (() => todayInSwitzerland());
  const creditor = options.creditor ?? DEMO_CREDITOR;
  const renderPdf = options.renderPdf ?? renderDocumentPdf;
  const textSearch = createTextSearch(db);
  const documentById = db.prepare(
    `SELECT ${DOCUMENT_COLUMNS} FROM ledger_documents d ${DOCUMENT_JOINS} WHERE d.id = ? AND d.kind = ?`,
  );
  const linesOf = db.prepare(
    `SELECT description, quantity, unit_price_cents, vat_rate, amount_cents FROM ledger_document_lines
     WHERE document_id = ? ORDER BY position`,
  );
  const addressOf = db.prepare(
    'SELECT street, building_number, postal_code, town, country FROM ledger_customers WHERE id = ?',
  );
  const invoiceDates = db.prepare('SELECT number, issue_date, due_date FROM ledger_documents WHERE id = ?');
  const customersByEmail = db.prepare(
    `${CUSTOMER_SELECT} WHERE c.id IN (SELECT e.customer_id FROM ledger_customer_emails e
       WHERE e.email_key IN (SELECT value FROM json_each(?))) ORDER BY c.id`,
  );
  const allCustomers = db.prepare(`${CUSTOMER_SELECT} ORDER BY c.id`);
  const insertSent = db.prepare(
    `INSERT INTO ledger_sent (document_id, sent_at, mode, sent_by, send_id) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (document_id, send_id) DO NOTHING`,
  );

  function remindedInvoice(row: LedgerDocumentRow): RemindedInvoice | undefined {
    if (row.invoice_id === null) return undefined;
    const invoice = invoiceDates.get(row.invoice_id) as { number: string; issue_date: string; due_date: string };
    return { number: invoice.number, issueDate: invoice.issue_date, dueDate: invoice.due_date };
  }

  function detailOf(row: LedgerDocumentRow): DocumentDetail {
    const summary = toSummary(row, today());
    let lines: DocumentLine[];
    const reminded = remindedInvoice(row);
    if (reminded) {
      lines = reminderLines(row.customer_language, reminded.number, summary.openAmount, summary.fee);
    } else {
      lines = (
        linesOf.all(row.id) as {
          description: string;
          quantity: number;
          unit_price_cents: number;
          vat_rate: number;
          amount_cents: number;
        }[]
      ).map((l) => ({
        description: l.description,
        quantity: l.quantity,
        unitPrice: l.unit_price_cents / 100,
        vatRate: l.vat_rate,
        amount: l.amount_cents / 100,
      }));
    }
    const address = addressOf.get(row.customer_id) as CustomerRow;
    return { ...summary, lines, customerAddress: toAddress(address), paymentReference: row.payment_reference };
  }

  function findRow(id: string): LedgerDocumentRow | undefined {
    const parsed = parseDocumentId(id);
    if (!parsed) return undefined;
    return documentById.get(parsed.rowId, parsed.kind) as LedgerDocumentRow | undefined;
  }

  return {
    creditor,
    async listDocuments(query) {
      return selectDocumentPage(db, query, today(), textSearch);
    },
    async countDocuments(query) {
      return countDocumentMatches(db, query, today(), textSearch);
    },
    async getDocument(id) {
      const row = findRow(id);
      return row ? detailOf(row) : undefined;
    },
    async getDocumentPdf(id) {
      const row = findRow(id);
      if (!row) return undefined;
      const document = detailOf(row);
      const content = await renderPdf({ document, remindedInvoice: remindedInvoice(row), creditor });
      return { fileName: documentFileName(document.customer.language, document.kind, document.number), content };
    },
    async findCustomersByEmail(emails) {
      const keys = JSON.stringify([...new Set(emails.map((e) => e.toLowerCase()))]);
      return (customersByEmail.all(keys) as CustomerRow[]).map(toCustomer);
    },
    async recordSent(input) {
      const rows = input.documentIds.map((id) => ({ id, row: findRow(id) }));
      const unknown = rows.filter((r) => !r.row).map((r) => r.id);
      // All or nothing: a send that names an unknown document is recorded for none of them.
      if (unknown.length > 0) throw new AppError('not_found', `No such document: ${unknown.join(', ')}`);
      db.transaction(() => {
        for (const { row } of rows) insertSent.run(row!.id, input.sentAt, input.mode, input.sentBy, input.sendId);
      })();
    },
    async getCompany() {
      return { name: creditor.name, signature: signatureOf(creditor) };
    },
    listCustomers() {
      return (allCustomers.all() as CustomerRow[]).map(toCustomer);
    },
  };
}
