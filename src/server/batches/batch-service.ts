import { createHash, randomUUID } from 'node:crypto';
import type {
  Batch,
  BatchCounts,
  BatchItem,
  BatchList,
  BatchPreview,
  BatchReminder,
  BatchRequest,
  BatchSummary,
  PreviewMessage,
  TemplateDefaults,
} from '../../contract/batches.schemas.js';
import { LEVEL_KEYS } from '../../contract/batches.schemas.js';
import { LANGUAGES } from '../../contract/locale.js';
import { AppError } from '../../contract/errors.js';
import type { SendRecord } from '../../contract/sends.schemas.js';
import type { AccountingConnector } from '../accounting/connector.js';
import type { SendCaller, Outbox } from '../sends/outbox.js';
import type { Log } from '../sends/outbox-worker.js';
import { createRateLimiter } from '../security/rate-limit.js';
import type { Db } from '../storage/database.js';
import { mapWithConcurrency, messagePdfs, prepareMessages } from './batch-messages.js';
import { BatchSender, type BatchSendSettings } from './batch-sender.js';
import { BatchStore, type StoredBatch, type StoredItem } from './batch-store.js';
import { DEFAULT_TEMPLATES } from './default-templates.js';

const SETTLED = new Set<SendRecord['status']>(['accepted', 'failed', 'uncertain']);
const MAX_REMEMBERED = 20_000;

export type BatchServiceOptions = {
  db: Db;
  outbox: Pick<Outbox, 'accept' | 'waitUntilSettled' | 'get' | 'policy'>;
  accounting: Pick<AccountingConnector, 'getDocument' | 'getDocumentPdf' | 'getCompany'>;
  settings: BatchSendSettings;
  log: Log;
  /** Today's date in Switzerland (YYYY-MM-DD): a reminder must ask for payment by a later day. */
  today: () => string;
};

/** A preview renders every PDF of the run: ten a minute is ample for a person editing a template. */
const PREVIEWS_PER_MINUTE = 10;

/**
 * Reminder runs: preview, create (exactly once per Idempotency-Key), progress, and "retry failed". The
 * items are individual outbox sends; their state is read from the outbox, never copied.
 */
export class BatchService {
  private readonly store: BatchStore;
  private readonly sender: BatchSender;
  /** Settled sends never change again: a pane polling a 500-item batch reads each from the outbox once. */
  private readonly settled = new Map<string, SendRecord>();
  private readonly previewLimiter = createRateLimiter({
    limit: PREVIEWS_PER_MINUTE,
    windowMs: 60_000,
    what: 'previews of reminder runs',
  });

  constructor(private readonly options: BatchServiceOptions) {
    this.store = new BatchStore(options.db);
    this.sender = new BatchSender(this.store, options.outbox, options.accounting, options.settings, options.log);
  }

  start(): void {
    this.sender.start();
  }

  stop(): Promise<void> {
    return this.sender.stop();
  }

  /**
   * Renders every message with its PDF, without storing or sending anything. Rendering a run's PDFs costs
   * seconds of CPU, so a sender has PREVIEWS_PER_MINUTE a minute.
   */
  async preview(request: BatchRequest, caller: SendCaller): Promise<BatchPreview> {
    this.previewLimiter.take(caller.email.toLowerCase());
    return this.renderPreview(request);
  }

  /** The bridge's templates for every language and level, the company that signs, and the run's date. */
  async templateDefaults(): Promise<TemplateDefaults> {
    return {
      templates: DEFAULT_TEMPLATES,
      company: await this.options.accounting.getCompany(),
      today: this.options.today(),
    };
  }

  private async prepare(request: BatchRequest) {
    return prepareMessages(request, {
      accounting: this.options.accounting,
      allowedModes: this.modes(),
      defaults: DEFAULT_TEMPLATES,
      company: await this.options.accounting.getCompany(),
      today: this.options.today(),
    });
  }

  private async renderPreview(request: BatchRequest): Promise<BatchPreview> {
    const items = await this.prepare(request);
    const withEmail = items.filter((item) => item.recipient !== null);
    const messages = await mapWithConcurrency(withEmail, this.options.settings.concurrency, async (item) => {
      const pdfs = await messagePdfs(this.options.accounting, item);
      if (pdfs instanceof AppError) throw pdfs;
      const attachments = pdfs.map((pdf) => ({ fileName: pdf.fileName, sizeBytes: pdf.content.length }));
      const message: PreviewMessage = {
        ...reminderOf(item),
        recipient: item.recipient!,
        mode: item.mode,
        subject: item.subject,
        html: item.html,
        text: item.text,
        attachments,
      };
      return message;
    });
    const byMode = { registered: 0, confidential: 0, personal: 0 };
    for (const message of messages) byMode[message.mode]++;
    return {
      messages,
      withoutEmail: items.filter((item) => item.recipient === null).map(reminderOf),
      summary: {
        messages: messages.length,
        reminders: messages.reduce((sum, m) => sum + m.documentIds.length, 0),
        recipients: new Set(messages.map((m) => m.recipient.toLowerCase())).size,
        totalBytes: messages.reduce(
          (sum, m) => sum + Buffer.byteLength(m.html) + m.attachments.reduce((bytes, a) => bytes + a.sizeBytes, 0),
          0,
        ),
        byMode,
      },
    };
  }

