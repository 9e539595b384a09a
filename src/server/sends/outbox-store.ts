import type { Statement } from 'better-sqlite3';
import type { SecureMode } from '../../contract/modes.js';
import type { SendRecord } from '../../contract/sends.schemas.js';
import { migrate, reclaimFreePages, type Db } from '../storage/database.js';
import { OUTBOX_MIGRATIONS, toRecord, type DataPhase, type SendRow } from './outbox-schema.js';

export type NewSend = {
  id: string;
  sentBy: string;
  idempotencyKey: string;
  requestHash: string;
  mode: SecureMode;
  from: string;
  subject: string;
  recipients: SendRecord['recipients'];
  html: string;
  messageId: string;
  documentIds: string[];
  sizeBytes: number;
  attachments: { name: string; contentType: string; content: Buffer[] }[];
};

/** What the worker needs to submit a send. */
export type StoredMessage = {
  id: string;
  messageId: string;
  from: string;
  subject: string;
  recipients: SendRecord['recipients'];
  html: string;
  sizeBytes: number;
  /** Each content is read from the database chunk by chunk, afresh for every attempt. */
  attachments: { name: string; contentType: string; content: () => Iterable<Buffer> }[];
};

export type Settlement =
  | {
      status: 'accepted';
      smtpResponse: string;
      warning?: { code: string; message: string };
      /** Recipients IncaMail refused while it took the message for the others. */
      refused?: string[];
    }
  | { status: 'failed' | 'uncertain'; smtpResponse: string | null; error: { code: string; message: string } };

/** Only the `outbox_*` tables; every SQL statement of the outbox lives here. */
export class OutboxStore {
  /** Prepared once: preparing costs about as much as running these statements. */
  private readonly statements = new Map<string, Statement>();

