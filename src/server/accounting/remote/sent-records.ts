import type { SentInfo } from '../../../contract/documents.schemas.js';
import type { DeliveryMode } from '../../../contract/modes.js';
import { migrate, type Db } from '../../storage/database.js';
import type { SentRecord } from '../connector.js';

/**
 * What LedgerMail sent of a remote backend's documents, kept in the bridge's own database: bexio knows only
 * "sent or not" and WinBIZ nothing, while the pane shows when and how a document last went out and filters on
 * "not sent yet". `marked_at` remembers that the backend itself was told (bexio's `mark_as_sent`), so a
 * retried record marks each document there exactly once.
 */
export type SentRecords = {
  /** Idempotent per document and send. */
  record(input: SentRecord): void;
  lastSent(documentIds: readonly string[]): Map<string, SentInfo>;
  /** Whether LedgerMail ever sent the document. */
  wasSent(documentId: string): boolean;
  /** The documents this send carried whose backend has not been told yet, in the send's order. */
  unmarked(sendId: string): string[];
  /** Whether any send already told the backend about this document. */
  isMarked(documentId: string): boolean;
  markRemote(documentId: string, sendId: string, at: string): void;
};

export function createSentRecords(db: Db, backend: 'bexio' | 'winbiz'): SentRecords {
  migrate(db, 'accounting_sent', [
    {
      version: 1,
      name: 'documents sent of remote backends',
      up: (d) =>
        d.exec(`CREATE TABLE accounting_sent (
          backend TEXT NOT NULL,
          document_id TEXT NOT NULL,
          send_id TEXT NOT NULL,
          position INTEGER NOT NULL,
          sent_at TEXT NOT NULL,
          mode TEXT NOT NULL,
          sent_by TEXT NOT NULL,
          marked_at TEXT,
          PRIMARY KEY (backend, document_id, send_id)
        );
        CREATE INDEX accounting_sent_by_send ON accounting_sent (backend, send_id, position)`),
    },
  ]);
  const insert = db.prepare(
    `INSERT INTO accounting_sent (backend, document_id, send_id, position, sent_at, mode, sent_by)
     VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const latest = db.prepare(
    `SELECT document_id, sent_at, mode, send_id FROM accounting_sent
     WHERE backend = ? AND document_id IN (SELECT value FROM json_each(?))
     ORDER BY sent_at DESC, rowid DESC`,
  );
  const anySent = db.prepare('SELECT 1 FROM accounting_sent WHERE backend = ? AND document_id = ? LIMIT 1');
  const unmarked = db.prepare(
    `SELECT document_id FROM accounting_sent s WHERE backend = ? AND send_id = ? AND marked_at IS NULL
     ORDER BY position`,
  );
  const marked = db.prepare(
    'SELECT 1 FROM accounting_sent WHERE backend = ? AND document_id = ? AND marked_at IS NOT NULL LIMIT 1',
  );
  const mark = db.prepare(
    'UPDATE accounting_sent SET marked_at = ? WHERE backend = ? AND document_id = ? AND send_id = ?',
  );
  return {
    record(input) {
      db.transaction(() => {
        input.documentIds.forEach((id, position) =>
          insert.run(backend, id, input.sendId, position, input.sentAt, input.mode, input.sentBy),
        );
      })();
    },
    lastSent(documentIds) {
      const result = new Map<string, SentInfo>();
      if (documentIds.length === 0) return result;
      const rows = latest.all(backend, JSON.stringify(documentIds)) as {
        document_id: string;
        sent_at: string;
        mode: DeliveryMode;
        send_id: string;
      }[];
      for (const row of rows) {
        if (!result.has(row.document_id)) {
          result.set(row.document_id, { at: row.sent_at, mode: row.mode, sendId: row.send_id });
        }
      }
      return result;
    },
    wasSent: (documentId) => anySent.get(backend, documentId) !== undefined,
    unmarked: (sendId) => (unmarked.all(backend, sendId) as { document_id: string }[]).map((r) => r.document_id),
    isMarked: (documentId) => marked.get(backend, documentId) !== undefined,
    markRemote(documentId, sendId, at) {
      mark.run(at, backend, documentId, sendId);
    },
  };
}
