import { z } from 'zod';
import type { Customer, DocumentSummary } from '../../../contract/documents.schemas.js';
import { AppError } from '../../../contract/errors.js';
import { renderDocumentPdf, type RenderPdf } from '../../pdf/document-pdf.js';
import { signatureOf, type Creditor } from '../../pdf/qr-bill-data.js';
import { documentFileName } from '../../pdf/wording.js';
import type { AccountingConnector } from '../connector.js';
import { decodeOffsetCursor, matchesQuery, pageOf } from '../remote/document-filter.js';
import type { SentRecords } from '../remote/sent-records.js';
import { createBizinfoClient, type WinbizLogin } from './bizinfo-client.js';
import { loadWinbizSnapshot, type WinbizSnapshot } from './winbiz-snapshot.js';
import {
  detailOf,
  invoiceSummary,
  parseWinbizId,
  reminderSummary,
  remindedInvoiceOf,
  withLastSent,
  type ReminderPolicy,
  type WinbizInvoice,
} from './winbiz-documents.js';
import { DEFAULT_EMAIL_FIELD } from './winbiz-customers.js';
import { listOf } from './winbiz.schemas.js';

export type WinbizConnectorOptions = WinbizLogin & {
  /** The Addresses property that holds the e-mail (`ad_…` fields are asked for by name); see winbiz.schemas.ts. */
  emailField?: string;
  /** The company that issues the documents: its (QR-)IBANs and address go on every QR-bill LedgerMail makes. */
  creditor: Creditor;
  reminderPolicy: ReminderPolicy;
  /** Days a derived reminder gives to pay, from today. */
  reminderTermDays?: number;
  sentRecords: SentRecords;
  today: () => string;
  timeoutMs?: number;
  budgetMs?: number;
  /** How long one snapshot of WinBIZ serves listings, details and PDFs; 0 asks WinBIZ every time. */
  cacheMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Where PDFs are drawn: the bridge's PDF threads (pdf-pool.ts); this thread unless given. */
  renderPdf?: RenderPdf;
};

export type WinbizConnector = AccountingConnector & {
  /** Proves the login, folder and year with one small call (the bridge's readiness check). */
  ping(): Promise<void>;
  /** Requests sent to WinBIZ so far. */
  readonly requests: number;
};

export const DEFAULT_REMINDER_TERM_DAYS = 10;
/** Long enough for a pane's search and its paging, short enough that a payment booked in WinBIZ shows soon. */
export const DEFAULT_CACHE_MS = 30_000;

/** DD.MM.YYYY, the date form of WinBIZ's parameters (help center, "Adresses"). */
const winbizDate = (iso: string) => `${iso.slice(8, 10)}.${iso.slice(5, 7)}.${iso.slice(0, 4)}`;

/**
 * WinBIZ Cloud as an accounting backend. WinBIZ has no search, no PDF, no reminders and no "sent" state, so
 * the connector reads the customers, the year's debtor invoices and the open items once per snapshot, applies
 * the documents query in memory, derives reminders from days overdue, renders statements and reminders with
 * the built-in PDF code, and keeps what was sent in the bridge's own records. See
 * docs/decisions/011-winbiz-connector.md.
 */
