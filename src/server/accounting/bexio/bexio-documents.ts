import type { DocumentSummary } from '../../../contract/documents.schemas.js';
import type { DocumentCountQuery } from '../../../contract/documents-query.schemas.js';
import { addDays } from '../ledger/dates.js';
import type { SentRecords } from '../remote/sent-records.js';
import { mapLimited, REMINDER_CONCURRENCY, type BexioApi, type BexioCriterion } from './bexio-api.js';
import {
  bexioStatusesOf,
  emailsOf,
  invoiceSummary,
  parseCustomerId,
  reminderSummary,
  type BexioLookups,
} from './bexio-mapping.js';
import { BEXIO_OPEN_STATUSES, type BexioContact, type BexioInvoice } from './bexio.schemas.js';

/**
 * Gathers the documents a query may match, asking bexio to filter as much as its search allows (customers,
 * statuses, due dates, numbers and names), so that what comes back is small; the query's exact rules
 * (`matchesQuery`) then run on the summaries. bexio cannot filter on what LedgerMail sent, nor on reminders'
 * levels: those stay local.
 */
export type Candidates = {
  summaries: DocumentSummary[];
  /** Every address of each customer seen, for `customerEmail` and `q`. */
  emailsOf: (customerId: string) => readonly string[];
  /** bexio's invoices behind the summaries, by LedgerMail id (`inv-12`). */
  invoices: Map<string, BexioInvoice>;
};

const NONE: Candidates = { summaries: [], emailsOf: () => [], invoices: new Map() };

/** Contacts whose `mail` or `mail_second` is one of these addresses: two searches, however many addresses. */
export async function contactsByEmail(api: BexioApi, emails: readonly string[]): Promise<BexioContact[]> {
  const wanted = [...new Set(emails.map((e) => e.trim().toLowerCase()))];
  if (wanted.length === 0) return [];
  // bexio compares text under MySQL's case-insensitive collation; the check below holds LedgerMail's rule anyway.
  const [byMail, bySecond] = await Promise.all(
    (['mail', 'mail_second'] as const).map((field) => api.searchContacts([{ field, value: wanted, criteria: 'in' }])),
  );
  const found = new Map<number, BexioContact>();
  for (const contact of [...byMail!, ...bySecond!]) {
    if (emailsOf(contact).some((e) => wanted.includes(e.toLowerCase()))) found.set(contact.id, contact);
  }
  return [...found.values()].sort((a, b) => a.id - b.id);
}

/** bexio's conditions for the invoices a query can match. */
function invoiceCriteria(query: DocumentCountQuery, today: string, wantReminders: boolean): BexioCriterion[] {
  const criteria: BexioCriterion[] = [];
  const statuses = query.status ? bexioStatusesOf(query.status) : undefined;
  if (wantReminders) {
    // Reminders live on overdue invoices that still ask for money, whatever the status asked of the reminders.
    const ids = new Set([...(query.kind === 'reminder' ? [] : (statuses ?? [])), ...BEXIO_OPEN_STATUSES]);
    if (query.kind === 'reminder' || statuses)
      criteria.push({ field: 'kb_item_status_id', value: [...ids], criteria: 'in' });
    if (query.kind === 'reminder') criteria.push({ field: 'is_valid_to', value: today, criteria: '<' });
    return criteria;
  }
  if (query.overdueDays !== undefined) {
    // Overdue by at least N days and by at least one, as matchesQuery counts it.
    const since = addDays(today, -Math.max(query.overdueDays, 1));
    criteria.push({ field: 'kb_item_status_id', value: [...BEXIO_OPEN_STATUSES], criteria: 'in' });
    criteria.push({ field: 'is_valid_to', value: since, criteria: '<=' });
    return criteria;
  }
  if (statuses) criteria.push({ field: 'kb_item_status_id', value: statuses, criteria: 'in' });
  const onlyOpen = query.status?.every((s) => s === 'open');
  const onlyOverdue = query.status?.every((s) => s === 'overdue');
  if (onlyOpen) criteria.push({ field: 'is_valid_to', value: today, criteria: '>=' });
  if (onlyOverdue) criteria.push({ field: 'is_valid_to', value: today, criteria: '<' });
  return criteria;
}

export type GatherContext = { api: BexioApi; sentRecords: SentRecords; today: string };

