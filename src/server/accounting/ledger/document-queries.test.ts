import path from 'node:path';
import {
  DocumentCountQuerySchema,
  DocumentQuerySchema,
  type DocumentCountQueryInput,
  type DocumentQueryInput,
} from '../../../contract/documents-query.schemas.js';
import { openDatabase, type Db } from '../../storage/database.js';
import { addDays } from './dates.js';
import { LEDGER_COUNT_LIMIT } from './document-queries.js';
import { createBuiltInLedger, type BuiltInLedger } from './ledger.js';
import { migrateLedger } from './schema.js';
import { insertLedgerData } from './seed.js';
import { ledgerCustomer, ledgerDocument, type LedgerSeed } from '../../../../test/support/pane-ledger';
import { useTempDir } from '../../../../test/support/temp-dir';

/**
 * The edges of the ledger's filters, each pinned from both sides: a document due exactly on the boundary
 * day, one day before and one day after. "Today" is pinned; documents are named by how many days ago they
 * fell due (`due-30` fell due 30 days before today, `due+1` falls due tomorrow).
 */
const TODAY = '2026-03-15';
const AGES = [-1, 0, 1, 29, 30, 31] as const;

/** A ledger on a fresh SQLite file, for each test: one customer and the invoices `seeds` names. */
function useLedgerOf(seeds: () => LedgerSeed[]) {
  const dir = useTempDir();
  let db: Db;
  let ledger: BuiltInLedger;
  beforeEach(() => {
    db = openDatabase(path.join(dir(), 'ledger.sqlite'));
    migrateLedger(db);
    insertLedgerData(db, {
      customers: [ledgerCustomer(1, 'Bäckerei Brunner AG', 'info@brunner.ch', 'de', 'Marktgasse', '3011', 'Bern')],
      documents: seeds().map((seed) => ledgerDocument(seed, 'invoice')),
    });
    ledger = createBuiltInLedger(db, { today: () => TODAY });
  });
  afterEach(() => db.close());
  return () => ledger;
}

describe('ledger filters at their boundaries', () => {
  const ledger = useLedgerOf(() => [
    ...AGES.map((age, i): LedgerSeed => ({
      row: i + 1,
      number: age < 0 ? `due+${-age}` : `due-${age}`,
      customer: 1,
      dueDate: addDays(TODAY, -age),
      total: 100,
      status: 'open',
    })),
    // Settled long ago: never overdue, whatever its due date.
    { row: 50, number: 'paid-40', customer: 1, dueDate: addDays(TODAY, -40), total: 100, status: 'paid' },
  ]);

  const numbers = async (query: DocumentQueryInput) =>
    (await ledger().listDocuments(DocumentQuerySchema.parse(query))).items.map((d) => d.number).sort();

  it('counts a document overdue by N days from the N-th day after its due date on', async () => {
    expect(await numbers({ overdueDays: '30' })).toEqual(['due-30', 'due-31']);
    expect(await numbers({ overdueDays: '29' })).toEqual(['due-29', 'due-30', 'due-31']);
    expect(await numbers({ overdueDays: '31' })).toEqual(['due-31']);
  });

  it('never counts a document due today as overdue, not even for overdueDays=0', async () => {
    const pastDue = ['due-1', 'due-29', 'due-30', 'due-31'];
    expect(await numbers({ overdueDays: '1' })).toEqual(pastDue);
    expect(await numbers({ overdueDays: '0' })).toEqual(pastDue);
  });

  it('calls a document due today open and one due yesterday overdue', async () => {
    expect(await numbers({ status: 'open' })).toEqual(['due+1', 'due-0']);
    expect(await numbers({ status: 'overdue' })).toEqual(['due-1', 'due-29', 'due-30', 'due-31']);
    const page = await ledger().listDocuments(DocumentQuerySchema.parse({}));
    const statusOf = (number: string) => page.items.find((d) => d.number === number)!.status;
    expect([statusOf('due+1'), statusOf('due-0'), statusOf('due-1'), statusOf('paid-40')]).toEqual([
      'open',
      'open',
      'overdue',
      'paid',
    ]);
  });

  it('offers a next page only when there is one: not when the last page is exactly full', async () => {
    const all = AGES.length + 1;
    expect((await ledger().listDocuments(DocumentQuerySchema.parse({ limit: String(all) }))).nextCursor).toBeNull();
    const short = await ledger().listDocuments(DocumentQuerySchema.parse({ limit: String(all - 1) }));
    expect(short.nextCursor).not.toBeNull();
    const rest = await ledger().listDocuments(
      DocumentQuerySchema.parse({ limit: String(all - 1), cursor: short.nextCursor! }),
    );
    expect(rest.items).toHaveLength(1);
    expect(rest.nextCursor).toBeNull();
  });
});

/**
 * How many documents a query matches over all its pages: exact up to the ledger's counting bound, "more
 * than" beyond it, pinned on both sides of the bound.
 */
describe('ledger counts', () => {
  // LEDGER_COUNT_LIMIT paid invoices and one open one: one query meets the bound exactly, another passes it.
  const ledger = useLedgerOf(() =>
    Array.from({ length: LEDGER_COUNT_LIMIT + 1 }, (_, i) => ({
      row: i + 1,
      number: `T-${String(i + 1).padStart(4, '0')}`,
      customer: 1,
      dueDate: addDays(TODAY, -(i % 400)),
      total: 100,
      status: i === 0 ? 'open' : 'paid',
    })),
  );

  const count = (query: DocumentCountQueryInput) => ledger().countDocuments(DocumentCountQuerySchema.parse(query));

  it('counts exactly up to the bound and says "more than" past it', async () => {
    expect(LEDGER_COUNT_LIMIT).toBe(1000);
    expect(await count({ status: 'paid' })).toEqual({ count: 1000, exact: true });
    expect(await count({})).toEqual({ count: 1000, exact: false });
    expect(await count({ kind: 'invoice', status: 'open' })).toEqual({ count: 1, exact: true });
    expect(await count({ kind: 'reminder' })).toEqual({ count: 0, exact: true });
  });

  it('counts what the list finds: search, filters, over all its pages', async () => {
    for (const query of [{ q: 'T-000' }, { q: 't-00', status: 'paid' }, { overdueDays: '300' }, { q: 'brunner' }]) {
      const items = [];
      let cursor: string | null = null;
      do {
        const page = await ledger().listDocuments(
          DocumentQuerySchema.parse({ ...query, limit: '200', ...(cursor ? { cursor } : {}) }),
        );
        items.push(...page.items);
        cursor = page.nextCursor;
      } while (cursor);
      const counted = await count(query);
      expect(counted, JSON.stringify(query)).toEqual(
        items.length > LEDGER_COUNT_LIMIT ? { count: 1000, exact: false } : { count: items.length, exact: true },
      );
    }
  });
});
