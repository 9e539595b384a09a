import { createHash, randomUUID } from 'node:crypto';
import { EventEmitter } from 'node:events';
import { chunksSource } from '../../contract/byte-source.js';
import { AppError } from '../../contract/errors.js';
import { describeFileDanger, judgeAttachment } from '../../contract/file-rule.js';
import type { Language } from '../../contract/locale.js';
import { describeOversizeMessage } from '../../contract/message-size-wording.js';
import {
  MAX_MESSAGE_BYTES,
  measureMessage,
  messageSizeVerdict,
  REGISTERED_WARN_BYTES,
  type MessageSize,
} from '../../contract/message-size.js';
import { markMessage } from '../../contract/marking.js';
import type { SecureMode } from '../../contract/modes.js';
import { EmailAddressSchema, type Policy, type SendList, type SendRecord } from '../../contract/sends.schemas.js';
import type { SendRequest } from '../../contract/send-request.schemas.js';
import type { AccountingConnector } from '../accounting/connector.js';
import type { Db } from '../storage/database.js';
import { OutboxStore } from './outbox-store.js';
import type { SendTransport } from '../incamail/smtp-submission.js';
import { OutboxWorker, type Log, type RetryPolicy } from './outbox-worker.js';

/** A send request with its attachments decoded (in chunks, as the body parser read them). */
export type SendMessage = Omit<SendRequest, 'attachments'> & {
  attachments: { name: string; contentType: string; content: Buffer[] }[];
};

/** Who asks for the send, from the verified token; the message's `from` must be theirs (see auth/access.ts). */
export type SendCaller = {
  email: string;
  /**
   * Admission of something new in the caller's name (the per-user send rate): called once, just before a
   * new send or reminder run is recorded, never for a replay. Throws to refuse (429).
   */
  admitNew?: () => void;
  /** Refuses (429) as `admitNew` would, without charging: for a check before costly work. */
  mayAdmitNew?: () => void;
};

export type OutboxOptions = {
  db: Db;
  transport: SendTransport;
  /** Told which documents went out once IncaMail accepted them. */
  accounting?: Pick<AccountingConnector, 'recordSent'> | undefined;
  recipientSuffix: string;
  /** Policy for the send guard: level-3 reminders must go registered. */
  level3Registered?: boolean;
  sendModes: SecureMode[];
  /** `relay` while a transport is configured; `mailbox` tells the add-in to mark the item instead. */
  /** The route now; a function when an admin can change it at run time. */
  route: Policy['route'] | (() => Policy['route']);
  /** Why the configured route cannot be used right now (e.g. a stored route this bridge cannot decrypt). */
  routeProblem?: () => string | undefined;
  retry: Partial<RetryPolicy> & Pick<RetryPolicy, 'concurrency' | 'maxAttempts' | 'retryBaseMs'>;
  log: Log;
};

const SETTLED = new Set<SendRecord['status']>(['accepted', 'failed', 'uncertain']);

/**
 * The outbox: accepts a secure message exactly once per idempotency key, keeps it in SQLite, and has the
 * worker submit it to IncaMail. Every send is recorded with its outcome.
 */
export class Outbox {
  private readonly store: OutboxStore;
  private readonly worker: OutboxWorker;
  private readonly changes = new EventEmitter().setMaxListeners(0);

  constructor(private readonly options: OutboxOptions) {
    this.store = new OutboxStore(options.db);
    this.worker = new OutboxWorker(
      this.store,
      options.transport,
      { retryMaxMs: 10 * 60_000, stopGraceMs: 2000, ...options.retry },
      options.accounting,
      (id) => this.changes.emit(id),
      options.log,
    );
  }

  start(): void {
    this.worker.start();
  }

  stop(): Promise<void> {
    return this.worker.stop();
  }

  private route(): Policy['route'] {
    const { route } = this.options;
    return typeof route === 'function' ? route() : route;
  }

