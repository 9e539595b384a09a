import path from 'node:path';
import { useTempDir } from '../../../../test/support/temp-dir';
import { DocumentQuerySchema, type DocumentQueryInput } from '../../../contract/documents-query.schemas.js';
import { openDatabase, type Db } from '../../storage/database.js';
import { generateLedgerData } from './demo-data.js';
import { createBuiltInLedger, type BuiltInLedger } from './ledger.js';
import { migrateLedger } from './schema.js';
import { insertLedgerData } from './seed.js';
import { createTextSearch } from './text-search.js';

// Large enough that broad searches take the index walk and selective ones the candidate set.
const TODAY = '2026-04-15';
const data = generateLedgerData({ referenceDate: TODAY, invoices: 3000 });
const idOf = (d: (typeof data.documents)[number]) => `${d.kind === 'invoice' ? 'inv' : 'rem'}-${d.rowId}`;

describe('search box over a larger ledger', () => {
  const tempDir = useTempDir();
  let db: Db;
  let ledger: BuiltInLedger;
  beforeEach(() => {
    db = openDatabase(path.join(tempDir(), 'ledgermail.sqlite'));
    migrateLedger(db);
    insertLedgerData(db, data);
    ledger = createBuiltInLedger(db, { today: () => TODAY });
  });
  afterEach(() => db.close());

  async function listAll(input: DocumentQueryInput) {
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await ledger.listDocuments(DocumentQuerySchema.parse({ ...input, limit: '200', cursor }));
      ids.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return ids;
  }

  function expected(q: string, kind?: 'invoice' | 'reminder') {
    const needle = q.toLowerCase();
    return data.documents
      .filter((d) => !kind || d.kind === kind)
      .filter((d) => {
        const customer = data.customers.find((c) => c.id === d.customerId)!;
        return [d.number, customer.name, ...customer.emails].some((text) => text.toLowerCase().includes(needle));
      })
      .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.rowId - a.rowId)
      .map(idOf);
  }

  it('finds the same documents, in the same order, whichever way the search is planned', async () => {
    const plan = createTextSearch(db);
    const broad = ['.EXAMPLE', 'xampl', '2025', 'SA', '-1'];
    const selective = [data.customers[17]!.name.slice(0, 9), '2026-000', data.customers[5]!.emails[0] ?? 'x@y'];
    for (const q of broad.filter((q) => q.length >= 3)) expect(plan(q).sql, q).toContain('+d.customer_id');
    for (const q of selective) expect(plan(q).sql, q).toContain('UNION');
    for (const q of [...broad, ...selective, 'INFO@', 'nothing-like-this']) {
      expect(await listAll({ q }), q).toEqual(expected(q));
      expect(await listAll({ q, kind: 'reminder' }), `${q} reminders`).toEqual(expected(q, 'reminder'));
    }
  });

  it('plans by trigrams from three characters on, and scans below', async () => {
    const plan = createTextSearch(db);
    // The rarest three letters of a customer name: few enough documents for the candidate set.
    const windows = new Set(
      data.customers.flatMap((c) => [...c.name].slice(0, -2).map((_, i) => [...c.name].slice(i, i + 3).join(''))),
    );
    const rarest = [...windows]
      .filter((w) => !/[\s"]/.test(w))
      .map((w) => ({ w, count: expected(w).length }))
      .filter((x) => x.count > 0)
      .sort((a, b) => a.count - b.count)[0]!.w;
    expect(plan(rarest).sql, rarest).toContain('UNION');
    expect(await listAll({ q: rarest }), rarest).toEqual(expected(rarest));
    const two = rarest.slice(0, 2);
    expect(plan(two).sql, two).not.toContain('UNION');
    expect(await listAll({ q: two }), two).toEqual(expected(two));
  });

  it('treats FTS syntax in the search box as plain text', async () => {
    for (const q of ['"', 'a" OR "b', 'NEAR(x y)', '*', 'info AND gmbh', "o'brien"]) {
      expect(await listAll({ q }), q).toEqual(expected(q));
    }
  });
});