  constructor(private readonly db: Db) {
    migrate(db, 'outbox', OUTBOX_MIGRATIONS);
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /** Unique per sender; without a sender (a bridge without sign-in) the newest send under the key. */
  findByKey(
    idempotencyKey: string,
    sentBy: string | undefined,
  ): { record: SendRecord; requestHash: string } | undefined {
    const row = (
      sentBy === undefined
        ? this.statement('SELECT * FROM outbox_sends WHERE idempotency_key = ? ORDER BY seq DESC LIMIT 1').get(
            idempotencyKey,
          )
        : this.statement('SELECT * FROM outbox_sends WHERE sent_by = ? AND idempotency_key = ?').get(
            sentBy,
            idempotencyKey,
          )
    ) as SendRow | undefined;
    return row ? { record: toRecord(row), requestHash: row.request_hash } : undefined;
  }

  insert(send: NewSend, now: Date): void {
    const at = now.toISOString();
    this.db.transaction(() => {
      this.statement(
        `INSERT INTO outbox_sends (id, sent_by, idempotency_key, request_hash, status, mode, from_address, subject,
             recipients_json, html, message_id, document_ids_json, attachment_count, size_bytes, next_attempt_at,
             documents_recorded, created_at, updated_at)
           VALUES (?, ?, ?, ?, 'received', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        send.id,
        send.sentBy,
        send.idempotencyKey,
        send.requestHash,
        send.mode,
        send.from,
        send.subject,
        JSON.stringify(send.recipients),
        send.html,
        send.messageId,
        JSON.stringify(send.documentIds),
        send.attachments.length,
        send.sizeBytes,
        now.getTime(),
        send.documentIds.length === 0 ? 1 : 0,
        at,
        at,
      );
      const attach = this.statement(
        'INSERT INTO outbox_attachments (send_id, position, name, content_type, size_bytes) VALUES (?, ?, ?, ?, ?)',
      );
      const chunk = this.statement(
        'INSERT INTO outbox_attachment_chunks (send_id, position, seq, data) VALUES (?, ?, ?, ?)',
      );
      send.attachments.forEach((a, position) => {
        attach.run(
          send.id,
          position,
          a.name,
          a.contentType,
          a.content.reduce((sum, c) => sum + c.length, 0),
        );
        a.content.forEach((data, seq) => chunk.run(send.id, position, seq, data));
      });
    })();
  }

  get(id: string): SendRecord | undefined {
    const row = this.statement('SELECT * FROM outbox_sends WHERE id = ?').get(id) as SendRow | undefined;
    return row ? toRecord(row) : undefined;
  }

  /**
   * Newest first; `afterSeq` is the position of the last item of the previous page; only the sends of
   * `sentBy` when given (a user sees their own, an admin all).
   */
  list(
    limit: number,
    afterSeq: number | undefined,
    sentBy?: string,
  ): { records: SendRecord[]; lastSeq: number | undefined } {
    const rows = (
      sentBy === undefined
        ? this.statement('SELECT * FROM outbox_sends WHERE seq < ? ORDER BY seq DESC LIMIT ?').all(
            afterSeq ?? Number.MAX_SAFE_INTEGER,
            limit,
          )
        : this.statement('SELECT * FROM outbox_sends WHERE seq < ? AND sent_by = ? ORDER BY seq DESC LIMIT ?').all(
            afterSeq ?? Number.MAX_SAFE_INTEGER,
            sentBy.toLowerCase(),
            limit,
          )
    ) as SendRow[];
    return { records: rows.map(toRecord), lastSeq: rows.at(-1)?.seq };
  }

  /** The send due first (received, or waiting for its retry) that is not already in flight. */
  nextDue(inFlight: ReadonlySet<string>): { id: string; dueAt: number } | undefined {
    const rows = this.statement(
      `SELECT id, next_attempt_at AS dueAt FROM outbox_sends
         WHERE next_attempt_at IS NOT NULL ORDER BY next_attempt_at, seq LIMIT ?`,
    ).all(inFlight.size + 1) as { id: string; dueAt: number }[];
    return rows.find((row) => !inFlight.has(row.id));
  }

  /** Claims the send for one attempt and returns what to submit. */
  beginAttempt(id: string, now: Date): StoredMessage | undefined {
    return this.db.transaction(() => {
      const claimed = this.statement(
        `UPDATE outbox_sends SET status = 'submitting', attempts = attempts + 1, data_phase = 'none',
             next_attempt_at = NULL, updated_at = ?
           WHERE id = ? AND status IN ('received', 'submitting') AND next_attempt_at IS NOT NULL`,
      ).run(now.toISOString(), id);
      if (claimed.changes === 0) return undefined;
      const row = this.statement('SELECT * FROM outbox_sends WHERE id = ?').get(id) as SendRow;
      const rows = this.statement(
        'SELECT position, name, content_type AS contentType FROM outbox_attachments WHERE send_id = ? ORDER BY position',
      ).all(id) as { position: number; name: string; contentType: string }[];
      const attachments = rows.map(({ position, name, contentType }) => ({
        name,
        contentType,
        content: () => this.chunksOf(id, position),
      }));
      return {
        id,
        messageId: row.message_id,
        from: row.from_address,
        subject: row.subject,
        recipients: JSON.parse(row.recipients_json) as SendRecord['recipients'],
        html: row.html ?? '',
        sizeBytes: row.size_bytes,
        attachments,
      };
    })();
  }

  /** One chunk per query: an open better-sqlite3 iterator would block the connection for other statements. */
  private *chunksOf(id: string, position: number): Generator<Buffer> {
    const read = this.statement(
      'SELECT data FROM outbox_attachment_chunks WHERE send_id = ? AND position = ? AND seq = ?',
    );
    for (let seq = 0; ; seq++) {
      const row = read.get(id, position, seq) as { data: Buffer } | undefined;
      if (!row) return;
      yield row.data;
    }
  }

  /** Written synchronously from the SMTP stream callbacks, so a crash right after still finds it on disk. */
  setDataPhase(id: string, phase: DataPhase): void {
    this.statement('UPDATE outbox_sends SET data_phase = ? WHERE id = ?').run(phase, id);
  }

  scheduleRetry(id: string, dueAt: number, problem: { code: string; message: string; smtpResponse: string | null }) {
    this.statement(
      `UPDATE outbox_sends SET data_phase = 'none', next_attempt_at = ?, error_code = ?, error_message = ?,
           smtp_response = ?, updated_at = ? WHERE id = ?`,
    ).run(dueAt, problem.code, problem.message, problem.smtpResponse, new Date().toISOString(), id);
  }

  /**
   * Final state. The message content (body, attachments) is dropped: IncaMail has it or refused it, and a
   * user who sends again does so from the draft, which stays in Outlook until IncaMail accepted.
   */
  settle(id: string, settlement: Settlement, now: Date): void {
    const error = settlement.status === 'accepted' ? settlement.warning : settlement.error;
    this.db.transaction(() => {
      this.statement(
        `UPDATE outbox_sends SET status = ?, smtp_response = ?, error_code = ?, error_message = ?, html = NULL,
             refused_json = ?, next_attempt_at = NULL, accepted_at = ?, updated_at = ? WHERE id = ?`,
      ).run(
        settlement.status,
        settlement.smtpResponse,
        error?.code ?? null,
        error?.message ?? null,
        JSON.stringify(settlement.status === 'accepted' ? (settlement.refused ?? []) : []),
        settlement.status === 'accepted' ? now.toISOString() : null,
        now.toISOString(),
        id,
      );
      this.statement('DELETE FROM outbox_attachment_chunks WHERE send_id = ?').run(id);
    })();
    reclaimFreePages(this.db);
  }

  /**
   * After a restart, for attempts the bridge was in the middle of: one whose data was complete may have been
   * delivered (`uncertain`); any other is due again now. Returns the ids that became uncertain.
   */
  recoverInterrupted(now: Date): string[] {
    return this.db.transaction(() => {
      const interrupted = this.statement(
        `SELECT id, data_phase FROM outbox_sends WHERE status = 'submitting' AND next_attempt_at IS NULL`,
      ).all() as { id: string; data_phase: DataPhase }[];
      const uncertain = interrupted.filter((row) => row.data_phase === 'complete').map((row) => row.id);
      for (const id of uncertain) {
        const message = 'The bridge stopped after the message was transmitted, before IncaMail confirmed it.';
        this.settle(
          id,
          { status: 'uncertain', smtpResponse: null, error: { code: 'upstream_unavailable', message } },
          now,
        );
      }
      this.statement(
        `UPDATE outbox_sends SET next_attempt_at = ?, data_phase = 'none'
           WHERE status = 'submitting' AND next_attempt_at IS NULL`,
      ).run(now.getTime());
      return uncertain;
    })();
  }

  /** Accepted sends whose documents the accounting has not recorded yet. */
  unrecordedDocuments(): SendRecord[] {
    const rows = this.statement(
      `SELECT * FROM outbox_sends WHERE status = 'accepted' AND documents_recorded = 0 ORDER BY seq`,
    ).all() as SendRow[];
    return rows.map(toRecord);
  }

  markDocumentsRecorded(id: string): void {
    this.statement('UPDATE outbox_sends SET documents_recorded = 1 WHERE id = ?').run(id);
  }

  sentByOf(id: string): string | undefined {
    const row = this.statement('SELECT sent_by FROM outbox_sends WHERE id = ?').get(id) as
      { sent_by: string } | undefined;
    return row?.sent_by;
  }
}
