import { z } from 'zod/mini';
import { LanguageSchema } from './locale.js';
import { DeliveryModeSchema } from './modes.js';

/**
 * The documents API of the bridge (`/api/documents`, `/api/customers`). Every connector (built-in ledger,
 * bexio, WinBIZ Cloud) answers in these shapes. Amounts are in major units (francs, euros), rounded to
 * cents; dates are ISO calendar dates (YYYY-MM-DD); timestamps ISO 8601 with time zone.
 *
 * Written with zod/mini: the task pane parses these answers on its first screen, and zod's full API would be a
 * quarter of the JavaScript it loads (about 24 KB of gzip against about 6). The query strings the bridge parses
 * are in documents-query.schemas.ts, with zod's full API.
 */
export const DocumentKindSchema = z.enum(['invoice', 'reminder']);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DocumentStatusSchema = z.enum(['draft', 'open', 'overdue', 'paid', 'cancelled']);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

export const CurrencySchema = z.enum(['CHF', 'EUR']);
export type Currency = z.infer<typeof CurrencySchema>;

export const ReminderLevelSchema = z.union([z.literal(1), z.literal(2), z.literal(3)]);
export type ReminderLevel = z.infer<typeof ReminderLevelSchema>;

/**
 * A calendar date, YYYY-MM-DD. Deliberately not `z.iso.date()`: webpack's production build resolves that
 * namespace member to `z.date()` (a Date-object schema), so the add-in would refuse every document.
 */
export const IsoDateSchema = z
  .string()
  .check(z.regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a calendar date like 2026-03-15'));

/** Structured address as Swiss QR-bill 2.3 requires (no combined address lines). */
export const AddressSchema = z.object({
  street: z.string(),
  buildingNumber: z.string(),
  postalCode: z.string(),
  town: z.string(),
  country: z.string().check(z.length(2)),
});
export type Address = z.infer<typeof AddressSchema>;

export const CustomerRefSchema = z.object({
  /** The API's id of the customer (`cus-10`): for links and queries, never shown or printed. */
  id: z.string(),
  /**
   * The customer number of the accounting (`10010`, `K-10010`): what documents print and people quote.
   * Optional because a backend may keep customers without one; a document then prints none.
   */
  number: z.optional(z.string().check(z.minLength(1))),
  name: z.string(),
  /** The customer's primary e-mail address; null when the accounting knows none. */
  email: z.nullable(z.string()),
  language: LanguageSchema,
});
export type CustomerRef = z.infer<typeof CustomerRefSchema>;

export const CustomerSchema = z.extend(CustomerRefSchema, {
  emails: z.array(z.string()),
  address: AddressSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const SentInfoSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  mode: DeliveryModeSchema,
  sendId: z.nullable(z.string()),
});
export type SentInfo = z.infer<typeof SentInfoSchema>;

export const DocumentSummarySchema = z.object({
  id: z.string(),
  kind: DocumentKindSchema,
  number: z.string(),
  customer: CustomerRefSchema,
  issueDate: IsoDateSchema,
  dueDate: IsoDateSchema,
  currency: CurrencySchema,
  total: z.number(),
  openAmount: z.number(),
  status: DocumentStatusSchema,
  /** Reminders only: the invoice reminded of, the level (1–3) and the fee added to the open amount. */
  invoiceId: z.nullable(z.string()),
  level: z.nullable(ReminderLevelSchema),
  fee: z.nullable(z.number()),
  /** The last time this document was sent through LedgerMail, if ever. */
  lastSent: z.nullable(SentInfoSchema),
});
export type DocumentSummary = z.infer<typeof DocumentSummarySchema>;

export const DocumentLineSchema = z.object({
  description: z.string(),
  quantity: z.number(),
  unitPrice: z.number(),
  vatRate: z.number(),
  amount: z.number(),
});
export type DocumentLine = z.infer<typeof DocumentLineSchema>;

export const DocumentDetailSchema = z.extend(DocumentSummarySchema, {
  lines: z.array(DocumentLineSchema),
  customerAddress: AddressSchema,
  /**
   * QR reference (27 digits) or Creditor Reference (RF…) printed on the payment part; null where the accounting
   * prints its own QR-bill and does not say which reference it carries (bexio).
   */
  paymentReference: z.nullable(z.string()),
});
export type DocumentDetail = z.infer<typeof DocumentDetailSchema>;

/**
 * Where the documents come from, so the pane can name it: the accounting backend the bridge reads, and who
 * renders the PDFs (the backend's own, or LedgerMail from the backend's open items, as for WinBIZ).
 */
export const AccountingSourceSchema = z.object({
  backend: z.enum(['ledger', 'bexio', 'winbiz']),
  pdfs: z.enum(['backend', 'ledgermail']),
});
export type AccountingSource = z.infer<typeof AccountingSourceSchema>;

export const DocumentPageSchema = z.object({
  items: z.array(DocumentSummarySchema),
  nextCursor: z.nullable(z.string()),
  /** Added by the bridge's route, not by a connector. */
  source: z.optional(AccountingSourceSchema),
});
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

/**
 * How many documents a query matches over all its pages (`GET /api/documents/count`). A backend may stop
 * counting at a bound (the built-in ledger at 1,000): `exact: false` then reads "more than `count`".
 */
export const DocumentCountSchema = z.object({ count: z.int().check(z.nonnegative()), exact: z.boolean() });
export type DocumentCount = z.infer<typeof DocumentCountSchema>;

export const CustomerListSchema = z.object({ items: z.array(CustomerSchema) });
export type CustomerList = z.infer<typeof CustomerListSchema>;

/** The most documents one page may hold (`limit` of `GET /api/documents`; documents-query.schemas.ts). */
export const MAX_PAGE_SIZE = 200;
