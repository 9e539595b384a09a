import type { Company } from '../../../contract/batches.schemas.js';
import type { DocumentDetail, DocumentLine } from '../../../contract/documents.schemas.js';
import { AppError } from '../../../contract/errors.js';
import { signatureOf } from '../../pdf/qr-bill-data.js';
import { documentFileName } from '../../pdf/wording.js';
import type { AccountingConnector, DocumentPdf } from '../connector.js';
import { reminderLines } from '../document-lines.js';
import { matchesQuery, pageOf } from '../remote/document-filter.js';
import type { SentRecords } from '../remote/sent-records.js';
import { createBexioApi } from './bexio-api.js';
import { contactsByEmail, gatherCandidates } from './bexio-documents.js';
import {
  addressOf,
  invoiceSummary,
  linesOf,
  parseDocumentId,
  paymentReferenceOf,
  reminderSummary,
  splitStreetLine,
  toCustomer,
  type BexioDocumentId,
} from './bexio-mapping.js';
import type { BexioTokenSource } from './bexio-oauth.js';

export type BexioConnectorOptions = {
  /** `https://api.bexio.com`, or a stand-in's address. */
  apiUrl: string;
  tokens: BexioTokenSource;
  sentRecords: SentRecords;
  /** Today's date (YYYY-MM-DD) in Switzerland: decides what is overdue. */
  today: () => string;
  timeoutMs?: number;
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch, for the caches; tests move it. */
  now?: () => number;
};

export type BexioConnector = AccountingConnector & {
  /** A cheap authenticated call, for the bridge's readiness: rejects with the AppError bexio's answer gives. */
  ping(): Promise<void>;
  /** Requests sent to bexio so far, retries included. */
  readonly requests: number;
};

/**
 * bexio as LedgerMail's accounting backend (see docs/decisions/010-bexio-connector.md). Reads contacts,
 * invoices and reminders through bexio's 2.0 API, serves bexio's own PDFs byte for byte, and tells bexio what
 * LedgerMail sent (`mark_as_sent`) exactly once per document.
 */
