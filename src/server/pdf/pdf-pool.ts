import { availableParallelism } from 'node:os';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DocumentPdfInput } from './document-pdf.js';
import type { PdfAnswer, PdfJob } from './pdf-worker.js';

export type PdfRenderer = {
  render(input: DocumentPdfInput): Promise<Buffer>;
  /** Ends the threads; renders still running are refused. */
  close(): Promise<void>;
};

/** One PDF takes about 11 ms; a thread that answers nothing for this long is taken for stuck and replaced. */
const JOB_TIMEOUT_MS = 30_000;

type Pending = { resolve: (pdf: Buffer) => void; reject: (error: Error) => void; timer: NodeJS.Timeout };
type Thread = { worker: Worker; pending: Map<number, Pending> };

/**
 * The built bridge runs build/server/pdf/pdf-worker.js. From the TypeScript sources (tsx, Jest), the thread
 * first registers tsx's loader: a worker has no loader of its own for `.ts`, and Jest's transform does not
 * reach it.
 */
function startWorker(): Worker {
  const self = import.meta.url;
  if (!self.endsWith('.ts')) return new Worker(new URL('./pdf-worker.js', self));
  // tsx's ES module API, as its exports map names it (require.resolve would give the CommonJS one).
  const require = createRequire(self);
  const manifest = require.resolve('tsx/package.json');
  const { exports } = require(manifest) as { exports: Record<string, { import: { default: string } }> };
  const tsx = pathToFileURL(path.join(path.dirname(manifest), exports['./esm/api']!.import.default)).href;
  const worker = new URL('./pdf-worker.ts', self).href;
  const boot = `import(${JSON.stringify(tsx)}).then((t) => { t.register(); return import(${JSON.stringify(worker)}); })`;
  return new Worker(boot, { eval: true, execArgv: [] });
}

/**
 * Renders PDFs on worker threads, so a reminder run's PDFs (about 11 ms of CPU each) no longer hold the event
 * loop that accepts sends and speaks SMTP: they are drawn on the other cores while earlier messages go out.
 * Threads start on the first render and each takes the next job when it has the fewest waiting. A thread that
 * fails or exits refuses its own jobs only; the next render starts a new one.
 */
export function createPdfPool(options: { threads?: number } = {}): PdfRenderer {
  const size = Math.max(1, options.threads ?? Math.min(4, availableParallelism() - 1));
  const threads: Thread[] = [];
  let nextId = 0;
  let closed = false;

  function failAll(thread: Thread, error: Error) {
    for (const job of thread.pending.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    thread.pending.clear();
  }

  function retire(thread: Thread, error: Error) {
    const index = threads.indexOf(thread);
    if (index >= 0) threads.splice(index, 1);
    failAll(thread, error);
    void thread.worker.terminate();
  }

  function spawn(): Thread {
    const thread: Thread = { worker: startWorker(), pending: new Map() };
    thread.worker.on('message', (answer: PdfAnswer) => {
      const job = thread.pending.get(answer.id);
      if (!job) return;
      thread.pending.delete(answer.id);
      clearTimeout(job.timer);
      if ('error' in answer) job.reject(new Error(`PDF rendering failed: ${answer.error}`));
      else job.resolve(Buffer.from(answer.pdf.buffer, answer.pdf.byteOffset, answer.pdf.byteLength));
    });
    thread.worker.on('error', (error) => retire(thread, error));
    thread.worker.on('exit', (code) => retire(thread, new Error(`PDF thread exited with code ${code}`)));
    // An idle pool must not keep the bridge's process alive.
    thread.worker.unref();
    threads.push(thread);
    return thread;
  }

  /** A free thread, else a new one while there is room, else the one with the fewest jobs waiting. */
  function pick(): Thread {
    return (
      threads.find((t) => t.pending.size === 0) ??
      (threads.length < size ? spawn() : threads.reduce((a, b) => (b.pending.size < a.pending.size ? b : a)))
    );
  }

  return {
    render(input) {
      if (closed) return Promise.reject(new Error('The PDF pool is closed'));
      const thread = pick();
      const id = nextId++;
      return new Promise<Buffer>((resolve, reject) => {
        const timer = setTimeout(
          () => retire(thread, new Error(`PDF rendering took more than ${JOB_TIMEOUT_MS} ms`)),
          JOB_TIMEOUT_MS,
        );
        thread.pending.set(id, { resolve, reject, timer });
        thread.worker.postMessage({ id, input } satisfies PdfJob);
      });
    },
    async close() {
      closed = true;
      const all = threads.splice(0);
      for (const thread of all) failAll(thread, new Error('The PDF pool is closed'));
      await Promise.all(all.map((thread) => thread.worker.terminate()));
    },
  };
}
