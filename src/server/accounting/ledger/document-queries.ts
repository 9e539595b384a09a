import { z } from 'zod';
import type {
  DocumentCount,
  DocumentKind,
  DocumentStatus,
  DocumentSummary,
} from '../../../contract/documents.schemas.js';
import type { DocumentCountQuery, DocumentQuery } from '../../../contract/documents-query.schemas.js';
import { IsoDateSchema } from '../../../contract/documents.schemas.js';
import type { Language } from '../../../contract/locale.js';
import type { DeliveryMode } from '../../../contract/modes.js';
import type { Db } from '../../storage/database.js';
import { addDays } from './dates.js';
import { cursorRefused } from '../remote/document-filter.js';
import type { TextSearch } from './text-search.js';

/** One row of the documents list, as the list and detail queries select it. */
export type LedgerDocumentRow = {
  id: number;
  kind: DocumentKind;
  number: string;
  customer_id: number;
  customer_number: string;
  customer_name: string;
  customer_language: Language;
  customer_email: string | null;
  issue_date: string;
  due_date: string;
  currency: 'CHF' | 'EUR';
  total_cents: number;
  open_cents: number;
  status: 'draft' | 'open' | 'paid' | 'cancelled';
  invoice_id: number | null;
  level: 1 | 2 | 3 | null;
  fee_cents: number | null;
  payment_reference: string;
  sent_at: string | null;
  sent_mode: string | null;
  sent_send_id: string | null;
};

/** Columns of a document row; `d` is ledger_documents, joined as in DOCUMENT_JOINS. */
export const DOCUMENT_COLUMNS = `
  d.id, d.kind, d.number, d.customer_id, c.number AS customer_number, c.name AS customer_name,
  c.language AS customer_language,
  (SELECT e.email FROM ledger_customer_emails e WHERE e.customer_id = d.customer_id ORDER BY e.position LIMIT 1)
    AS customer_email,
  d.issue_date, d.due_date, d.currency, d.total_cents, d.open_cents, d.status, d.invoice_id, d.level, d.fee_cents,
  d.payment_reference, s.sent_at, s.mode AS sent_mode, s.send_id AS sent_send_id`;

export const DOCUMENT_JOINS = `
  JOIN ledger_customers c ON c.id = d.customer_id
  LEFT JOIN ledger_sent s ON s.id = (
    SELECT s2.id FROM ledger_sent s2 WHERE s2.document_id = d.id ORDER BY s2.sent_at DESC, s2.id DESC LIMIT 1
  )`;

export const documentId = (kind: DocumentKind, rowId: number) => `${kind === 'invoice' ? 'inv' : 'rem'}-${rowId}`;
export const customerId = (rowId: number) => `cus-${rowId}`;

/** `inv-12` → invoice row 12; anything else (wrong prefix, not a number) names no document. */
export function parseDocumentId(id: string): { kind: DocumentKind; rowId: number } | undefined {
  const match = /^(inv|rem)-([1-9]\d{0,15})$/.exec(id);
  if (!match) return undefined;
  return { kind: match[1] === 'inv' ? 'invoice' : 'reminder', rowId: Number(match[2]) };
}

const cents = (value: number) => value / 100;

export function effectiveStatus(row: Pick<LedgerDocumentRow, 'status' | 'due_date'>, today: string): DocumentStatus {
  return row.status === 'open' && row.due_date < today ? 'overdue' : row.status;
}

export function toSummary(row: LedgerDocumentRow, today: string): DocumentSummary {
  return {
    id: documentId(row.kind, row.id),
    kind: row.kind,
    number: row.number,
    customer: {
      id: customerId(row.customer_id),
      number: row.customer_number,
      name: row.customer_name,
      email: row.customer_email,
      language: row.customer_language,
    },
    issueDate: row.issue_date,
    dueDate: row.due_date,
    currency: row.currency,
    total: cents(row.total_cents),
    openAmount: cents(row.open_cents),
    status: effectiveStatus(row, today),
    invoiceId: row.invoice_id === null ? null : documentId('invoice', row.invoice_id),
    level: row.level,
    fee: row.fee_cents === null ? null : cents(row.fee_cents),
    lastSent:
      row.sent_at === null ? null : { at: row.sent_at, mode: row.sent_mode as DeliveryMode, sendId: row.sent_send_id },
  };
}

/**
 * The cursor is the sort key of the last row returned (issue date and id, newest first), base64url-encoded
 * so clients treat it as opaque. Anything that does not decode to such a key is the client's mistake: a 400.
 */
const CursorSchema = z.tuple([IsoDateSchema, z.number().int().positive()]);

export function encodeCursor(row: Pick<LedgerDocumentRow, 'issue_date' | 'id'>): string {
  return Buffer.from(JSON.stringify([row.issue_date, row.id])).toString('base64url');
}

export function decodeCursor(cursor: string): { issueDate: string; id: number } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = CursorSchema.safeParse(parsed);
  if (!result.success) throw cursorRefused();
  return { issueDate: result.data[0], id: result.data[1] };
}