  /**
   * Stores the batch and its rendered messages, then lets the sender feed them to the outbox. The same key
   * with the same request returns the batch created first; with a different request it is a conflict.
   */
  async create(
    request: BatchRequest,
    context: { idempotencyKey: string; caller: SendCaller },
  ): Promise<{ batch: Batch; created: boolean }> {
    const createdBy = context.caller.email.toLowerCase();
    const requestHash = hashRequest(request);
    const replayed = this.replay(createdBy, context.idempotencyKey, requestHash);
    if (replayed) return { batch: replayed, created: false };
    // A caller over the send rate is refused before the accounting renders every reminder; the run is
    // charged only once it is recorded (a refused run or a duplicate click costs nothing).
    context.caller.mayAdmitNew?.();
    const from = context.caller.email;
    const items = await this.prepare(request);

    // Checked again after the awaits above: a concurrent request with the same key may have stored it meanwhile.
    const raced = this.replay(createdBy, context.idempotencyKey, requestHash);
    if (raced) return { batch: raced, created: false };
    context.caller.admitNew?.();
    const id = randomUUID();
    const createdAt = new Date().toISOString();
    this.store.insert({ id, createdBy, from, createdAt, requestHash, idempotencyKey: context.idempotencyKey }, items);
    this.sender.kick();
    return { batch: this.mustGet(id), created: true };
  }

  get(id: string, caller?: SendCaller): Batch | undefined {
    const batch = this.store.get(id);
    if (!batch || !isOwnedBy(batch, caller)) return undefined;
    const items = this.store.items(id);
    const sendable = items.filter((item) => item.state !== 'skipped').map((item) => this.toBatchItem(item));
    return {
      ...summaryOf(batch, sendable),
      items: sendable,
      withoutEmail: items.filter((item) => item.state === 'skipped').map(reminderOf),
    };
  }

  list(limit: number, caller?: SendCaller): BatchList {
    const batches = this.store.list(limit, caller?.email.toLowerCase());
    return {
      items: batches.map((batch) =>
        summaryOf(
          batch,
          this.store
            .items(batch.id)
            .filter((item) => item.state !== 'skipped')
            .map((item) => this.toBatchItem(item)),
        ),
      ),
    };
  }

  /**
   * Queues the failed items again, each under a fresh outbox key. Accepted and uncertain items are never
   * touched: an uncertain message may have reached the customer, and only a person can decide to resend it.
   */
  retryFailed(id: string, caller?: SendCaller): Batch {
    const batch = this.get(id, caller);
    if (!batch) throw new AppError('not_found', `No batch with id "${id}".`);
    const failed = this.store
      .items(id)
      .filter((item) => item.state !== 'skipped' && this.toBatchItem(item).status === 'failed')
      .map((item) => item.position);
    if (failed.length > 0) caller?.admitNew?.(); // messages go out again: a new run for the send rate
    this.store.requeue(id, failed);
    this.sender.kick();
    return this.mustGet(id);
  }

  private toBatchItem(item: StoredItem): BatchItem {
    const base = {
      ...reminderOf(item),
      recipient: item.recipient ?? '',
      mode: item.mode,
      retries: item.retries,
      attachments: item.attachments,
      sendId: item.sendId,
    };
    if (item.state !== 'sent' || !item.sendId) {
      const status = item.state === 'failed' ? 'failed' : 'queued';
      return { ...base, status, smtpResponse: null, error: item.error };
    }
    const send = this.settled.get(item.sendId) ?? this.options.outbox.get(item.sendId);
    if (send && SETTLED.has(send.status)) this.remember(send);
    if (!send) {
      const error = { code: 'internal', message: 'The outbox no longer knows this send.' };
      return { ...base, status: 'uncertain', smtpResponse: null, error };
    }
    const status = send.status === 'received' ? 'queued' : send.status === 'submitting' ? 'sending' : send.status;
    return { ...base, status, smtpResponse: send.smtpResponse, error: send.error };
  }

  private remember(send: SendRecord): void {
    if (this.settled.size >= MAX_REMEMBERED) this.settled.clear();
    this.settled.set(send.id, send);
  }

  private modes() {
    return this.options.outbox.policy().modes;
  }

  private replay(createdBy: string, key: string, requestHash: string): Batch | undefined {
    const found = this.store.findByKey(createdBy, key);
    if (!found) return undefined;
    if (found.requestHash !== requestHash) {
      throw new AppError('conflict', 'This Idempotency-Key was already used for a different batch. Nothing was sent.');
    }
    return this.mustGet(found.id);
  }

  private mustGet(id: string): Batch {
    const batch = this.get(id);
    if (!batch) throw new AppError('internal', 'The batch was stored but cannot be read back.');
    return batch;
  }
}

function isOwnedBy(batch: StoredBatch, caller: SendCaller | undefined): boolean {
  return caller === undefined || batch.createdBy === caller.email.toLowerCase();
}

function reminderOf(item: BatchReminder): BatchReminder {
  const { documentId, documentIds, number, numbers, customerId, customerName, language, level } = item;
  return { documentId, documentIds, number, numbers, customerId, customerName, language, level };
}

function summaryOf(batch: StoredBatch, items: BatchItem[]): BatchSummary {
  const counts: BatchCounts = { total: items.length, queued: 0, sending: 0, accepted: 0, failed: 0, uncertain: 0 };
  for (const item of items) counts[item.status]++;
  const done = counts.queued === 0 && counts.sending === 0;
  return { id: batch.id, status: done ? 'done' : 'running', from: batch.from, createdAt: batch.createdAt, counts };
}

/** Fixed field order, so the same request hashes the same whatever order its JSON keys came in. */
function hashRequest(request: BatchRequest): string {
  const { documentIds, grouping, modeByLevel, templates } = request;
  const worded = LANGUAGES.map((l) => LEVEL_KEYS.map((k) => [templates[l]?.[k]?.subject, templates[l]?.[k]?.body]));
  const modes = LEVEL_KEYS.map((k) => modeByLevel[k]);
  return createHash('sha256')
    .update(JSON.stringify([documentIds, grouping, modes, worded]))
    .digest('hex');
}
