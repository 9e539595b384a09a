/**
 * The real bridge (buildApp) in a child process for benchmarks, so that its memory and CPU are its own: the
 * benchmark forks this file with LEDGERMAIL_BENCH_CHILD=bridge and reads the child's peak RSS (Linux VmHWM)
 * over IPC; the SMTP server and the HTTP clients run in the benchmark's process.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import PDFDocument from 'pdfkit';
import { buildApp } from '../src/server/app';
import { loadConfig } from '../src/server/config';

type ChildMessage = { address?: string; rssKb?: number; hwmKb?: number };

export type BenchBridge = {
  address: string;
  /** Forgets the peak so far (after a full collection) and answers the current RSS in kB. */
  resetPeak: () => Promise<number>;
  /** The peak RSS in kB since the last reset. */
  peakKb: () => Promise<number>;
  /** A development token of `email` (the bridge runs with AUTH=dev). */
  tokenOf: (email: string) => Promise<string>;
  stop: () => Promise<void>;
};

function statusKb(field: 'VmRSS' | 'VmHWM'): number {
  const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) : Number.NaN;
}

/** Child process: the real bridge, configured by its environment like production. */
async function runBridgeChild(): Promise<void> {
  const app = await buildApp({ config: loadConfig(process.env), logger: false });
  const address = await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('message', (command) => {
    if (command === 'reset-peak') {
      (globalThis as { gc?: () => void }).gc?.();
      // Writing 5 resets the process's peak RSS (VmHWM) to its current RSS (Linux, proc(5)).
      writeFileSync('/proc/self/clear_refs', '5');
      process.send!({ rssKb: statusKb('VmRSS') } satisfies ChildMessage);
    } else if (command === 'peak') {
      process.send!({ hwmKb: statusKb('VmHWM'), rssKb: statusKb('VmRSS') } satisfies ChildMessage);
    } else if (command === 'stop') {
      void app.close().then(() => process.exit(0));
    }
  });
  process.send!({ address } satisfies ChildMessage);
}

function ask(child: ChildProcess, command: string): Promise<ChildMessage> {
  return new Promise((resolve) => {
    child.once('message', (message) => resolve(message as ChildMessage));
    child.send(command);
  });
}

/** Starts the bridge in development (AUTH=dev, plain HTTP, silent) with `env` on top. */
export async function startBenchBridge(env: Record<string, string>, execArgv: string[] = []): Promise<BenchBridge> {
  const child = fork(fileURLToPath(import.meta.url), [], {
    execArgv: ['--expose-gc', '--import', 'tsx', ...execArgv],
    env: {
      ...process.env,
      LEDGERMAIL_BENCH_CHILD: 'bridge',
      NODE_ENV: 'development',
      AUTH: 'dev',
      TLS: 'off',
      LOG_LEVEL: 'silent',
      ...env,
    },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const { address } = await new Promise<ChildMessage>((resolve, reject) => {
    child.once('message', (message) => resolve(message as ChildMessage));
    child.once('exit', (code) => reject(new Error(`the bridge exited with ${code}`)));
  });
  return {
    address: address!,
    resetPeak: async () => (await ask(child, 'reset-peak')).rssKb!,
    peakKb: async () => (await ask(child, 'peak')).hwmKb!,
    tokenOf: async (email) => {
      const response = await fetch(`${address}/api/dev/token?email=${encodeURIComponent(email)}`);
      return ((await response.json()) as { token: string }).token;
    },
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.send('stop');
      let timer: NodeJS.Timeout | undefined;
      // At most 5 s for a graceful stop; the timer must not outlive it (a test runner waits for open timers).
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, 5000)))]);
      clearTimeout(timer);
      child.kill();
    },
  };
}

/**
 * The largest PDF a real send carries: IncaMail takes 30 MB as the gateway counts the message (base64 with
 * line breaks), about 21.9 MiB of files (decision 007); a 25 MiB PDF is refused by the outbox as too large.
 */
export const LARGEST_PDF_BYTES = 21 * 1024 * 1024;

/** A real PDF of about `bytes`: one page of text plus a stream of incompressible data, like scanned pages. */
export async function makePdf(bytes: number): Promise<Buffer> {
  const doc = new PDFDocument({ compress: false });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  doc.text('Invoice 2026-0042: consulting services, 1,250.00 CHF');
  const payload = doc.ref({ Type: 'EmbeddedFile' });
  payload.end(randomBytes(bytes));
  doc.end();
  return done;
}

if (process.env.LEDGERMAIL_BENCH_CHILD === 'bridge') await runBridgeChild();
