/**
 * What a hostile body costs the bridge, beside what a real message costs it, in the same run. The attack run
 * sent 40 MB of `[` to /api/sends: 5.3 GB of RSS and /api/health delayed by 8 s (two at once: 7.5 GB, 13 s).
 * Baseline: one real 25 MB PDF sent through the bridge to a loopback SMTP server. For each request: the peak
 * RSS increase of the bridge process (Linux VmHWM) and the latency of /api/health, polled while the request
 * runs. Target: the hostile bodies cost no more than the real send (ratios ≤ 1).
 *
 * The bridge runs in a child process (bench-bridge.ts); the SMTP server and the HTTP clients run here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { JSON_BODY_LIMIT_BYTES } from '../src/server/http/json-body';
import { LARGEST_PDF_BYTES, makePdf, startBenchBridge, type BenchBridge } from './bench-bridge';
import { startCountingServer } from './counting-smtp';
import { percentile, type Benchmark, type Reporter } from './harness';

const SENDER = 'anna.keller@example.ch';
const HOSTILE_BYTES = 40 * 1024 * 1024;
/**
 * The real send of the baseline carries the largest PDF IncaMail takes, accepted and submitted. A 25 MiB PDF
 * is measured too: the bridge reads and decodes all of it before the outbox refuses it as too large.
 */
const REAL_BYTES = LARGEST_PDF_BYTES;
const OVERSIZED_BYTES = 25 * 1024 * 1024;

type Cost = {
  peakMb: number;
  healthMaxMs: number;
  healthP95Ms: number;
  healthAnswers: number;
  tookMs: number;
  statuses: number[];
};

/**
 * Polls /api/health one request after the other, from a worker thread: this process is busy uploading the
 * bodies, and its own event loop would otherwise add its delays to the bridge's.
 */
const POLLER = `
const { parentPort, workerData } = require('node:worker_threads');
let polling = true;
const latencies = [];
parentPort.on('message', () => { polling = false; });
const health = async () => {
  const start = performance.now();
  const response = await fetch(workerData + '/api/health');
  await response.arrayBuffer();
  return performance.now() - start;
};
(async () => {
  await health(); // the connection and the worker's first fetch are not the bridge's latency
  parentPort.postMessage('ready');
  while (polling) {
    latencies.push(await health());
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  parentPort.postMessage(latencies);
})();
`;

async function pollHealth(address: string): Promise<{ stop: () => Promise<number[]> }> {
  const worker = new Worker(POLLER, { eval: true, workerData: address });
  await new Promise((resolve) => worker.once('message', resolve));
  return {
    stop: async () => {
      const latencies = new Promise<number[]>((resolve) => worker.once('message', resolve));
      worker.postMessage('stop');
      const result = await latencies;
      await worker.terminate();
      return result;
    },
  };
}

/** Runs `requests` at once against a bridge whose peak was just reset, watching /api/health meanwhile. */
async function costOf(bridge: BenchBridge, requests: (() => Promise<number>)[]): Promise<Cost> {
  const rssKb = await bridge.resetPeak();
  const health = await pollHealth(bridge.address);
  const start = performance.now();
  const statuses = await Promise.all(requests.map((request) => request()));
  const tookMs = performance.now() - start;
  const latencies = await health.stop();
  const peakMb = ((await bridge.peakKb()) - rssKb) / 1024;
  return {
    peakMb,
    healthMaxMs: Math.max(...latencies),
    healthP95Ms: percentile(latencies, 95),
    healthAnswers: latencies.length,
    tookMs,
    statuses,
  };
}

function print(report: Reporter, subject: string, cost: Cost): void {
  report.figure(subject, 'peak RSS increase', cost.peakMb, 'MB');
  report.figure(subject, '/api/health latency max', cost.healthMaxMs, 'ms');
  report.note(
    `${subject}: answered ${cost.statuses.join(', ')} in ${cost.tookMs.toFixed(0)} ms; /api/health answered ` +
      `${cost.healthAnswers} times meanwhile, p95 ${cost.healthP95Ms.toFixed(1)} ms`,
  );
}

