import { z } from 'zod';
import { LanguageSchema } from './locale.js';
import { DeliveryModeSchema } from './modes.js';

/**
 * The documents API of the bridge (`/api/documents`, `/api/customers`). Every connector (built-in ledger,
 * bexio, WinBIZ Cloud) answers in these shapes. Amounts are in major units (francs, euros), rounded to
 * cents; dates are ISO calendar dates (YYYY-MM-DD); timestamps ISO 8601 with time zone.
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
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'must be a calendar date like 2026-03-15');

/** Structured address as Swiss QR-bill 2.3 requires (no combined address lines). */
export const AddressSchema = z.object({
  street: z.string(),
  buildingNumber: z.string(),
  postalCode: z.string(),
  town: z.string(),
  country: z.string().length(2),
});
export type Address = z.infer<typeof AddressSchema>;

export const CustomerRefSchema = z.object({
  /** The API's id of the customer (`cus-10`): for links and queries, never shown or printed. */
  id: z.string(),
  /**
   * The customer number of the accounting (`10010`, `K-10010`): what documents print and people quote.
   * Optional because a backend may keep customers without one; a document then prints none.
   */
  number: z.string().min(1).optional(),
  name: z.string(),
  /** The customer's primary e-mail address; null when the accounting knows none. */
  email: z.string().nullable(),
  language: LanguageSchema,
});
export type CustomerRef = z.infer<typeof CustomerRefSchema>;

export const CustomerSchema = CustomerRefSchema.extend({
  emails: z.array(z.string()),
  address: AddressSchema,
});
export type Customer = z.infer<typeof CustomerSchema>;

export const SentInfoSchema = z.object({
  at: z.iso.datetime({ offset: true }),
  mode: DeliveryModeSchema,
  sendId: z.string().nullable(),
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
  invoiceId: z.string().nullable(),
  level: ReminderLevelSchema.nullable(),
  fee: z.number().nullable(),
  /** The last time this document was sent through LedgerMail, if ever. */
  lastSent: SentInfoSchema.nullable(),
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

export const DocumentDetailSchema = DocumentSummarySchema.extend({
  lines: z.array(DocumentLineSchema),
  customerAddress: AddressSchema,
  /**
   * QR reference (27 digits) or Creditor Reference (RF…) printed on the payment part; null where the accounting
   * prints its own QR-bill and does not say which reference it carries (bexio).
   */
  paymentReference: z.string().nullable(),
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
  nextCursor: z.string().nullable(),
  /** Added by the bridge's route, not by a connector. */
  source: AccountingSourceSchema.optional(),
});
export type DocumentPage = z.infer<typeof DocumentPageSchema>;

/**
 * How many documents a query matches over all its pages (`GET /api/documents/count`). A backend may stop
 * counting at a bound (the built-in ledger at 1,000): `exact: false` then reads "more than `count`".
 */
export const DocumentCountSchema = z.object({ count: z.number().int().nonnegative(), exact: z.boolean() });
export type DocumentCount = z.infer<typeof DocumentCountSchema>;

export const CustomerListSchema = z.object({ items: z.array(CustomerSchema) });
export type CustomerList = z.infer<typeof CustomerListSchema>;

/** Names the parameters a query string may not carry; other issues keep their own message. */
function unknownParameters(issue: { code?: string; keys?: string[] }) {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  return `unknown parameter ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
}

/** Comma-separated list in a query string, trimmed, empty parts dropped. */
const commaList = <T extends z.ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

export const MAX_PAGE_SIZE = 200;

// Readable messages for the parameters whose zod defaults say little ("Invalid input", "received NaN").
const PAGE_SIZE_MESSAGE = `must be a whole number from 1 to ${MAX_PAGE_SIZE}`;
const emailItem = () => z.email({ error: (issue) => `${JSON.stringify(issue.input)} is not an e-mail address` });
const levelItem = z
  .string()
  .transform(Number)
  .pipe(z.union([z.literal(1), z.literal(2), z.literal(3)], { error: 'must be 1, 2 or 3' }));

/** Query string of `GET /api/documents`. Everything arrives as text; numbers are coerced and bounded. */
export const DocumentQuerySchema = z.strictObject(
  {
    kind: DocumentKindSchema.optional(),
    q: z.string().trim().max(200).optional(),
    status: commaList(DocumentStatusSchema).optional(),
    customerEmail: commaList(emailItem()).optional(),
    customerId: z.string().max(100).optional(),
    level: commaList(levelItem).optional(),
    overdueDays: z.coerce.number().int().min(0).max(3650).optional(),
    notSent: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: z.coerce
      .number({ error: PAGE_SIZE_MESSAGE })
      .int({ error: PAGE_SIZE_MESSAGE })
      .min(1, { error: PAGE_SIZE_MESSAGE })
      .max(MAX_PAGE_SIZE, { error: PAGE_SIZE_MESSAGE })
      .default(50),
    cursor: z.string().max(500).optional(),
  },
  { error: unknownParameters },
);
export type DocumentQueryInput = z.input<typeof DocumentQuerySchema>;
export type DocumentQuery = z.output<typeof DocumentQuerySchema>;

/** Query string of `GET /api/documents/count`: the filters of a documents query, without its paging. */
export const DocumentCountQuerySchema = DocumentQuerySchema.omit({ limit: true, cursor: true });
export type DocumentCountQueryInput = z.input<typeof DocumentCountQuerySchema>;
export type DocumentCountQuery = z.output<typeof DocumentCountQuerySchema>;

export const CustomerQuerySchema = z.strictObject({ email: commaList(emailItem()) }, { error: unknownParameters });
export type CustomerQuery = z.output<typeof CustomerQuerySchema>;
