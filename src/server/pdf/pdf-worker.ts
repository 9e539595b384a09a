/**
 * A PDF rendering thread of the bridge (pdf-pool.ts): renders what it is sent and hands the bytes back,
 * transferred rather than copied.
 */
import { parentPort } from 'node:worker_threads';
import { renderDocumentPdf, type DocumentPdfInput } from './document-pdf.js';

export type PdfJob = { id: number; input: DocumentPdfInput };
export type PdfAnswer = { id: number; pdf: Uint8Array } | { id: number; error: string };

const port = parentPort;
if (!port) throw new Error('pdf-worker.ts runs as a worker thread of pdf-pool.ts');

port.on('message', (job: PdfJob) => {
  renderDocumentPdf(job.input).then(
    (buffer) => {
      // A copy of its own: a small Buffer may sit in Node's shared pool, which must not be transferred away.
      const pdf = new Uint8Array(buffer);
      port.postMessage({ id: job.id, pdf } satisfies PdfAnswer, [pdf.buffer]);
    },
    (error: unknown) => port.postMessage({ id: job.id, error: String(error) } satisfies PdfAnswer),
  );
});