const benchmark: Benchmark = {
  name: 'Hostile bodies: 40 MB of nested JSON against a real send at IncaMail’s limit, in the bridge process',
  async run(report) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-hostile-'));
    const server = await startCountingServer();
    const bridge = await startBenchBridge({
      DATA_DIR: path.join(dir, 'data'),
      ADDIN_DIR: path.join(dir, 'dist'),
      INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${server.port}`,
    });
    try {
      const token = await bridge.tokenOf(SENDER);
      let keys = 0;
      const post = (url: string, body: Uint8Array<ArrayBuffer>) => async () => {
        const response = await fetch(`${bridge.address}${url}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `bench-hostile-${keys++}`,
            authorization: `Bearer ${token}`,
          },
          body,
          signal: AbortSignal.timeout(120_000),
        });
        await response.arrayBuffer();
        return response.status;
      };
      const sendOf = async (bytes: number) =>
        new TextEncoder().encode(
          JSON.stringify({
            mode: 'registered',
            from: SENDER,
            to: ['max@example.org'],
            subject: 'Invoice 2026-0042',
            html: '<p>Dear Max,</p><p>please find invoice 2026-0042 attached.</p>',
            attachments: [
              {
                name: 'Invoice.pdf',
                contentType: 'application/pdf',
                contentBase64: (await makePdf(bytes)).toString('base64'),
              },
            ],
          }),
        );
      const brackets = (bytes: number) => new TextEncoder().encode('['.repeat(bytes));
      // Warm-up: JIT, SQLite pages, the first SMTP connection.
      await post('/api/sends?wait=10', await sendOf(200 * 1024))();

      const idle = await costOf(bridge, [() => new Promise((resolve) => setTimeout(() => resolve(0), 1000))]);
      report.figure('idle bridge (1 s)', '/api/health latency max', idle.healthMaxMs, 'ms');

      const realBody = await sendOf(REAL_BYTES);
      const real = await costOf(bridge, [post('/api/sends?wait=60', realBody)]);
      print(report, `real send, 21 MiB PDF, ${(realBody.length / 1024 / 1024).toFixed(1)} MB body (baseline)`, real);
      const oversizedBody = await sendOf(OVERSIZED_BYTES);
      const oversized = await costOf(bridge, [post('/api/sends', oversizedBody)]);
      print(report, `25 MiB PDF, ${(oversizedBody.length / 1024 / 1024).toFixed(1)} MB body`, oversized);

      const hostileBody = brackets(HOSTILE_BYTES);
      const hostile = await costOf(bridge, [post('/api/sends', hostileBody)]);
      print(report, '40 MB of [ to /api/sends', hostile);
      const two = await costOf(bridge, [post('/api/sends', hostileBody), post('/api/sends', hostileBody)]);
      print(report, 'two of them at once', two);
      // Not nested at all: one key of 40 MB, which the send's reader once collected byte by byte.
      const longKey = new TextEncoder().encode(`{"${'k'.repeat(HOSTILE_BYTES)}":1}`);
      const key = await costOf(bridge, [post('/api/sends', longKey)]);
      print(report, 'a key of 40 MB to /api/sends', key);
      const batches = await costOf(bridge, [
        post('/api/batches', brackets(JSON_BODY_LIMIT_BYTES)),
        post('/api/batches', hostileBody),
      ]);
      print(report, '4 MiB and 40 MB of [ to /api/batches, at once', batches);

      report.ratio('hostile / real send: peak RSS increase', hostile.peakMb / real.peakMb, '≤ 1');
      report.ratio('hostile / real send: /api/health latency max', hostile.healthMaxMs / real.healthMaxMs, '≤ 1');
      report.ratio('two hostile / real send: peak RSS increase', two.peakMb / real.peakMb, '≤ 1');
      report.ratio('two hostile / real send: /api/health latency max', two.healthMaxMs / real.healthMaxMs, '≤ 1');
      report.ratio('40 MB key / real send: peak RSS increase', key.peakMb / real.peakMb, '≤ 1');
      report.ratio('40 MB key / real send: /api/health latency max', key.healthMaxMs / real.healthMaxMs, '≤ 1');
    } finally {
      await bridge.stop();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
