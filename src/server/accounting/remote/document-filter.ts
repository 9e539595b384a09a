import { z } from 'zod';
import type { DocumentPage, DocumentStatus, DocumentSummary } from '../../../contract/documents.schemas.js';
import type { DocumentCountQuery, DocumentQuery } from '../../../contract/documents-query.schemas.js';
import { AppError } from '../../../contract/errors.js';
import { addDays } from '../ledger/dates.js';

/**
 * The documents query's rules for a backend that cannot apply them all itself (WinBIZ has no text search,
 * bexio no "sent through LedgerMail"): the same meaning as the built-in ledger's SQL (document-queries.ts),
 * applied to summaries. `open` means open and not yet due; `overdue`, open and past due today.
 */
export function effectiveStatusOf(stored: 'draft' | 'open' | 'paid' | 'cancelled', dueDate: string, today: string) {
  return stored === 'open' && dueDate < today ? ('overdue' satisfies DocumentStatus) : stored;
}

/** Lower case, accents dropped: `Müller` is found by `muller` and `MÜLLER`. */
const fold = (text: string) =>
  text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();

export type FilterContext = {
  today: string;
  /** Whether LedgerMail ever sent the document (the bridge's own record). */
  wasSent: (documentId: string) => boolean;
  /** The addresses of each customer, when the query names customers by e-mail. */
  emailsOf?: (customerId: string) => readonly string[];
};

export function matchesQuery(doc: DocumentSummary, query: DocumentCountQuery, context: FilterContext): boolean {
  if (query.kind && doc.kind !== query.kind) return false;
  if (query.status && !query.status.includes(doc.status)) return false;
  if (query.level && (doc.level === null || !query.level.includes(doc.level))) return false;
  if (query.customerId !== undefined && doc.customer.id !== query.customerId) return false;
  if (query.customerEmail) {
    const wanted = new Set(query.customerEmail.map((e) => e.toLowerCase()));
    const emails = context.emailsOf?.(doc.customer.id) ?? (doc.customer.email ? [doc.customer.email] : []);
    if (!emails.some((e) => wanted.has(e.toLowerCase()))) return false;
  }
  if (query.overdueDays !== undefined) {
    // Overdue by at least N days, and by at least one: a document due today is not overdue yet.
    const since = addDays(context.today, -Math.max(query.overdueDays, 1));
    if (!(doc.status === 'overdue' || doc.status === 'open') || doc.dueDate > since) return false;
  }
  if (query.notSent !== undefined && context.wasSent(doc.id) === query.notSent) return false;
  if (query.q) {
    // As the ledger's search box: a substring of the number, the customer's name or one of its addresses.
    const needle = fold(query.q);
    const emails = context.emailsOf?.(doc.customer.id) ?? (doc.customer.email ? [doc.customer.email] : []);
    if (![doc.number, doc.customer.name, ...emails].some((field) => fold(field).includes(needle))) return false;
  }
  return true;
}

/** The ledger's order: newest issue date first, then the id (numeric parts compared as numbers). */
export function newestFirst(a: DocumentSummary, b: DocumentSummary): number {
  if (a.issueDate !== b.issueDate) return a.issueDate < b.issueDate ? 1 : -1;
  return b.id.localeCompare(a.id, 'en', { numeric: true });
}

/** The 400 for a cursor the bridge never handed out, the same on every backend. */
export function cursorRefused(): AppError {
  const message = 'is not a cursor this bridge handed out; start again without it';
  return new AppError('bad_request', `Invalid request query: cursor: ${message}`, {
    details: [{ path: 'cursor', message }],
  });
}

const OffsetCursorSchema = z.object({ o: z.number().int().nonnegative() });

/** An opaque cursor over a position in a backend's list. */
function encodeOffsetCursor(offset: number): string {
  return Buffer.from(JSON.stringify({ o: offset })).toString('base64url');
}

export function decodeOffsetCursor(cursor: string | undefined): number {
  if (cursor === undefined) return 0;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    parsed = undefined;
  }
  const result = OffsetCursorSchema.safeParse(parsed);
  if (!result.success) throw cursorRefused();
  return result.data.o;
}

/** One page of an already filtered list, sorted newest first. */
export function pageOf(matches: DocumentSummary[], query: Pick<DocumentQuery, 'limit' | 'cursor'>): DocumentPage {
  const offset = decodeOffsetCursor(query.cursor);
  const sorted = [...matches].sort(newestFirst);
  const items = sorted.slice(offset, offset + query.limit);
  const next = offset + items.length;
  return { items, nextCursor: next < sorted.length ? encodeOffsetCursor(next) : null };
}
