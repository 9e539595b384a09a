/**
 * What the user waits for when the task pane opens: from the pane's navigation start to its first document row
 * for the message's recipient, in Debian's Chromium, through the real built bridge over a 100,000-invoice
 * ledger: a typical customer (the median number of invoices) and the heaviest one. Beside it, what one cold
 * load of the pane carries on the wire (compressed) against the files it decodes to, and what a second load
 * fetches again. Goals: ≤ 250 ms typical, ≤ 400 ms for the heaviest customer (their ratio ≤ 1.6).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { CDPSession, Frame } from 'playwright-core';
import { generateLedgerData } from '../src/server/accounting/ledger/demo-data';
import { todayInSwitzerland } from '../src/server/accounting/ledger/dates';
import { migrateLedger } from '../src/server/accounting/ledger/schema';
import { insertLedgerData } from '../src/server/accounting/ledger/seed';
import { openDatabase } from '../src/server/storage/database';
import { paneStrings } from '../src/taskpane/strings';
import { startBridge } from '../test/e2e/support/bridge-process';
import { launchChromium } from '../test/e2e/support/chromium';
import { ensureFreshBuild } from '../test/e2e/support/fresh-build';
import { Screenshots, Workbench } from '../test/e2e/support/workbench-page';
import { median, type Benchmark } from './harness';

const INVOICES = Number(process.env.BENCH_PANE_INVOICES ?? 100_000);
const RUNS = 9;
const FIRST_ROW = `ul[aria-label="${paneStrings.en.forThisMessage.heading}"] > li`;

type Load = { url: string; encoded: number; decoded: number; cacheControl: string; fromCache: boolean };

/** Every response of the pane's own files (its page and scripts, not office.js nor the API) while `load` runs. */
async function watchLoads(cdp: CDPSession, load: () => Promise<void>): Promise<Load[]> {
  const loads = new Map<string, Load>();
  const onResponse = (event: {
    requestId: string;
    response: { url: string; headers: Record<string, string>; fromDiskCache?: boolean };
  }) => {
    const { pathname } = new URL(event.response.url);
    if (!/^\/(taskpane\.html|[^/]+\.js)$/.test(pathname) || pathname.endsWith('office.js')) return;
    const headers = Object.fromEntries(Object.entries(event.response.headers).map(([k, v]) => [k.toLowerCase(), v]));
    loads.set(event.requestId, {
      url: pathname,
      encoded: 0,
      decoded: 0,
      cacheControl: headers['cache-control'] ?? '',
      fromCache: event.response.fromDiskCache === true,
    });
  };
  const onData = (event: { requestId: string; dataLength: number }) => {
    const entry = loads.get(event.requestId);
    if (entry) entry.decoded += event.dataLength;
  };
  const onFinished = (event: { requestId: string; encodedDataLength: number }) => {
    const entry = loads.get(event.requestId);
    if (entry) entry.encoded = event.encodedDataLength;
  };
  cdp.on('Network.responseReceived', onResponse);
  cdp.on('Network.dataReceived', onData);
  cdp.on('Network.loadingFinished', onFinished);
  try {
    await load();
    await new Promise((resolve) => setTimeout(resolve, 300)); // the last loadingFinished events
  } finally {
    cdp.off('Network.responseReceived', onResponse);
    cdp.off('Network.dataReceived', onData);
    cdp.off('Network.loadingFinished', onFinished);
  }
  return [...loads.values()];
}

/** Loads the pane afresh in its frame; milliseconds from its navigation start to the first row for the recipient. */
async function timeToFirstRow(frame: Frame): Promise<number> {
  await frame.goto(frame.url(), { waitUntil: 'commit' });
  const found = await frame.waitForFunction(
    (selector) => (document.querySelector(selector) ? performance.now() : null),
    FIRST_ROW,
    { polling: 'raf', timeout: 60_000 },
  );
  return (await found.jsonValue()) as number;
}