export function createBexioConnector(options: BexioConnectorOptions): BexioConnector {
  const api = createBexioApi(options);
  const { sentRecords, today } = options;

  async function summaryPair(id: BexioDocumentId) {
    const invoice = await api.getInvoice(id.invoiceId);
    if (!invoice || invoice.contact_id === null) return undefined;
    const reminder = id.kind === 'reminder' ? await api.getReminder(id.invoiceId, id.reminderId) : undefined;
    if (id.kind === 'reminder' && !reminder) return undefined;
    const [lookups, contacts] = await Promise.all([api.lookups(), api.contactsById([invoice.contact_id])]);
    const contact = contacts.get(invoice.contact_id);
    const invoiceDoc = invoiceSummary(invoice, contact, lookups, today());
    if (!invoiceDoc || !contact) return undefined;
    const doc = reminder ? reminderSummary(invoiceDoc, invoice, reminder, today()) : invoiceDoc;
    return { doc, invoice, contact, lookups, reminder };
  }

  async function getDocument(id: string): Promise<DocumentDetail | undefined> {
    const parsed = parseDocumentId(id);
    const pair = parsed && (await summaryPair(parsed));
    if (!pair) return undefined;
    const { doc, invoice, contact, lookups } = pair;
    let lines: DocumentLine[];
    if (doc.kind === 'reminder') {
      lines = reminderLines(doc.customer.language, invoice.document_nr, doc.openAmount, doc.fee);
    } else {
      lines = linesOf(invoice.positions);
    }
    const lastSent = sentRecords.lastSent([doc.id]).get(doc.id) ?? null;
    return {
      ...doc,
      lastSent,
      lines,
      customerAddress: addressOf(contact, lookups),
      paymentReference: paymentReferenceOf(invoice),
    };
  }

  async function getDocumentPdf(id: string): Promise<DocumentPdf | undefined> {
    const parsed = parseDocumentId(id);
    const pair = parsed && (await summaryPair(parsed));
    if (!parsed || !pair) return undefined;
    const file = await api.getPdf(parsed.invoiceId, parsed.kind === 'reminder' ? parsed.reminderId : undefined);
    if (!file) return undefined;
    const content = Buffer.from(file.content, 'base64');
    // bexio's answer is parsed JSON; its content is checked too, since the outbox attaches it as the PDF.
    if (file.mime.toLowerCase() !== 'application/pdf' || content.subarray(0, 4).toString('latin1') !== '%PDF') {
      throw new AppError('malformed_response', 'bexio sent a file that is not a PDF; try again or open it in bexio.');
    }
    // LedgerMail's name, not bexio's (`zahlungserinnerung-re-00193.pdf`, lower-cased): the number as the document
    // prints it, in the customer's language, the same name the built-in ledger gives.
    return { fileName: documentFileName(pair.doc.customer.language, pair.doc.kind, pair.doc.number), content };
  }

  async function recordSent(input: Parameters<AccountingConnector['recordSent']>[0]): Promise<void> {
    const ids = input.documentIds.map((id) => ({ id, parsed: parseDocumentId(id) }));
    // All or nothing: bexio confirms every document before any of the send is recorded.
    const exists = await Promise.all(
      ids.map(async ({ parsed }) =>
        !parsed
          ? false
          : parsed.kind === 'invoice'
            ? (await api.getInvoice(parsed.invoiceId)) !== undefined
            : (await api.getReminder(parsed.invoiceId, parsed.reminderId)) !== undefined,
      ),
    );
    const unknown = ids.filter((_, index) => !exists[index]).map((d) => d.id);
    if (unknown.length > 0) throw new AppError('not_found', `No such document in bexio: ${unknown.join(', ')}`);
    sentRecords.record(input);
    // Then bexio is told, each document once: a retry after a failure here marks only what is left.
    for (const id of sentRecords.unmarked(input.sendId)) {
      const parsed = parseDocumentId(id)!;
      if (!sentRecords.isMarked(id)) {
        await api.markAsSent(parsed.invoiceId, parsed.kind === 'reminder' ? parsed.reminderId : undefined);
        api.forgetReminders(parsed.invoiceId);
      }
      sentRecords.markRemote(id, input.sendId, new Date().toISOString());
    }
  }

  async function getCompany(): Promise<Company> {
    const [profiles, lookups] = await Promise.all([api.companyProfile(), api.lookups()]);
    const profile = profiles[0];
    if (!profile) throw new AppError('malformed_response', 'bexio has no company profile; fill it in in bexio.');
    const address = {
      ...splitStreetLine(profile.address ?? ''),
      postalCode: profile.postcode ?? '',
      town: profile.city ?? '',
      country: lookups.countryOf(profile.country_id),
    };
    const signature = signatureOf({
      name: profile.name,
      address,
      email: profile.mail ?? '',
      ...(profile.phone_fixed ? { phone: profile.phone_fixed } : {}),
      // The signature prints neither; bexio's PDFs carry the company's accounts themselves.
      vatNumber: '',
      accounts: { CHF: '', EUR: '' },
    });
    return { name: profile.name, signature: signature.filter((line) => line.trim() !== '') };
  }

  return {
    async listDocuments(query) {
      const candidates = await gatherCandidates(query, { api, sentRecords, today: today() });
      const context = { today: today(), wasSent: sentRecords.wasSent, emailsOf: candidates.emailsOf };
      return pageOf(
        candidates.summaries.filter((doc) => matchesQuery(doc, query, context)),
        query,
      );
    },
    async countDocuments(query) {
      const candidates = await gatherCandidates(query, { api, sentRecords, today: today() });
      const context = { today: today(), wasSent: sentRecords.wasSent, emailsOf: candidates.emailsOf };
      return { count: candidates.summaries.filter((doc) => matchesQuery(doc, query, context)).length, exact: true };
    },
    getDocument,
    getDocumentPdf,
    async findCustomersByEmail(emails) {
      const [found, lookups] = await Promise.all([contactsByEmail(api, emails), api.lookups()]);
      return found.map((contact) => toCustomer(contact, lookups));
    },
    recordSent,
    getCompany,
    async ping() {
      await api.companyProfile();
    },
    get requests() {
      return api.sent;
    },
  };
}
