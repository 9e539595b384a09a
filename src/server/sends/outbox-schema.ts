import type { SecureMode } from '../../contract/modes.js';
import type { SendRecord, SendStatus } from '../../contract/sends.schemas.js';
import type { Migration } from '../storage/database.js';

/**
 * The outbox's tables: their migrations, the shape of a send's row, and how a row reads as the API's
 * SendRecord. The statements over them are OutboxStore's (outbox-store.ts).
 */

/**
 * How far the message data of the current attempt got. `complete` means the whole message was handed to the
 * socket: from then on IncaMail may have accepted it, so an interrupted attempt is `uncertain`, never retried.
 */
export type DataPhase = 'none' | 'started' | 'complete';

export const OUTBOX_MIGRATIONS: Migration[] = [
  {
    version: 1,
    name: 'sends and their attachments',
    up: (db) =>
      db.exec(`
        CREATE TABLE outbox_sends (
          seq INTEGER PRIMARY KEY AUTOINCREMENT,
          id TEXT NOT NULL UNIQUE,
          sent_by TEXT NOT NULL,
          idempotency_key TEXT NOT NULL,
          request_hash TEXT NOT NULL,
          status TEXT NOT NULL CHECK (status IN ('received', 'submitting', 'accepted', 'failed', 'uncertain')),
          mode TEXT NOT NULL,
          from_address TEXT NOT NULL,
          subject TEXT NOT NULL,
          recipients_json TEXT NOT NULL,
          html TEXT,
          message_id TEXT NOT NULL,
          document_ids_json TEXT NOT NULL,
          attachment_count INTEGER NOT NULL,
          size_bytes INTEGER NOT NULL,
          attempts INTEGER NOT NULL DEFAULT 0,
          data_phase TEXT NOT NULL DEFAULT 'none' CHECK (data_phase IN ('none', 'started', 'complete')),
          next_attempt_at INTEGER,
          smtp_response TEXT,
          error_code TEXT,
          error_message TEXT,
          documents_recorded INTEGER NOT NULL DEFAULT 1,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL,
          accepted_at TEXT,
          UNIQUE (sent_by, idempotency_key)
        );
        CREATE INDEX outbox_sends_due ON outbox_sends (next_attempt_at) WHERE next_attempt_at IS NOT NULL;
        CREATE TABLE outbox_attachments (
          send_id TEXT NOT NULL REFERENCES outbox_sends (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          content_type TEXT NOT NULL,
          content BLOB NOT NULL,
          PRIMARY KEY (send_id, position)
        );
      `),
  },
  {
    version: 2,
    name: 'attachment contents in chunks of 1 MB',
    // Chunks let a 25 MB attachment be stored and submitted without ever being one 25 MB value in memory.
    up: (db) =>
      db.exec(`
        CREATE TABLE outbox_attachment_chunks (
          send_id TEXT NOT NULL REFERENCES outbox_sends (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          seq INTEGER NOT NULL,
          data BLOB NOT NULL,
          PRIMARY KEY (send_id, position, seq)
        );
        INSERT INTO outbox_attachment_chunks (send_id, position, seq, data)
          SELECT send_id, position, 0, content FROM outbox_attachments;
        CREATE TABLE outbox_attachments_v2 (
          send_id TEXT NOT NULL REFERENCES outbox_sends (id) ON DELETE CASCADE,
          position INTEGER NOT NULL,
          name TEXT NOT NULL,
          content_type TEXT NOT NULL,
          size_bytes INTEGER NOT NULL,
          PRIMARY KEY (send_id, position)
        );
        INSERT INTO outbox_attachments_v2 (send_id, position, name, content_type, size_bytes)
          SELECT send_id, position, name, content_type, length(content) FROM outbox_attachments;
        DROP TABLE outbox_attachments;
        ALTER TABLE outbox_attachments_v2 RENAME TO outbox_attachments;
      `),
  },
  {
    version: 3,
    name: 'the recipients IncaMail refused on an accepted send',
    up: (db) => db.exec(`ALTER TABLE outbox_sends ADD COLUMN refused_json TEXT NOT NULL DEFAULT '[]'`),
  },
];

export type SendRow = {
  seq: number;
  id: string;
  sent_by: string;
  request_hash: string;
  status: SendStatus;
  mode: SecureMode;
  from_address: string;
  subject: string;
  recipients_json: string;
  html: string | null;
  message_id: string;
  document_ids_json: string;
  attachment_count: number;
  size_bytes: number;
  attempts: number;
  data_phase: DataPhase;
  next_attempt_at: number | null;
  smtp_response: string | null;
  error_code: string | null;
  error_message: string | null;
  refused_json: string;
  documents_recorded: number;
  created_at: string;
  updated_at: string;
  accepted_at: string | null;
};

export function toRecord(row: SendRow): SendRecord {
  return {
    id: row.id,
    status: row.status,
    mode: row.mode,
    from: row.from_address,
    subject: row.subject,
    recipients: JSON.parse(row.recipients_json) as SendRecord['recipients'],
    documentIds: JSON.parse(row.document_ids_json) as string[],
    attachmentCount: row.attachment_count,
    sizeBytes: row.size_bytes,
    attempts: row.attempts,
    smtpResponse: row.smtp_response,
    messageId: row.status === 'accepted' ? row.message_id : null,
    error: row.error_code ? { code: row.error_code, message: row.error_message ?? '' } : null,
    refusedRecipients: JSON.parse(row.refused_json) as string[],
    accountingUpdate:
      row.document_ids_json === '[]'
        ? 'none'
        : row.status === 'accepted' && row.documents_recorded
          ? 'settled'
          : 'pending',
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    acceptedAt: row.accepted_at,
    nextAttemptAt:
      row.status === 'submitting' && row.next_attempt_at ? new Date(row.next_attempt_at).toISOString() : null,
  };
}
