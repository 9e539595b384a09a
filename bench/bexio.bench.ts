/**
 * "Recipients first" on bexio with 5,000 invoices: what the task pane asks when the user types a customer's
 * address in To (their invoices), answered by the bexio connector over real HTTP from the bexio stand-in on
 * loopback. Reported: requests per question (cold, then with bexio's lookup lists cached) and time, against a
 * baseline measured in the same run: the same number of bare round-trips to the same stand-in, the floor
 * that any client asking bexio this many times pays. The stand-in answers at once, so the figures are the
 * connector's own cost; a real bexio adds its latency to every request.
 */
import { DocumentQuerySchema } from '../src/contract/documents-query.schemas';
import { createBexioConnector } from '../src/server/accounting/bexio/bexio-connector';
import { staticBexioToken } from '../src/server/accounting/bexio/bexio-oauth';
import { createSentRecords } from '../src/server/accounting/remote/sent-records';
import { openDatabase } from '../src/server/storage/database';
import { FIXTURE_TODAY } from '../test/support/accounting-fixture';
import { addBulkInvoices } from '../test/support/bexio/bexio-bulk';
import { STAND_IN_TOKEN } from '../test/support/bexio/bexio-seed';
import { createBexioStandIn } from '../test/support/bexio/bexio-stand-in';
import { startHttpStandIn } from '../test/support/http-stand-in';
import { median, percentile, timeEach, type Benchmark } from './harness';

const INVOICES = 5_000;
const RUNS = 60;

const benchmark: Benchmark = {
  name: `Recipients first on bexio, ${INVOICES.toLocaleString('en')} invoices (stand-in on loopback)`,
  async run(report) {
    const bexio = createBexioStandIn();
    addBulkInvoices(bexio.state, INVOICES);
    const standIn = await startHttpStandIn(bexio.handlers);
    const db = openDatabase(':memory:');
    try {
      const addresses = bexio.state.contacts.map((c) => String(c.mail)).filter((m) => m.includes('@'));
      const connect = () =>
        createBexioConnector({
          apiUrl: standIn.url,
          tokens: staticBexioToken(STAND_IN_TOKEN),
          sentRecords: createSentRecords(db, 'bexio'),
          today: () => FIXTURE_TODAY,
        });
      const question = (i: number) =>
        DocumentQuerySchema.parse({ kind: 'invoice', customerEmail: addresses[i % addresses.length], limit: 200 });

      // Cold: a bridge just started, nothing cached.
      const cold = connect();
      const coldStart = process.hrtime.bigint();
      const first = await cold.listDocuments(question(0));
      const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
      report.figure('cold (first question after start)', 'requests', cold.requests, '');
      report.figure('cold (first question after start)', 'time', coldMs, 'ms');
      if (first.items.length === 0) throw new Error('the benchmark customer has no invoices');

      // Warm: bexio's currencies, languages and countries known; a different customer each time.
      const warm = connect();
      await warm.listDocuments(question(1));
      const before = warm.requests;
      const times = await timeEach(RUNS, (i) => warm.listDocuments(question(i + 2)));
      const perQuestion = (warm.requests - before) / RUNS;
      report.figure('warm (another customer)', 'requests', perQuestion, 'per question');
      report.figure('warm (another customer)', 'median', median(times), 'ms');
      report.figure('warm (another customer)', 'p95', percentile(times, 95), 'ms');

      // Baseline: the same number of bare authenticated round-trips to the same stand-in, one after another.
      const roundTrip = () =>
        fetch(`${standIn.url}/2.0/company_profile`, { headers: { authorization: `Bearer ${STAND_IN_TOKEN}` } }).then(
          (r) => r.arrayBuffer(),
        );
      const bare = await timeEach(
        RUNS,
        async () => {
          for (let r = 0; r < Math.round(perQuestion); r += 1) await roundTrip();
        },
        5,
      );
      report.figure(`baseline: ${Math.round(perQuestion)} bare round-trips`, 'median', median(bare), 'ms');
      report.ratio(
        'warm question vs bare round-trips',
        median(times) / median(bare),
        '≤ 2 (the connector adds parsing and filtering, not requests)',
      );
    } finally {
      db.close();
      await standIn.close();
    }
  },
};

export default benchmark;
