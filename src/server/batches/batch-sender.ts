import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../../contract/errors.js';
import type { SendRecord } from '../../contract/sends.schemas.js';
import type { AccountingConnector, DocumentPdf } from '../accounting/connector.js';
import type { Outbox } from '../sends/outbox.js';
import type { Log } from '../sends/outbox-worker.js';
import { messagePdfs } from './batch-messages.js';
import { itemKey, type BatchStore, type PendingItem, type StoredItem } from './batch-store.js';

export type BatchSendSettings = {
  /** Items of all batches held in the outbox (rendering, queued or submitting) at the same time. */
  concurrency: number;
  /** New messages handed toward the gateway per minute; retries of temporary failures follow the outbox's backoff. */
  ratePerMinute: number;
};

const SETTLED = new Set<SendRecord['status']>(['accepted', 'failed', 'uncertain']);

/** The outbox key of an item: the same batch, reminder and retry always name the same send. */
export function itemSendKey(item: Pick<StoredItem, 'batchId' | 'documentId' | 'retries'>): string {
  return `batch:${item.batchId}:${item.documentId}:${item.retries}`;
}

/** Spaces hand-overs evenly: at most one every `60 000 / ratePerMinute` ms, no bursts after a pause. */
class Pacer {
  private next = 0;
  constructor(private readonly intervalMs: number) {}

  async wait(signal: AbortSignal): Promise<void> {
    const now = Date.now();
    const at = Math.max(now, this.next);
    this.next = at + this.intervalMs;
    if (at > now) await sleep(at - now, undefined, { signal }).catch(() => undefined);
  }
}

/**
 * Feeds pending batch items into the outbox, a few at a time and no faster than the rate limit: each item
 * gets its PDF, becomes an individual outbox send, and holds its place until the outbox settled it. The
 * outbox's worker does the SMTP part, with its retries and exactly-once rules; this only decides the pace.
 * Everything it does is on disk first, so a new bridge over the same database carries on where it stopped.
 */
export class BatchSender {
  private readonly held = new Set<string>();
  private readonly lanes = new Set<Promise<void>>();
  private readonly abort = new AbortController();
  private readonly pacer: Pacer;
  private running = false;

  constructor(
    private readonly store: BatchStore,
    private readonly outbox: Pick<Outbox, 'accept' | 'waitUntilSettled'>,
    private readonly accounting: Pick<AccountingConnector, 'getDocumentPdf'>,
    private readonly settings: BatchSendSettings,
    private readonly log: Log,
  ) {
    this.pacer = new Pacer(60_000 / settings.ratePerMinute);
  }

  start(): void {
    this.running = true;
    this.kick();
  }

  async stop(): Promise<void> {
    this.running = false;
    this.abort.abort();
    await Promise.allSettled(this.lanes);
  }

  /** Takes up pending items while there is room; called when a batch is created or re-queued. */
  kick(): void {
    while (this.running && this.held.size < this.settings.concurrency) {
      const item = this.store.nextPending(this.held);
      if (!item) return;
      const key = itemKey(item.batchId, item.position);
      this.held.add(key);
      const lane: Promise<void> = this.send(item)
        .catch((error: unknown) => this.log.error({ err: error, batchId: item.batchId }, 'batch item stalled'))
        .finally(() => {
          this.held.delete(key);
          this.lanes.delete(lane);
          this.kick();
        });
      this.lanes.add(lane);
    }
  }

  /** Every PDF of the message, or the reason it cannot go: a message goes with all its documents or not at all. */
  private async pdfsOf(item: PendingItem): Promise<DocumentPdf[] | AppError> {
    try {
      return await messagePdfs(this.accounting, item);
    } catch (error) {
      this.log.error({ err: error, batchId: item.batchId, documentId: item.documentId }, 'reminder PDF failed');
      return error instanceof AppError ? error : new AppError('internal', 'The reminder PDF could not be rendered.');
    }
  }

  private async send(item: PendingItem): Promise<void> {
    await this.pacer.wait(this.abort.signal);
    if (!this.running) return;
    const batch = this.store.get(item.batchId);
    if (!batch || !item.recipient) return;
    const pdfs = await this.pdfsOf(item);
    // A stopping bridge leaves the item pending; the next start picks it up again.
    if (!this.running) return;
    if (pdfs instanceof AppError) {
      this.store.markFailed(item, { code: pdfs.code, message: pdfs.message });
      return;
    }

    let sendId: string;
    try {
      // One transaction: the outbox send and the item's link to it exist together or not at all.
      sendId = this.store.transaction(() => {
        const { record } = this.outbox.accept(
          {
            mode: item.mode,
            from: batch.from,
            to: [item.recipient!],
            cc: [],
            bcc: [],
            subject: item.subject,
            html: item.html,
            attachments: pdfs.map((pdf) => ({
              name: pdf.fileName,
              contentType: 'application/pdf',
              content: [pdf.content],
            })),
            documentIds: item.documentIds,
          },
          { idempotencyKey: itemSendKey(item), caller: { email: batch.createdBy } },
        );
        const attachments = pdfs.map((pdf) => ({ fileName: pdf.fileName, sizeBytes: pdf.content.length }));
        this.store.markSent(item, record.id, attachments);
        return record.id;
      });
    } catch (error) {
      const known = error instanceof AppError ? error : new AppError('internal', 'The outbox refused the message.');
      if (!(error instanceof AppError)) this.log.error({ err: error, batchId: item.batchId }, known.message);
      this.store.markFailed(item, { code: known.code, message: known.message });
      return;
    }
    // Hold the place until the outbox settles the send, so a batch never floods the outbox (and the
    // interactive sends behind it) with more than `concurrency` messages.
    while (this.running) {
      const record = await this.outbox.waitUntilSettled(sendId, 500);
      if (!record || SETTLED.has(record.status)) return;
    }
  }
}