export function createWinbizConnector(options: WinbizConnectorOptions): WinbizConnector {
  const client = createBizinfoClient(options);
  const emailField = options.emailField ?? DEFAULT_EMAIL_FIELD;
  const termDays = options.reminderTermDays ?? DEFAULT_REMINDER_TERM_DAYS;
  const cacheMs = options.cacheMs ?? DEFAULT_CACHE_MS;
  const { creditor, sentRecords, today } = options;
  let cached: { at: number; snapshot: Promise<WinbizSnapshot> } | undefined;

  function snapshot(): Promise<WinbizSnapshot> {
    if (cached && Date.now() - cached.at < cacheMs) return cached.snapshot;
    const entry = { at: Date.now(), snapshot: loadWinbizSnapshot(client, emailField) };
    cached = entry;
    // A failed load is not kept: the next question asks WinBIZ again.
    entry.snapshot.catch(() => {
      if (cached === entry) cached = undefined;
    });
    return entry.snapshot;
  }

  type Found = { summary: DocumentSummary; invoice: WinbizInvoice; customer: Customer };

  function summariesOf(snap: WinbizSnapshot, day: string): Found[] {
    const terms = { today: day, policy: options.reminderPolicy, termDays };
    const found: Found[] = [];
    for (const invoice of snap.invoices.values()) {
      const customer = snap.customers.get(invoice.customerId);
      // An open item of an address the folder no longer lists cannot be addressed to anyone.
      if (!customer) continue;
      found.push({ summary: invoiceSummary(invoice, customer, day), invoice, customer });
      const reminder = reminderSummary(invoice, customer, terms);
      if (reminder) found.push({ summary: reminder, invoice, customer });
    }
    return found;
  }

  async function find(id: string): Promise<Found | undefined> {
    const parsed = parseWinbizId(id);
    if (!parsed) return undefined;
    const snap = await snapshot();
    const invoice = snap.invoices.get(parsed.documentId);
    const customer = invoice && snap.customers.get(invoice.customerId);
    if (!invoice || !customer) return undefined;
    const day = today();
    const summary =
      parsed.kind === 'invoice'
        ? invoiceSummary(invoice, customer, day)
        : reminderSummary(invoice, customer, { today: day, policy: options.reminderPolicy, termDays });
    // A reminder id names its level: once the invoice reached the next level, the old one is gone.
    if (!summary || summary.id !== id) return undefined;
    return { summary: withLastSent(summary, sentRecords.lastSent([id])), invoice, customer };
  }

  async function matching(query: Parameters<AccountingConnector['countDocuments']>[0]) {
    const snap = await snapshot();
    const day = today();
    const all = summariesOf(snap, day).map((f) => f.summary);
    const sent = sentRecords.lastSent(all.map((s) => s.id));
    const context = {
      today: day,
      wasSent: (id: string) => sent.has(id),
      emailsOf: (customerId: string) => snap.customers.get(customerId)?.emails ?? [],
    };
    return all.map((s) => withLastSent(s, sent)).filter((s) => matchesQuery(s, query, context));
  }

  return {
    async listDocuments(query) {
      // A cursor this bridge never handed out is the caller's mistake: refused before WinBIZ is asked.
      decodeOffsetCursor(query.cursor);
      return pageOf(await matching(query), query);
    },
    async countDocuments(query) {
      return { count: (await matching(query)).length, exact: true };
    },
    async getDocument(id) {
      const found = await find(id);
      return found && detailOf(found.summary, found.invoice, found.customer);
    },
    async getDocumentPdf(id) {
      const found = await find(id);
      if (!found) return undefined;
      const document = detailOf(found.summary, found.invoice, found.customer);
      const content = await (options.renderPdf ?? renderDocumentPdf)({
        document,
        ...(document.kind === 'reminder' ? { remindedInvoice: remindedInvoiceOf(found.invoice) } : {}),
        creditor,
        // WinBIZ gives no PDF: the document says plainly, above its payment part, that LedgerMail produced it.
        producedFrom: 'WinBIZ Cloud',
      });
      return { fileName: documentFileName(document.customer.language, document.kind, document.number), content };
    },
    async findCustomersByEmail(emails) {
      const wanted = new Set(emails.map((e) => e.toLowerCase()));
      const snap = await snapshot();
      return [...snap.customers.values()].filter((c) => c.emails.some((e) => wanted.has(e.toLowerCase())));
    },
    async recordSent(input) {
      const found = await Promise.all(input.documentIds.map(async (id) => ({ id, found: await find(id) })));
      const unknown = found.filter((f) => !f.found).map((f) => f.id);
      // All or nothing: a send that names an unknown document is recorded for none of them.
      if (unknown.length > 0) throw new AppError('not_found', `No such document: ${unknown.join(', ')}`);
      // WinBIZ's API offers no way to mark a document sent: only LedgerMail's own record knows.
      sentRecords.record(input);
    },
    async getCompany() {
      return { name: creditor.name, signature: signatureOf(creditor) };
    },
    async ping() {
      // Addresses changed since today: a small answer that still needs a valid login, folder and year.
      await client.call('Addresses', [winbizDate(today()), 0], listOf(z.object({ Id: z.number() })));
    },
    get requests() {
      return client.sent;
    },
  };
}
