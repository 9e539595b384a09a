import type { Db } from '../storage/database.js';
import { migrate } from '../storage/database.js';

export type AuditEntry = {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  target: string | null;
  result: string;
  details: Record<string, unknown> | null;
};

export type AuditLog = {
  record: (entry: Omit<AuditEntry, 'id' | 'at'> & { at?: string }) => void;
  list: (options: { limit: number; beforeId?: number }) => AuditEntry[];
};

/** Who did what, when, with which result: every send and every admin change, kept in the bridge's database. */
export function createAuditLog(db: Db): AuditLog {
  migrate(db, 'audit', [
    {
      version: 1,
      name: 'audit log',
      up: (d) =>
        d.exec(`CREATE TABLE audit_log (
          id INTEGER PRIMARY KEY AUTOINCREMENT,
          at TEXT NOT NULL,
          actor_id TEXT,
          actor_email TEXT,
          action TEXT NOT NULL,
          target TEXT,
          result TEXT NOT NULL,
          details TEXT
        )`),
    },
  ]);
  const insert = db.prepare(
    'INSERT INTO audit_log (at, actor_id, actor_email, action, target, result, details) VALUES (?, ?, ?, ?, ?, ?, ?)',
  );
  const select = db.prepare(
    'SELECT id, at, actor_id, actor_email, action, target, result, details FROM audit_log WHERE id < ? ORDER BY id DESC LIMIT ?',
  );
  return {
    record(entry) {
      insert.run(
        entry.at ?? new Date().toISOString(),
        entry.actorId,
        entry.actorEmail,
        entry.action,
        entry.target,
        entry.result,
        entry.details ? JSON.stringify(entry.details) : null,
      );
    },
    list({ limit, beforeId }) {
      type Row = {
        id: number;
        at: string;
        actor_id: string | null;
        actor_email: string | null;
        action: string;
        target: string | null;
        result: string;
        details: string | null;
      };
      return (select.all(beforeId ?? Number.MAX_SAFE_INTEGER, limit) as Row[]).map((row) => ({
        id: row.id,
        at: row.at,
        actorId: row.actor_id,
        actorEmail: row.actor_email,
        action: row.action,
        target: row.target,
        result: row.result,
        details: row.details ? (JSON.parse(row.details) as Record<string, unknown>) : null,
      }));
    },
  };
}
