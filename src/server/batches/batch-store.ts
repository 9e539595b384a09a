import type { BatchReminder } from '../../contract/batches.schemas.js';
import type { Language } from '../../contract/locale.js';
import type { SecureMode } from '../../contract/modes.js';
import type { Statement } from 'better-sqlite3';
import { migrate, type Db, type Migration } from '../storage/database.js';

const MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'batches and their items',
    up: (db) =>
      db.exec(`
        CREATE TABLE batches (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          created_by TEXT NOT NULL,
          idempotency_key TEXT NOT NULL,
          request_hash TEXT NOT NULL,
          from_address TEXT NOT NULL,
          created_at TEXT NOT NULL,
          UNIQUE (created_by, idempotency_key)
        );
        CREATE TABLE batch_items (
          batch_id TEXT NOT NULL REFERENCES batches (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          document_id TEXT NOT NULL,
          number TEXT NOT NULL,
          customer_id TEXT NOT NULL,
          customer_name TEXT NOT NULL,
          language TEXT NOT NULL,
          level INTEGER NOT NULL,
          recipient TEXT,
          mode TEXT NOT NULL,
          subject TEXT NOT NULL,
          html TEXT NOT NULL,
          state TEXT NOT NULL CHECK (state IN ('pending', 'sent', 'failed', 'skipped')),
          retries INTEGER NOT NULL DEFAULT 0,
          send_id TEXT,
          error_code TEXT,
          error_message TEXT,
          file_name TEXT,
          size_bytes INTEGER,
          updated_at TEXT NOT NULL,
          PRIMARY KEY (batch_id, position)
        );
        CREATE INDEX batch_items_pending ON batch_items (state) WHERE state = 'pending';
      `),
  },
  {
    version: 2,
    name: 'a message carries one or several reminders of a customer',
    // Items of version 1 carry one reminder: NULL reads as [document_id], [number], [file_name].
    up: (db) =>
      db.exec(`
        ALTER TABLE batch_items ADD COLUMN document_ids TEXT;
        ALTER TABLE batch_items ADD COLUMN numbers TEXT;
        ALTER TABLE batch_items ADD COLUMN attachments TEXT;
      `),
  },
];

/**
 * `pending`: waits for its turn; `sent`: handed to the outbox as `send_id` (the outbox knows how it went);
 * `failed`: could not be handed over (its PDF or document is gone); `skipped`: the customer has no address.
 */
export type BatchItemState = 'pending' | 'sent' | 'failed' | 'skipped';

export type NewItem = BatchReminder & {
  recipient: string | null;
  mode: SecureMode;
  subject: string;
  html: string;
  /** The plain-text part as rendered (the outbox derives its own from the HTML); shown in the preview. */
  text: string;
};

export type AttachmentInfo = { fileName: string; sizeBytes: number };

export type StoredItem = BatchReminder & {
  batchId: string;
  position: number;
  recipient: string | null;
  mode: SecureMode;
  state: BatchItemState;
  retries: number;
  sendId: string | null;
  error: { code: string; message: string } | null;
  attachments: AttachmentInfo[];
};

/** An item about to be sent, with its rendered message. */
export type PendingItem = StoredItem & { subject: string; html: string };

export type StoredBatch = { id: string; createdBy: string; from: string; createdAt: string; requestHash: string };

const ITEM_COLUMNS = `batch_id, position, document_id, number, customer_id, customer_name, language, level, recipient,
  mode, state, retries, send_id, error_code, error_message, file_name, size_bytes, document_ids, numbers, attachments`;

type ItemRow = {
  batch_id: string;
  position: number;
  document_id: string;
  number: string;
  customer_id: string;
  customer_name: string;
  language: Language;
  level: number;
  recipient: string | null;
  mode: SecureMode;
  state: BatchItemState;
  retries: number;
  send_id: string | null;
  error_code: string | null;
  error_message: string | null;
  file_name: string | null;
  size_bytes: number | null;
  document_ids: string | null;
  numbers: string | null;
  attachments: string | null;
};

type BatchRow = { id: string; created_by: string; from_address: string; created_at: string; request_hash: string };