  policy(): Policy {
    return {
      modes: this.options.sendModes,
      maxMessageBytes: MAX_MESSAGE_BYTES,
      registeredWarnBytes: REGISTERED_WARN_BYTES,
      route: this.route(),
      recipientSuffix: this.options.recipientSuffix,
      level3Registered: this.options.level3Registered ?? false,
    };
  }

  /**
   * Records the send (or finds the one already recorded under this key) and wakes the worker. The same key
   * with a different message is a conflict: the add-in derived the key from a draft that has since changed.
   */
  accept(
    request: SendMessage,
    /** `language`: of the person who reads a refusal (the request's Accept-Language); English by default. */
    context: { idempotencyKey: string; caller: SendCaller; language?: Language },
  ): {
    record: SendRecord;
    created: boolean;
  } {
    const sentBy = context.caller.email.toLowerCase();
    const requestHash = hashRequest(request);
    const existing = this.replay(sentBy, context.idempotencyKey, requestHash);
    if (existing) return { record: existing, created: false };

    if (this.route() !== 'relay') {
      throw new AppError('upstream_unavailable', 'This bridge has no IncaMail submission configured.');
    }
    const problem = this.options.routeProblem?.();
    if (problem) throw new AppError('upstream_unavailable', problem);
    if (!this.options.sendModes.includes(request.mode)) {
      throw new AppError('mode_not_allowed', `Sending as ${request.mode} is not enabled for this organisation.`);
    }
    // Every path into the outbox (the send API, reminder runs with rendered subjects) passes here: no line
    // break may reach an SMTP header, whatever the caller validated before.
    const headerValues = [request.subject, request.from, ...request.to, ...request.cc, ...request.bcc];
    if (headerValues.some((value) => /[\r\n]/.test(value)) || request.attachments.some((a) => /[\r\n]/.test(a.name))) {
      throw new AppError('bad_request', 'Subject, addresses and file names must not contain line breaks.');
    }
    const refused = request.attachments.flatMap(({ name, contentType, content }) => {
      const danger = judgeAttachment({ name, contentType, content: chunksSource(content) });
      return danger ? [describeFileDanger(name, danger)] : [];
    });
    if (refused.length > 0) {
      throw new AppError('bad_request', `IncaMail refuses programs and active content: ${refused.join('; ')}`);
    }
    const { attachments } = request;
    const size = measureSendMessage(request);
    if (messageSizeVerdict(size.encodedBytes) === 'exceeds') {
      throw new AppError('payload_too_large', describeOversizeMessage(context.language ?? 'en', size));
    }
    const sizeBytes = size.encodedBytes;
    const marked = markMessage(
      { subject: request.subject, recipients: { to: request.to, cc: request.cc, bcc: request.bcc } },
      request.mode,
      this.options.recipientSuffix,
    );
    const tooLong = [...marked.recipients.to, ...marked.recipients.cc, ...marked.recipients.bcc].filter(
      (address) => !EmailAddressSchema.safeParse(address).success,
    );
    if (tooLong.length > 0) {
      throw new AppError('bad_request', `These addresses are too long once marked for IncaMail: ${tooLong.join(', ')}`);
    }

    context.caller.admitNew?.();
    // From the key lookup above to this insert nothing awaits: concurrent requests with the same key run one
    // after the other, and the second one replays the first (the UNIQUE constraint backs this up).
    const id = randomUUID();
    this.store.insert(
      {
        id,
        sentBy,
        idempotencyKey: context.idempotencyKey,
        requestHash,
        mode: request.mode,
        from: request.from,
        subject: marked.subject,
        recipients: marked.recipients,
        html: request.html,
        messageId: `<${id}.ledgermail@${request.from.split('@')[1]}>`,
        documentIds: request.documentIds,
        sizeBytes,
        attachments,
      },
      new Date(),
    );
    // After the caller's transaction (a reminder run inserts its send and its item link together) has
    // committed: an attempt must never start on a row that a rollback could still erase.
    setImmediate(() => this.worker.kick());
    return { record: this.mustGet(id), created: true };
  }