export async function gatherCandidates(query: DocumentCountQuery, context: GatherContext): Promise<Candidates> {
  const { api, today } = context;
  const wantReminders = query.kind !== 'invoice';
  const criteria = invoiceCriteria(query, today, wantReminders);
  const known = new Map<number, BexioContact>();

  // Recipients first: the customers, then only their invoices.
  let scope: number[] | undefined;
  if (query.customerEmail) {
    const found = await contactsByEmail(api, query.customerEmail);
    found.forEach((c) => known.set(c.id, c));
    scope = found.map((c) => c.id);
  }
  if (query.customerId !== undefined) {
    const id = parseCustomerId(query.customerId);
    if (id === undefined) return NONE;
    scope = scope ? scope.filter((s) => s === id) : [id];
  }
  if (scope?.length === 0) return NONE;

  const [lookups, invoices] = await Promise.all([
    api.lookups(),
    scope
      ? api.listInvoices([...criteria, { field: 'contact_id', value: scope, criteria: 'in' }])
      : query.q
        ? invoicesByText(api, query.q, criteria, known)
        : api.listInvoices(criteria),
  ]);

  const contacts = await api.contactsById(
    invoices.flatMap((i) => (i.contact_id === null || known.has(i.contact_id) ? [] : [i.contact_id])),
  );
  known.forEach((c, id) => contacts.set(id, c));
  return summarise(invoices, contacts, lookups, context, wantReminders, query.kind !== 'reminder');
}

/**
 * A text search in bexio's terms: invoices whose number contains the text, and invoices of contacts whose name
 * or address contains it. bexio's `like` is a substring match; matchesQuery then applies LedgerMail's own rule.
 */
async function invoicesByText(api: BexioApi, q: string, criteria: BexioCriterion[], known: Map<number, BexioContact>) {
  const [byNumber, ...byContact] = await Promise.all([
    api.listInvoices([...criteria, { field: 'document_nr', value: q, criteria: 'like' }]),
    ...(['name_1', 'mail', 'mail_second'] as const).map((field) =>
      api.searchContacts([{ field, value: q, criteria: 'like' }]),
    ),
  ]);
  const contactIds = [...new Set(byContact.flat().map((c) => (known.set(c.id, c), c.id)))];
  const ofContacts =
    contactIds.length > 0
      ? await api.listInvoices([...criteria, { field: 'contact_id', value: contactIds, criteria: 'in' }])
      : [];
  const unique = new Map<number, BexioInvoice>();
  for (const invoice of [...byNumber!, ...ofContacts]) unique.set(invoice.id, invoice);
  return [...unique.values()];
}

async function summarise(
  invoices: BexioInvoice[],
  contacts: Map<number, BexioContact>,
  lookups: BexioLookups,
  context: GatherContext,
  wantReminders: boolean,
  wantInvoices: boolean,
): Promise<Candidates> {
  const byId = new Map<string, BexioInvoice>();
  const invoiceDocs: { doc: DocumentSummary; invoice: BexioInvoice }[] = [];
  for (const invoice of invoices) {
    const contact = invoice.contact_id === null ? undefined : contacts.get(invoice.contact_id);
    const doc = invoiceSummary(invoice, contact, lookups, context.today);
    if (!doc) continue;
    byId.set(doc.id, invoice);
    invoiceDocs.push({ doc, invoice });
  }
  const summaries: DocumentSummary[] = wantInvoices ? invoiceDocs.map((d) => d.doc) : [];
  if (wantReminders) {
    // bexio writes reminders for invoices past their deadline only: the others are not asked (one request each).
    const open = invoiceDocs.filter((d) => d.doc.status === 'overdue');
    const lists = await mapLimited(open, REMINDER_CONCURRENCY, (d) => context.api.remindersOf(d.invoice));
    open.forEach(({ doc, invoice }, index) => {
      for (const reminder of lists[index]!) summaries.push(reminderSummary(doc, invoice, reminder, context.today));
    });
  }
  const sent = context.sentRecords.lastSent(summaries.map((s) => s.id));
  const withSent = summaries.map((s) => ({ ...s, lastSent: sent.get(s.id) ?? null }));
  const emails = new Map([...contacts.values()].map((c) => [`con-${c.id}`, emailsOf(c)]));
  return { summaries: withSent, emailsOf: (id) => emails.get(id) ?? [], invoices: byId };
}
