import type { Company } from '../../contract/batches.schemas.js';
import type { Customer, DocumentCount, DocumentDetail, DocumentPage } from '../../contract/documents.schemas.js';
import type { DocumentCountQuery, DocumentQuery } from '../../contract/documents-query.schemas.js';
import type { DeliveryMode } from '../../contract/modes.js';

/** A document's PDF as the accounting backend renders it, with the file name in the customer's language. */
export type DocumentPdf = { fileName: string; content: Buffer };

/** What the outbox reports after IncaMail (or the user's mailbox) accepted a message carrying these documents. */
export type SentRecord = {
  documentIds: string[];
  mode: DeliveryMode;
  /** ISO 8601 timestamp with time zone. */
  sentAt: string;
  /** Who sent it, e.g. the sender's e-mail address. */
  sentBy: string;
  /** The outbox's id of the send, so a document links back to its receipts. */
  sendId: string;
};

/**
 * The one interface every accounting backend (built-in ledger, bexio, WinBIZ Cloud) implements. The routes
 * know only this type, so a new backend needs no change to them. Unknown ids resolve to `undefined` (the
 * route turns that into a 404); failures of a remote backend reject with an AppError.
 */
export type AccountingConnector = {
  /** Filters, searches and pages documents; `query.cursor` is the `nextCursor` of the previous page. */
  listDocuments(query: DocumentQuery): Promise<DocumentPage>;
  /** How many documents the query's filters match over all pages; a backend may count up to a bound. */
  countDocuments(query: DocumentCountQuery): Promise<DocumentCount>;
  getDocument(id: string): Promise<DocumentDetail | undefined>;
  getDocumentPdf(id: string): Promise<DocumentPdf | undefined>;
  /** Customers with any of these addresses, matched case-insensitively. */
  findCustomersByEmail(emails: string[]): Promise<Customer[]>;
  /** Remembers that the documents went out, so lists can show `lastSent` and filter on `notSent`. */
  recordSent(input: SentRecord): Promise<void>;
  /** The company that issues the documents, as its messages sign: from the accounting's company settings. */
  getCompany(): Promise<Company>;
};