/** Only the `batch*` tables; every SQL statement of the batches lives here. */
export class BatchStore {
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    migrate(db, 'batches', MIGRATIONS);
  }

  /** Prepared once: a pane polls progress every second, the sender asks for work after every item. */
  private sql(text: string): Statement {
    let statement = this.statements.get(text);
    if (!statement) this.statements.set(text, (statement = this.db.prepare(text)));
    return statement;
  }

  /** Runs `fn` in one transaction (a savepoint when nested), e.g. handing an item to the outbox. */
  transaction<T>(fn: () => T): T {
    return this.db.transaction(fn)();
  }

  findByKey(createdBy: string, idempotencyKey: string): StoredBatch | undefined {
    const row = this.sql('SELECT * FROM batches WHERE created_by = ? AND idempotency_key = ?').get(
      createdBy,
      idempotencyKey,
    ) as BatchRow | undefined;
    return row && toBatch(row);
  }

  insert(batch: StoredBatch & { idempotencyKey: string }, items: NewItem[]): void {
    const at = batch.createdAt;
    this.transaction(() => {
      this.sql(
        `INSERT INTO batches (id, created_by, idempotency_key, request_hash, from_address, created_at)
           VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(batch.id, batch.createdBy, batch.idempotencyKey, batch.requestHash, batch.from, at);
      const insertItem = this.sql(
        `INSERT INTO batch_items (batch_id, position, document_id, number, customer_id, customer_name, language, level,
           recipient, mode, subject, html, state, updated_at, document_ids, numbers)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      items.forEach((item, position) =>
        insertItem.run(
          batch.id,
          position,
          item.documentId,
          item.number,
          item.customerId,
          item.customerName,
          item.language,
          item.level,
          item.recipient,
          item.mode,
          item.subject,
          item.html,
          item.recipient === null ? 'skipped' : 'pending',
          at,
          JSON.stringify(item.documentIds),
          JSON.stringify(item.numbers),
        ),
      );
    });
  }

  get(id: string): StoredBatch | undefined {
    const row = this.sql('SELECT * FROM batches WHERE id = ?').get(id) as BatchRow | undefined;
    return row && toBatch(row);
  }

  /** Newest first. */
  list(limit: number, createdBy?: string): StoredBatch[] {
    const rows = (
      createdBy === undefined
        ? this.sql('SELECT * FROM batches ORDER BY seq DESC LIMIT ?').all(limit)
        : this.sql('SELECT * FROM batches WHERE created_by = ? ORDER BY seq DESC LIMIT ?').all(createdBy, limit)
    ) as BatchRow[];
    return rows.map(toBatch);
  }

  /** Without the rendered messages, which only the sender needs. */
  items(batchId: string): StoredItem[] {
    const rows = this.sql(`SELECT ${ITEM_COLUMNS} FROM batch_items WHERE batch_id = ? ORDER BY position`).all(
      batchId,
    ) as ItemRow[];
    return rows.map(toItem);
  }

  /** Pending items in the order batches and items were created, leaving out those a sender holds already. */
  nextPending(exclude: ReadonlySet<string>): PendingItem | undefined {
    const rows = this.sql(
      `SELECT i.* FROM batch_items i JOIN batches b ON b.id = i.batch_id
         WHERE i.state = 'pending' ORDER BY b.seq, i.position LIMIT ?`,
    ).all(exclude.size + 1) as (ItemRow & { subject: string; html: string })[];
    const row = rows.find((r) => !exclude.has(itemKey(r.batch_id, r.position)));
    return row && { ...toItem(row), subject: row.subject, html: row.html };
  }

  markSent(item: StoredItem, sendId: string, attachments: AttachmentInfo[]): void {
    this.sql(
      `UPDATE batch_items SET state = 'sent', send_id = ?, attachments = ?, error_code = NULL,
           error_message = NULL, updated_at = ? WHERE batch_id = ? AND position = ? AND state = 'pending'`,
    ).run(sendId, JSON.stringify(attachments), new Date().toISOString(), item.batchId, item.position);
  }

  markFailed(item: StoredItem, error: { code: string; message: string }): void {
    this.sql(
      `UPDATE batch_items SET state = 'failed', error_code = ?, error_message = ?, updated_at = ?
         WHERE batch_id = ? AND position = ? AND state = 'pending'`,
    ).run(error.code, error.message, new Date().toISOString(), item.batchId, item.position);
  }

  /** Back to `pending` with the next retry number, so the item gets a fresh outbox key. */
  requeue(batchId: string, positions: number[]): void {
    const update = this.sql(
      `UPDATE batch_items SET state = 'pending', retries = retries + 1, send_id = NULL, error_code = NULL,
         error_message = NULL, updated_at = ? WHERE batch_id = ? AND position = ? AND state IN ('sent', 'failed')`,
    );
    const at = new Date().toISOString();
    this.transaction(() => positions.forEach((position) => update.run(at, batchId, position)));
  }
}

export function itemKey(batchId: string, position: number): string {
  return `${batchId}#${position}`;
}

function toBatch(row: BatchRow): StoredBatch {
  return {
    id: row.id,
    createdBy: row.created_by,
    from: row.from_address,
    createdAt: row.created_at,
    requestHash: row.request_hash,
  };
}

function toAttachments(row: ItemRow): AttachmentInfo[] {
  if (row.attachments !== null) return JSON.parse(row.attachments) as AttachmentInfo[];
  return row.file_name === null ? [] : [{ fileName: row.file_name, sizeBytes: row.size_bytes ?? 0 }];
}

function toItem(row: ItemRow): StoredItem {
  return {
    batchId: row.batch_id,
    position: row.position,
    documentId: row.document_id,
    documentIds: row.document_ids === null ? [row.document_id] : (JSON.parse(row.document_ids) as string[]),
    number: row.number,
    numbers: row.numbers === null ? [row.number] : (JSON.parse(row.numbers) as string[]),
    customerId: row.customer_id,
    customerName: row.customer_name,
    language: row.language,
    level: row.level,
    recipient: row.recipient,
    mode: row.mode,
    state: row.state,
    retries: row.retries,
    sendId: row.send_id,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    attachments: toAttachments(row),
  };
}