const benchmark: Benchmark = {
  name: `Task pane start to its first document row, ${INVOICES.toLocaleString('en')} invoices, Chromium`,
  async run(report) {
    ensureFreshBuild((line) => report.note(line));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-pane-'));
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-pane-log-'));
    try {
      const data = generateLedgerData({ invoices: INVOICES, referenceDate: todayInSwitzerland() });
      const db = openDatabase(path.join(dataDir, 'ledgermail.sqlite'));
      migrateLedger(db);
      insertLedgerData(db, data);
      db.close();
      const invoices = new Map<string, number>();
      for (const document of data.documents) {
        if (document.kind === 'invoice')
          invoices.set(document.customerId, (invoices.get(document.customerId) ?? 0) + 1);
      }
      const customers = data.customers
        .filter((c) => c.emails.length > 0)
        .map((c) => ({ email: c.emails[0]!, invoices: invoices.get(c.id) ?? 0 }))
        .sort((a, b) => a.invoices - b.invoices);
      const typical = customers[Math.floor(customers.length / 2)]!;
      const heaviest = customers[customers.length - 1]!;

      const bridge = await startBridge(path.join(logDir, 'bridge.log'), { DATA_DIR: dataDir });
      const browser = await launchChromium();
      try {
        const wb = await Workbench.open(browser.context, {
          baseUrl: bridge.url,
          shots: new Screenshots(logDir, 'bench'),
        });
        const cdp = await browser.context.newCDPSession(wb.page);
        await cdp.send('Network.enable');
        await cdp.send('Network.clearBrowserCache');
        const frame = await wb.paneFrame();

        // One cold load (an empty cache, as the first time Outlook opens the pane), then a second one.
        const cold = await watchLoads(cdp, async () => void (await frame.goto(frame.url())));
        const warm = await watchLoads(cdp, async () => void (await frame.goto(frame.url())));
        const kib = (bytes: number) => bytes / 1024;
        const sum = (loads: Load[], key: 'encoded' | 'decoded') => loads.reduce((total, l) => total + l[key], 0);
        const hashed = cold.filter((l) => /\.[0-9a-f]{8}\.js$/.test(l.url));
        report.figure('cold load of the pane (page + scripts)', 'files', kib(sum(cold, 'decoded')), 'KiB decoded');
        report.figure('cold load of the pane (page + scripts)', 'on the wire', kib(sum(cold, 'encoded')), 'KiB');
        report.ratio('pane cold load on the wire / its files', sum(cold, 'encoded') / sum(cold, 'decoded'), '≤ 0.35');
        report.figure('second load of the pane', 'on the wire', kib(sum(warm, 'encoded')), 'KiB');
        report.note(
          `hashed scripts cached immutable: ${hashed.filter((l) => l.cacheControl.includes('immutable')).length} of ${hashed.length}; ` +
            `fetched again on the second load: ${warm.filter((l) => /\.js$/.test(l.url) && l.encoded > 0 && !l.fromCache).length}`,
        );

        const results: Record<string, number[]> = {};
        for (const [name, customer] of [
          ['typical', typical],
          ['heaviest', heaviest],
        ] as const) {
          await wb.typeRecipients('to', customer.email);
          await timeToFirstRow(frame); // the first load after a new recipient warms the bridge's statements
          const times: number[] = [];
          for (let i = 0; i < RUNS; i++) times.push(await timeToFirstRow(frame));
          results[name] = times;
          report.figure(
            `${name} customer (${customer.invoices.toLocaleString('en')} invoices)`,
            'median to first row',
            median(times),
            `ms (goal ≤ ${name === 'typical' ? 250 : 400} ms)`,
          );
        }
        report.ratio(
          'heaviest / typical customer, pane start to first row',
          median(results.heaviest!) / median(results.typical!),
          '≤ 1.6',
        );
      } finally {
        await browser.close();
        await bridge.stop();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(logDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
