import path from 'node:path';
import { pdfText } from '../../../../test/support/pdf-reader';
import { useTempDir } from '../../../../test/support/temp-dir';
import { DocumentQuerySchema } from '../../../contract/documents-query.schemas.js';
import { migrate, openDatabase } from '../../storage/database.js';
import { generateLedgerData } from './demo-data.js';
import { createBuiltInLedger } from './ledger.js';
import { LEDGER_MIGRATIONS } from './schema.js';

const TODAY = '2026-04-15';

describe('ledger schema', () => {
  const dir = useTempDir();
  const data = generateLedgerData({ referenceDate: TODAY });

  /** A database file as a bridge from before customer numbers left it: migrations 1–2, demo customers. */
  function databaseOfAnOlderBridge(file: string): void {
    const db = openDatabase(file);
    migrate(
      db,
      'ledger',
      LEDGER_MIGRATIONS.filter((m) => m.version <= 2),
    );
    const insertCustomer = db.prepare(
      `INSERT INTO ledger_customers (id, name, language, street, building_number, postal_code, town, country,
         search_text) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const customers = data.customers.slice(0, 12);
    customers.forEach((c, index) => {
      const a = c.address;
      insertCustomer.run(
        index + 1,
        c.name,
        c.language,
        a.street,
        a.buildingNumber,
        a.postalCode,
        a.town,
        a.country,
        '',
      );
    });
    db.prepare(
      `INSERT INTO ledger_documents (id, kind, number, customer_id, issue_date, due_date, currency, total_cents,
         open_cents, status, payment_reference) VALUES (1, 'invoice', '2026-0001', 10, '2026-03-01', '2026-03-31',
         'CHF', 10000, 10000, 'open', '210000000003139471430009017')`,
    ).run();
    db.close();
  }

  it('opens a database an older bridge created: its customers get the numbers a fresh seed gives them', async () => {
    const file = path.join(dir(), 'ledgermail.sqlite');
    databaseOfAnOlderBridge(file);

    const db = openDatabase(file);
    try {
      const ledger = createBuiltInLedger(db, { today: () => TODAY });
      const numbers = ledger.listCustomers().map((c) => [c.id, c.number]);
      expect(numbers).toEqual(data.customers.slice(0, 12).map((c) => [c.id, c.number]));
      expect(new Set(numbers.map(([, number]) => number)).size).toBe(12);

      const page = await ledger.listDocuments(DocumentQuerySchema.parse({}));
      expect(page.items.map((d) => d.customer)).toEqual([expect.objectContaining({ id: 'cus-10', number: '10010' })]);
      const text = pdfText((await ledger.getDocumentPdf('inv-1'))!.content).replace(/\s+/g, ' ');
      expect(text).toContain('10010');
      expect(text).not.toMatch(/cus-\d/);
    } finally {
      db.close();
    }
  });

  it('refuses a customer without a number, and two customers with the same one', () => {
    const db = openDatabase(path.join(dir(), 'ledgermail.sqlite'));
    try {
      createBuiltInLedger(db);
      const insert = db.prepare(
        `INSERT INTO ledger_customers (id, number, name, language, street, building_number, postal_code, town,
           country, search_text) VALUES (?, ?, 'X', 'de', 'Weg', '1', '3000', 'Bern', 'CH', 'x')`,
      );
      expect(() => insert.run(1, '')).toThrow('a ledger customer needs a customer number');
      insert.run(1, '10001');
      expect(() => insert.run(2, '10001')).toThrow(/UNIQUE constraint failed: ledger_customers.number/);
      expect(() => db.prepare("UPDATE ledger_customers SET number = '' WHERE id = 1").run()).toThrow(
        'a ledger customer needs a customer number',
      );
    } finally {
      db.close();
    }
  });
});