  get(id: string): SendRecord | undefined {
    return this.store.get(id);
  }

  /** The send recorded under this key by `sentBy`; by any sender where none is given (no sign-in). */
  findByKey(idempotencyKey: string, sentBy: string | undefined): SendRecord | undefined {
    return this.store.findByKey(idempotencyKey, sentBy?.toLowerCase())?.record;
  }

  /** Who submitted the send (lower-case address), to decide who may see it. */
  sentByOf(id: string): string | undefined {
    return this.store.sentByOf(id);
  }

  list(query: { limit: number; cursor?: string | undefined; sentBy?: string | undefined }): SendList {
    const afterSeq = query.cursor === undefined ? undefined : decodeCursor(query.cursor);
    const { records, lastSeq } = this.store.list(query.limit, afterSeq, query.sentBy);
    const nextCursor = records.length === query.limit && lastSeq !== undefined ? encodeCursor(lastSeq) : null;
    return { items: records, nextCursor };
  }

  /** Resolves once the send is accepted, failed or uncertain, or after `timeoutMs` with its state then. */
  async waitUntilSettled(id: string, timeoutMs: number): Promise<SendRecord | undefined> {
    const current = this.store.get(id);
    if (!current || SETTLED.has(current.status) || timeoutMs <= 0) return current;
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.changes.off(id, onChange);
        resolve();
      };
      const onChange = () => {
        const status = this.store.get(id)?.status;
        if (status && SETTLED.has(status)) done();
      };
      const timer = setTimeout(done, timeoutMs);
      this.changes.on(id, onChange);
    });
    return this.store.get(id);
  }

  private replay(sentBy: string, key: string, requestHash: string): SendRecord | undefined {
    const found = this.store.findByKey(key, sentBy);
    if (!found) return undefined;
    if (found.requestHash !== requestHash) {
      throw new AppError(
        'conflict',
        'This Idempotency-Key was already used for a different message. Nothing was sent again.',
      );
    }
    return found.record;
  }

  private mustGet(id: string): SendRecord {
    const record = this.store.get(id);
    if (!record) throw new AppError('internal', 'The send was recorded but cannot be read back.');
    return record;
  }
}

/** IncaMail's count, on what the add-in counts too: the addresses before the marking, the decoded files. */
function measureSendMessage(request: SendMessage): MessageSize {
  return measureMessage({
    subject: request.subject,
    html: request.html,
    addresses: [request.from, ...request.to, ...request.cc, ...request.bcc],
    attachments: request.attachments.map((a) => ({
      name: a.name,
      bytes: a.content.reduce((sum, chunk) => sum + chunk.length, 0),
    })),
  });
}

/** Fixed field order, so the same message hashes the same whatever order its JSON keys came in. */
function hashRequest(request: SendMessage): string {
  const hash = createHash('sha256');
  const { mode, from, to, cc, bcc, subject, html, documentIds, attachments } = request;
  hash.update(JSON.stringify([mode, from, to, cc, bcc, subject, html, documentIds]));
  for (const a of attachments) {
    const size = a.content.reduce((sum, chunk) => sum + chunk.length, 0);
    hash.update(JSON.stringify([a.name, a.contentType, size]));
    for (const chunk of a.content) hash.update(chunk);
  }
  return hash.digest('hex');
}

function encodeCursor(seq: number): string {
  return Buffer.from(`s${seq}`).toString('base64url');
}

function decodeCursor(cursor: string): number {
  const match = /^s(\d+)$/.exec(Buffer.from(cursor, 'base64url').toString());
  if (!match) throw new AppError('bad_request', 'Invalid cursor: use the nextCursor of the previous page.');
  return Number(match[1]);
}