/** Status filters in terms of stored status and due date ("overdue" is open and past due today). */
const STATUS_CONDITION: Record<DocumentStatus, string> = {
  draft: "d.status = 'draft'",
  paid: "d.status = 'paid'",
  cancelled: "d.status = 'cancelled'",
  open: "(d.status = 'open' AND d.due_date >= @today)",
  overdue: "(d.status = 'open' AND d.due_date < @today)",
};

/** Builds the WHERE clause of a documents query; `q` is planned by the text search (text-search.ts). */
export function buildFilter(
  query: DocumentCountQuery & Pick<DocumentQuery, 'cursor'>,
  today: string,
  textSearch: TextSearch,
) {
  const where: string[] = [];
  const params: Record<string, string | number> = { today };
  if (query.kind) {
    where.push('d.kind = @kind');
    params.kind = query.kind;
  }
  if (query.status) where.push(`(${query.status.map((s) => STATUS_CONDITION[s]).join(' OR ')})`);
  if (query.level) where.push(`d.level IN (${query.level.map(Number).join(', ')})`);
  if (query.customerId !== undefined) {
    const match = /^cus-([1-9]\d{0,15})$/.exec(query.customerId);
    where.push('d.customer_id = @customerId');
    params.customerId = match ? Number(match[1]) : -1;
  }
  if (query.customerEmail) {
    where.push(
      `d.customer_id IN (SELECT e.customer_id FROM ledger_customer_emails e
        WHERE e.email_key IN (SELECT value FROM json_each(@emails)))`,
    );
    params.emails = JSON.stringify(query.customerEmail.map((e) => e.toLowerCase()));
  }
  if (query.overdueDays !== undefined) {
    // Overdue by at least N days (and by at least one: a document due today is not overdue yet).
    where.push("d.status = 'open' AND d.due_date <= @overdueSince");
    params.overdueSince = addDays(today, -Math.max(query.overdueDays, 1));
  }
  if (query.notSent !== undefined) {
    where.push(`${query.notSent ? 'NOT ' : ''}EXISTS (SELECT 1 FROM ledger_sent s3 WHERE s3.document_id = d.id)`);
  }
  if (query.q) {
    const search = textSearch(query.q);
    where.push(search.sql);
    Object.assign(params, search.params);
  }
  if (query.cursor) {
    const after = decodeCursor(query.cursor);
    where.push('(d.issue_date < @afterDate OR (d.issue_date = @afterDate AND d.id < @afterId))');
    params.afterDate = after.issueDate;
    params.afterId = after.id;
  }
  return { where: where.length > 0 ? `WHERE ${where.join(' AND ')}` : '', params };
}

/**
 * One page in the stable order (issue date, then id, newest first). The inner query picks the page's ids
 * from the index alone; only those rows then get their customer, e-mail and last-sent columns, so a search
 * with thousands of matches does not compute them thousands of times. CROSS JOIN pins the join order
 * (SQLite otherwise may walk all documents and probe the page).
 */
export function selectDocumentPage(db: Db, query: DocumentQuery, today: string, textSearch: TextSearch) {
  const { where, params } = buildFilter(query, today, textSearch);
  const sql = `SELECT ${DOCUMENT_COLUMNS}
    FROM (SELECT d.id FROM ledger_documents d ${where} ORDER BY d.issue_date DESC, d.id DESC LIMIT @take) AS page
    CROSS JOIN ledger_documents d ON d.id = page.id ${DOCUMENT_JOINS}
    ORDER BY d.issue_date DESC, d.id DESC`;
  const rows = db.prepare(sql).all({ ...params, take: query.limit + 1 }) as LedgerDocumentRow[];
  const items = rows.slice(0, query.limit);
  const last = items.at(-1);
  return {
    items: items.map((row) => toSummary(row, today)),
    nextCursor: rows.length > query.limit && last ? encodeCursor(last) : null,
  };
}

/**
 * The ledger counts a query's matches up to this many (twenty pages of 50) and beyond says "more than": a
 * count walks every match, and past a thousand a person narrows the search rather than pages on. On 100,000
 * invoices (`npm run bench documents`) the bounded count of a search takes 11 ms at p95, an unbounded one 29.
 */
export const LEDGER_COUNT_LIMIT = 1000;

export function countDocumentMatches(
  db: Db,
  query: DocumentCountQuery,
  today: string,
  textSearch: TextSearch,
): DocumentCount {
  const { where, params } = buildFilter(query, today, textSearch);
  const counted = db
    .prepare(`SELECT count(*) FROM (SELECT 1 FROM ledger_documents d ${where} LIMIT ${LEDGER_COUNT_LIMIT + 1})`)
    .pluck()
    .get(params) as number;
  return counted > LEDGER_COUNT_LIMIT ? { count: LEDGER_COUNT_LIMIT, exact: false } : { count: counted, exact: true };
}
