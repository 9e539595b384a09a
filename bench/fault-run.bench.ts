/**
 * Exactly once under faults: sends through the real bridge (a child process) to a real SMTP server behind a
 * fault proxy that cuts lines at every point of the dialogue (before the greeting, at DATA, in the middle of
 * the data, after the whole message) and answers some messages with a temporary 451, while the bridge is
 * killed with SIGKILL and restarted on the same data directory, twice. The client behaves as the add-in
 * does: it posts each send under its idempotency key until the bridge answers, then asks until it settles.
 * Counted at the end, by Message-ID on the SMTP server: duplicates (a message delivered twice) and lost
 * sends (accepted by the bridge but not delivered, or never settled). Both must be 0; a message whose line
 * broke after its data is `uncertain` (maybe delivered) and is never sent again.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';
import { startSmtpFaultProxy, type SmtpFault, type SmtpFaultPlan } from '../test/support/smtp-faults';
import { startSmtpSink } from '../test/support/smtp-sink';
import type { Benchmark } from './harness';

const SENDS = Number(process.env.BENCH_FAULT_SENDS ?? 240);
const PARALLEL = 6;
const SENDER = 'anna.keller@example.ch';
const SETTLED = new Set(['accepted', 'failed', 'uncertain']);

/**
 * A fixed, seeded plan: about a third of the connections break somewhere, the rest pass. The relay keeps its
 * sessions, so a break falls on the first to fourth message of its connection: reused lines break too.
 */
function faultPlan(length: number): SmtpFaultPlan[] {
  let seed = 20261201;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const faults: SmtpFault[] = ['refuse', 'drop-at-data', 'drop-mid-data', 'drop-after-data'];
  return Array.from({ length }, (): SmtpFaultPlan => {
    if (next() >= 0.35) return 'pass';
    const fault = faults[Math.floor(next() * faults.length)]!;
    return fault === 'refuse' ? fault : { fault, atMessage: 1 + Math.floor(next() * 4) };
  });
}

type SendState = { id: string; status: string };

async function startBridgeChild(env: NodeJS.ProcessEnv): Promise<{ child: ChildProcess; address: string }> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...env, LEDGERMAIL_BENCH_CHILD: 'fault-bridge' },
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const address = await new Promise<string>((resolve, reject) => {
    child.once('message', (message) => resolve((message as { address: string }).address));
    child.once('exit', (code) => reject(new Error(`the bridge exited with ${code} during start-up`)));
  });
  return { child, address };
}

