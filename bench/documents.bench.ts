/**
 * Search over a 100,000-invoice ledger: `q` (number, customer name or e-mail, substring) and `customerEmail`
 * (one or two addresses), as the task pane asks while the user composes, and the count of a search's
 * invoices that its pager shows (asked apart from the list, once per search). Target: p95 ≤ 15 ms each. The
 * baseline is a document fetched by id through the same connector, measured in the same run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  DocumentCountQuerySchema,
  DocumentQuerySchema,
  type DocumentQueryInput,
} from '../src/contract/documents-query.schemas';
import { generateLedgerData } from '../src/server/accounting/ledger/demo-data';
import { createBuiltInLedger } from '../src/server/accounting/ledger/ledger';
import { migrateLedger } from '../src/server/accounting/ledger/schema';
import { insertLedgerData } from '../src/server/accounting/ledger/seed';
import { createRandom } from '../src/server/accounting/ledger/random';
import { openDatabase } from '../src/server/storage/database';
import { median, percentile, timeEach, type Benchmark } from './harness';

const INVOICES = Number(process.env.BENCH_DOCUMENTS_INVOICES ?? 100_000);
const RUNS = 400;
const REFERENCE_DATE = '2026-04-15';

/** A piece of `text` of 3–8 characters, as a user would type part of a name, an address or a number. */
function fragment(text: string, random: ReturnType<typeof createRandom>): string {
  const length = Math.min(text.length, random.int(3, 8));
  const start = random.int(0, text.length - length);
  return text.slice(start, start + length);
}

const benchmark: Benchmark = {
  name: `Documents search over ${INVOICES.toLocaleString('en')} invoices`,
  async run(report) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-'));
    try {
      const seeding = Date.now();
      const data = generateLedgerData({ invoices: INVOICES, referenceDate: REFERENCE_DATE });
      const db = openDatabase(path.join(dir, 'ledgermail.sqlite'));
      migrateLedger(db);
      insertLedgerData(db, data);
      report.note(
        `seeded ${data.customers.length} customers and ${data.documents.length} documents in ${Date.now() - seeding} ms`,
      );
      const ledger = createBuiltInLedger(db, { today: () => REFERENCE_DATE });
      const random = createRandom(7);
      const withEmail = data.customers.filter((c) => c.emails.length > 0);
      const numbers = data.documents.map((d) => d.number);

      // Names, e-mail parts and numbers in equal shares; some upper-cased as people type them.
      const qs = Array.from({ length: RUNS }, (_, i) => {
        const customer = random.pick(withEmail);
        const source = [customer.name, customer.emails[0]!, random.pick(numbers)][i % 3]!;
        const text = fragment(source, random);
        return random.chance(0.3) ? text.toUpperCase() : text;
      });
      const emailSets = Array.from({ length: RUNS }, () => {
        const picks = [random.pick(withEmail), ...(random.chance(0.5) ? [random.pick(withEmail)] : [])];
        return picks.map((c) => random.pick(c.emails)).join(',');
      });
      const ids = Array.from({ length: RUNS }, () => {
        const document = random.pick(data.documents);
        return `${document.kind === 'invoice' ? 'inv' : 'rem'}-${document.rowId}`;
      });

      const list = (input: DocumentQueryInput) => ledger.listDocuments(DocumentQuerySchema.parse(input));
      const baseline = await timeEach(RUNS, (i) => ledger.getDocument(ids[i]!), 50);
      const byQ = await timeEach(RUNS, (i) => list({ q: qs[i] }), 50);
      const byEmail = await timeEach(RUNS, (i) => list({ customerEmail: emailSets[i] }), 50);
      const countByQ = await timeEach(
        RUNS,
        (i) => ledger.countDocuments(DocumentCountQuerySchema.parse({ kind: 'invoice', q: qs[i] })),
        50,
      );
      const matched = (await Promise.all(qs.slice(0, 50).map((q) => list({ q })))).map((p) => p.items.length);

      report.figure('get by id (baseline)', 'p50', median(baseline), 'ms');
      report.figure('get by id (baseline)', 'p95', percentile(baseline, 95), 'ms');
      report.figure('search by q', 'p50', median(byQ), 'ms');
      report.figure('search by q', 'p95', percentile(byQ, 95), 'ms');
      report.figure('search by customerEmail', 'p50', median(byEmail), 'ms');
      report.figure('search by customerEmail', 'p95', percentile(byEmail, 95), 'ms');
      report.figure('count by q (the pager’s total)', 'p50', median(countByQ), 'ms');
      report.figure('count by q (the pager’s total)', 'p95', percentile(countByQ, 95), 'ms');
      report.ratio('search by q p95 / get by id p95', percentile(byQ, 95) / percentile(baseline, 95), 'p95 ≤ 15 ms');
      report.ratio(
        'search by customerEmail p95 / get by id p95',
        percentile(byEmail, 95) / percentile(baseline, 95),
        'p95 ≤ 15 ms',
      );
      report.ratio(
        'count by q p95 / get by id p95',
        percentile(countByQ, 95) / percentile(baseline, 95),
        'p95 ≤ 15 ms',
      );
      report.note(`q queries returning a full page: ${matched.filter((n) => n === 50).length} of ${matched.length}`);

      // Every filter the documents API documents, alone and with a kind, as the pane's filters combine them:
      // the slowest one is what a user can meet.
      const filters: DocumentQueryInput[] = [];
      for (const kind of [undefined, 'invoice', 'reminder'] as const) {
        for (const status of ['draft', 'open', 'overdue', 'paid', 'cancelled'] as const) {
          filters.push({ ...(kind ? { kind } : {}), status });
        }
        filters.push({ ...(kind ? { kind } : {}), overdueDays: 30 });
        filters.push({ ...(kind ? { kind } : {}), notSent: 'true' });
      }
      for (const level of ['1', '2', '3']) filters.push({ kind: 'reminder', level });
      filters.push({ kind: 'reminder', status: 'overdue', level: '3', notSent: 'true' });
      // One after the other: timings taken side by side would include each other's work.
      const perFilter: { filter: DocumentQueryInput; p95: number }[] = [];
      for (const filter of filters) {
        perFilter.push({ filter, p95: percentile(await timeEach(60, () => list(filter), 10), 95) });
      }
      perFilter.sort((a, b) => b.p95 - a.p95);
      const describe = (filter: DocumentQueryInput) =>
        Object.entries(filter)
          .map(([key, value]) => `${key}=${String(value)}`)
          .join('&');
      for (const { filter, p95 } of perFilter.slice(0, 3))
        report.figure(`filter ${describe(filter)}`, 'p95', p95, 'ms');
      report.ratio(
        `slowest of ${filters.length} documented filters p95 / get by id p95`,
        perFilter[0]!.p95 / percentile(baseline, 95),
        'p95 ≤ 10 ms',
      );
      db.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
