/**
 * Secure sends through the bridge: 1,000 messages with a 200 KB PDF, each posted over HTTP to the running
 * bridge, kept in the outbox and submitted by SMTP to a loopback server. Baseline, in the same run: pooled
 * nodemailer sending the same message straight to the same server over the same number of connections, kept
 * open (the strongest honest way to send mail from Node); unpooled nodemailer, a connection per message, beside
 * it. Target: the bridge, whose relay keeps its sessions too, reaches ≥ 80 % of the pooled baseline. Then one message with the largest PDF
 * IncaMail takes (21 MiB; a 25 MiB PDF is over its 30 MB limit once encoded, decision 007): its peak
 * memory increase in the bridge process (Linux VmHWM) against its size: the goal is 1.5× (decoded once, spooled once).
 *
 * The bridge runs in a child process (bench-bridge.ts), so its memory and CPU are its own; the SMTP server and
 * the HTTP client run here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { LARGEST_PDF_BYTES, makePdf, startBenchBridge } from './bench-bridge';
import { startCountingServer } from './counting-smtp';
import { median, type Benchmark } from './harness';

const MESSAGES = Number(process.env.BENCH_SENDS_MESSAGES ?? 1000);
const ROUNDS = Number(process.env.BENCH_SENDS_ROUNDS ?? 3);
const SMTP_CONNECTIONS = 4;
const HTTP_IN_FLIGHT = 4;

async function untilCount(count: () => number, target: number, timeoutMs = 600_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (count() < target) {
    if (Date.now() > deadline) throw new Error(`only ${count()} of ${target} messages arrived`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Runs `total` jobs with at most `parallel` at once. */
async function inParallel(total: number, parallel: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) await job(next++);
    }),
  );
}

const benchmark: Benchmark = {
  name: `Secure sends: ${MESSAGES} messages with a 200 KB PDF through the bridge, and one ${LARGEST_PDF_BYTES / 1024 / 1024} MiB message`,
  async run(report) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-sends-'));
    const server = await startCountingServer();
    const pdf = await makePdf(200 * 1024);
    report.note(
      `PDF: ${(pdf.length / 1024).toFixed(0)} KB; ${SMTP_CONNECTIONS} SMTP connections at once on both sides`,
    );
    const child = await startBenchBridge(
      {
        // The per-user send limit protects IncaMail from a runaway client, not from this benchmark.
        SEND_RATE_PER_MINUTE: '10000',
        DATA_DIR: path.join(dir, 'data'),
        ADDIN_DIR: path.join(dir, 'dist'),
        INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${server.port}`,
        INCAMAIL_CONCURRENCY: String(SMTP_CONNECTIONS),
      },
      process.env.BENCH_SENDS_PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_SENDS_PROFILE}`] : [],
    );
    try {
      const { address } = child;
      const message = {
        from: 'anna.keller@example.ch',
        to: ['max@example.org.incamail.ch'],
        subject: '<r>Invoice 2026-0042',
        html: '<p>Dear Max,</p><p>please find invoice 2026-0042 attached.</p>',
      };
      // Encoded once: the client's cost per request is then sending bytes, as an add-in's would be.
      const body = (content: Buffer) =>
        new TextEncoder().encode(
          JSON.stringify({
            mode: 'registered',
            ...message,
            to: ['max@example.org'],
            subject: 'Invoice 2026-0042',
            attachments: [
              { name: 'Invoice.pdf', contentType: 'application/pdf', contentBase64: content.toString('base64') },
            ],
          }),
        );
      // The bridge in development signs its own tokens (AUTH=dev); the send's From must be the token's user.
      const token = await child.tokenOf(message.from);
      let keys = 0;
      const post = async (payload: Uint8Array<ArrayBuffer>, wait = 0) => {
        const response = await fetch(`${address}/api/sends?wait=${wait}`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'idempotency-key': `bench-${keys++}`,
            authorization: `Bearer ${token}`,
          },
          body: payload,
          signal: AbortSignal.timeout(120_000),
        });
        if (response.status !== 202) throw new Error(`POST /api/sends answered ${response.status}`);
        return (await response.json()) as { status: string };
      };
      const smallBody = body(pdf);
      await post(smallBody, 10); // warm-up: JIT, SQLite pages, first connection

      // Memory first, on a bridge that has only started and sent one message.
      const large = await makePdf(LARGEST_PDF_BYTES);
      const largeBody = body(large);
      const rssKb = await child.resetPeak();
      const sent = await post(largeBody, 60);
      if (sent.status !== 'accepted') throw new Error(`the large message ended ${sent.status}`);
      const increase = ((await child.peakKb()) - rssKb) * 1024;
      report.figure(
        `${LARGEST_PDF_BYTES / 1024 / 1024} MiB message`,
        'peak RSS increase',
        increase / 1024 / 1024,
        'MB',
      );
      report.ratio('peak memory increase / message size', increase / large.length, '≤ 1.5');

      const direct = nodemailer.createTransport({ host: '127.0.0.1', port: server.port, secure: false });
      const pooled = nodemailer.createTransport({
        host: '127.0.0.1',
        port: server.port,
        secure: false,
        pool: true,
        maxConnections: SMTP_CONNECTIONS,
        maxMessages: Infinity,
      });
      const rate = async (send: () => Promise<unknown>, parallel: number) => {
        const start = Date.now();
        const before = server.count();
        await inParallel(MESSAGES, parallel, async () => void (await send()));
        await untilCount(server.count, before + MESSAGES);
        return MESSAGES / ((Date.now() - start) / 1000);
      };
      const mail = {
        ...message,
        attachments: [{ filename: 'Invoice.pdf', contentType: 'application/pdf', content: pdf }],
      };
      const baseline: number[] = [];
      const bridge: number[] = [];
      const pooledRates: number[] = [];
      let acceptedIn = 0;
      for (let round = 0; round < ROUNDS; round++) {
        baseline.push(await rate(() => direct.sendMail(mail), SMTP_CONNECTIONS));
        const accepting = Date.now();
        bridge.push(
          await rate(async () => {
            await post(smallBody);
            acceptedIn = Date.now() - accepting;
          }, HTTP_IN_FLIGHT),
        );
        pooledRates.push(await rate(() => pooled.sendMail(mail), SMTP_CONNECTIONS));
        report.note(
          `round ${round + 1}: nodemailer ${baseline.at(-1)!.toFixed(1)}/s, bridge ${bridge.at(-1)!.toFixed(1)}/s, ` +
            `nodemailer pooled ${pooledRates.at(-1)!.toFixed(1)}/s; the bridge took all requests in ${acceptedIn} ms`,
        );
      }
      direct.close();
      pooled.close();
      report.figure('nodemailer pooled straight to SMTP (baseline)', 'median', median(pooledRates), 'messages/s');
      report.figure('bridge: HTTP → outbox → pooled SMTP sessions', 'median', median(bridge), 'messages/s');
      report.figure('nodemailer, a connection per message (for reference)', 'median', median(baseline), 'messages/s');
      report.ratio('bridge / pooled nodemailer throughput', median(bridge) / median(pooledRates), '≥ 0.8');
      report.ratio(
        'bridge / nodemailer with a connection per message',
        median(bridge) / median(baseline),
        'for reference',
      );
    } finally {
      await child.stop();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