const benchmark: Benchmark = {
  name: `Exactly once: ${SENDS} sends under SMTP faults and two kill -9 restarts of the bridge`,
  async run(report) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-bench-faults-'));
    let temporary = 0;
    // Every 9th message answered 451 (temporary) once: the bridge must try again, and deliver once.
    const sink = await startSmtpSink({
      replyToData: (n) => (n % 9 === 0 ? (temporary++, { code: 451, message: '4.3.0 Try again later' }) : undefined),
    });
    const proxy = await startSmtpFaultProxy(sink.port, faultPlan(SENDS * 3));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      NODE_ENV: 'development',
      AUTH: 'dev',
      TLS: 'off',
      LOG_LEVEL: 'silent',
      SEND_RATE_PER_MINUTE: '10000',
      DATA_DIR: path.join(dir, 'data'),
      ADDIN_DIR: path.join(dir, 'dist'),
      INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${proxy.port}`,
      INCAMAIL_RETRY_SECONDS: '0.05',
      INCAMAIL_TIMEOUT_SECONDS: '3',
      INCAMAIL_MAX_ATTEMPTS: '30',
    };
    let bridge = await startBridgeChild(env);
    let kills = 0;
    const records = new Map<number, SendState>();
    const token = async () => {
      const response = await fetch(`${bridge.address}/api/dev/token?email=${encodeURIComponent(SENDER)}`);
      return ((await response.json()) as { token: string }).token;
    };
    let bearer = await token();
    const body = (i: number) =>
      JSON.stringify({
        mode: 'registered',
        from: SENDER,
        to: [`customer-${i}@example.org`],
        subject: `Reminder M-2026-${String(i).padStart(4, '0')}`,
        html: `<p>Reminder ${i}</p>`,
        attachments: [{ name: 'Reminder.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0xLjcKJSVFT0YK' }],
      });

    /** One send as the add-in makes it: the same key until the bridge answers, then until it settles. */
    async function sendUntilSettled(i: number): Promise<void> {
      for (let tries = 0; tries < 400; tries++) {
        try {
          const known = records.get(i);
          const response = known
            ? await fetch(`${bridge.address}/api/sends/${known.id}?wait=5`, {
                headers: { authorization: `Bearer ${bearer}` },
                signal: AbortSignal.timeout(10_000),
              })
            : await fetch(`${bridge.address}/api/sends?wait=5`, {
                method: 'POST',
                headers: {
                  'content-type': 'application/json',
                  'idempotency-key': `fault-run-${i}`,
                  authorization: `Bearer ${bearer}`,
                },
                body: body(i),
                signal: AbortSignal.timeout(10_000),
              });
          if (response.status === 401) bearer = await token();
          if (response.ok) {
            const record = (await response.json()) as SendState;
            records.set(i, record);
            if (SETTLED.has(record.status)) return;
          }
        } catch {
          // The bridge is down (killed): the add-in tries again with the same key.
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }

    const started = Date.now();
    let next = 0;
    const workers = Array.from({ length: PARALLEL }, async () => {
      while (next < SENDS) await sendUntilSettled(next++);
    });
    // Two kill -9 restarts while the sends are in flight.
    const chaos = (async () => {
      for (const at of [Math.floor(SENDS / 3), Math.floor((2 * SENDS) / 3)]) {
        while (next < at) await new Promise((resolve) => setTimeout(resolve, 20));
        bridge.child.kill('SIGKILL');
        await new Promise((resolve) => bridge.child.once('exit', resolve));
        kills++;
        bridge = await startBridgeChild(env);
      }
    })();
    await Promise.all([...workers, chaos]);
    const seconds = (Date.now() - started) / 1000;

    // Each send has its own subject: the SMTP server's copies are matched by it (a send that is not accepted
    // has no Message-ID in its record).
    const subjectOf = (i: number) => `<r>Reminder M-2026-${String(i).padStart(4, '0')}`;
    const delivered = new Map<string, number>();
    for (const message of sink.messages) {
      const subject = message.parsed.subject ?? '';
      delivered.set(subject, (delivered.get(subject) ?? 0) + 1);
    }
    const finals = [...records.entries()].map(([i, record]) => ({
      ...record,
      copies: delivered.get(subjectOf(i)) ?? 0,
    }));
    const count = (status: string) => finals.filter((r) => r.status === status).length;
    const duplicates = [...delivered.values()].filter((n) => n > 1).length;
    const unsettled = SENDS - finals.filter((r) => SETTLED.has(r.status)).length;
    const acceptedNotDelivered = finals.filter((r) => r.status === 'accepted' && r.copies === 0).length;
    const failedDelivered = finals.filter((r) => r.status === 'failed' && r.copies > 0).length;
    const uncertainDelivered = finals.filter((r) => r.status === 'uncertain' && r.copies > 0);

    report.note(
      `${proxy.connections()} SMTP connections through the fault proxy, ${temporary} answered 451, ${kills} kill -9 restarts, ${seconds.toFixed(0)} s`,
    );
    // Counts, not timings: printed as they are.
    report.note(`sends: ${count('accepted')} accepted, ${count('uncertain')} uncertain, ${count('failed')} failed`);
    report.note(`uncertain sends the SMTP server kept (never sent again): ${uncertainDelivered.length}`);
    report.note(`messages delivered more than once: ${duplicates} (target 0)`);
    report.note(
      `sends lost (accepted but not delivered, or never settled): ${acceptedNotDelivered + unsettled} (target 0)`,
    );
    report.note(`sends reported failed that were delivered all the same: ${failedDelivered} (target 0)`);

    bridge.child.kill('SIGKILL');
    await proxy.close();
    await sink.close();
    rmSync(dir, { recursive: true, force: true });
  },
};

export default benchmark;

/** Child process: the real bridge on the benchmark's data directory, listening on a free loopback port. */
if (process.env.LEDGERMAIL_BENCH_CHILD === 'fault-bridge') {
  const app = await buildApp({ config: loadConfig(process.env), logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.send!({ address });
}
