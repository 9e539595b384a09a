/**
 * Fills the built-in ledger with generated demo data, e.g. a large one for benchmarks:
 *
 *   npm run seed -- --invoices 100000 [--customers 4000] [--data-dir DIR] [--reference-date 2026-04-15]
 *
 * Replaces whatever the ledger held (customers, documents, sent records); the other modules' tables stay.
 * The data is deterministic: the same options give the same ledger. Dates are relative to the reference date
 * (default: today in Switzerland).
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { todayInSwitzerland } from '../src/server/accounting/ledger/dates';
import { generateLedgerData } from '../src/server/accounting/ledger/demo-data';
import { migrateLedger } from '../src/server/accounting/ledger/schema';
import { clearLedger, insertLedgerData } from '../src/server/accounting/ledger/seed';
import { openDatabase } from '../src/server/storage/database';

const { values } = parseArgs({
  options: {
    invoices: { type: 'string', default: '320' },
    customers: { type: 'string' },
    'data-dir': { type: 'string', default: process.env.DATA_DIR || './data' },
    'reference-date': { type: 'string' },
  },
});

const OptionsSchema = z.object({
  invoices: z.coerce.number().int().min(1).max(2_000_000),
  customers: z.coerce.number().int().min(1).max(200_000).optional(),
  'data-dir': z.string().min(1),
  'reference-date': z.iso.date().optional(),
});

const parsed = OptionsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((issue) => `--${issue.path.join('.')}: ${issue.message}`).join('\n'));
  process.exit(2);
}
const options = parsed.data;
const file = path.resolve(options['data-dir'], 'ledgermail.sqlite');
const referenceDate = options['reference-date'] ?? todayInSwitzerland();

const started = Date.now();
const data = generateLedgerData({ invoices: options.invoices, customers: options.customers, referenceDate });
const db = openDatabase(file);
migrateLedger(db);
clearLedger(db);
insertLedgerData(db, data);
db.close();
const reminders = data.documents.filter((d) => d.kind === 'reminder').length;
console.log(
  `Seeded ${file}: ${data.customers.length} customers, ${data.documents.length - reminders} invoices, ` +
    `${reminders} reminders (dates relative to ${referenceDate}) in ${((Date.now() - started) / 1000).toFixed(1)} s.`,
);
