import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach } from '@jest/globals';
import { describeAccountingContract } from '../../../../test/support/accounting-contract.js';
import {
  FIXTURE_COMPANY,
  FIXTURE_CUSTOMERS,
  FIXTURE_INVOICES,
  FIXTURE_TODAY,
} from '../../../../test/support/accounting-fixture.js';
import { openDatabase, type Db } from '../../storage/database.js';
import type { LedgerData, LedgerDocument } from './demo-data.js';
import { createBuiltInLedger } from './ledger.js';
import { paymentReferenceFor } from './references.js';
import { migrateLedger } from './schema.js';
import { insertLedgerData } from './seed.js';

/** The contract fixture as rows of the built-in ledger: invoices first, then their reminders. */
function fixtureAsLedgerData(): LedgerData {
  const customerIds = new Map(FIXTURE_CUSTOMERS.map((c, index) => [c.key, `cus-${index + 1}`]));
  const customers = FIXTURE_CUSTOMERS.map((c) => ({ ...c, id: customerIds.get(c.key)! }));
  const invoices: LedgerDocument[] = FIXTURE_INVOICES.map((invoice, index) => {
    const rowId = index + 1;
    const settled = invoice.state === 'paid' || invoice.state === 'cancelled';
    return {
      rowId,
      kind: 'invoice',
      number: invoice.number,
      customerId: customerIds.get(invoice.customerKey)!,
      issueDate: invoice.issueDate,
      dueDate: invoice.dueDate,
      currency: invoice.currency,
      totalCents: invoice.totalCents,
      openCents: settled ? 0 : invoice.totalCents - invoice.paidCents,
      status: invoice.state === 'issued' ? 'open' : invoice.state,
      paymentReference: paymentReferenceFor(invoice.currency, rowId),
      lines: invoice.lines.map((l) => ({ ...l, amountCents: Math.round(l.quantity * l.unitPriceCents) })),
      invoiceRowId: null,
      level: null,
      feeCents: null,
    };
  });
  let rowId = invoices.length;
  const reminders = FIXTURE_INVOICES.flatMap((invoice, index) =>
    invoice.reminders.map((r): LedgerDocument => {
      rowId += 1;
      return {
        ...invoices[index]!,
        rowId,
        kind: 'reminder',
        number: r.number,
        issueDate: r.issueDate,
        dueDate: r.dueDate,
        status: 'open',
        paymentReference: paymentReferenceFor(invoice.currency, rowId),
        lines: [],
        invoiceRowId: index + 1,
        level: r.level,
        feeCents: r.feeCents,
      };
    }),
  );
  return { customers, documents: [...invoices, ...reminders] };
}

let db: Db | undefined;
let dir: string | undefined;
afterEach(() => {
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeAccountingContract('built-in ledger', async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-ledger-contract-'));
  db = openDatabase(path.join(dir, 'ledger.sqlite'));
  migrateLedger(db);
  insertLedgerData(db, fixtureAsLedgerData());
  return {
    connector: createBuiltInLedger(db, { today: () => FIXTURE_TODAY, creditor: FIXTURE_COMPANY }),
    reminders: 'stored',
  };
});
