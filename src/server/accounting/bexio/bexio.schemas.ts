import { z } from 'zod';
import { IsoDateSchema } from '../../../contract/documents.schemas.js';

/**
 * bexio's answers, as its API documentation (docs.bexio.com) and recorded answers of bexio's API describe them
 * (the fixtures of codebar-ag/laravel-bexio are real answers, headers included). Lenient on fields LedgerMail
 * does not read (loose objects), strict on those it does: a changed type there is `malformed_response`, not a
 * wrong amount in a customer's reminder.
 */

/**
 * bexio's 2.0 API sends decimals as strings with up to six places: `"total":"814.300000"`,
 * `"total_remaining_payments":"814.3000"` (recorded answer of GET /2.0/kb_invoice/{id}).
 */
export const BexioDecimalSchema = z
  .string()
  .regex(/^-?\d+(\.\d+)?$/, 'must be a decimal like "814.300000"')
  .transform(Number);

/** Text bexio may send as a number (postcodes of older records) or leave empty. */
const looseText = z
  .union([z.string(), z.number()])
  .nullish()
  .transform((v) => (v === null || v === undefined ? null : String(v)));

/**
 * A contact (GET/POST /2.0/contact…). `address` is the legacy one-line street and number, read-only since
 * bexio split it into `street_name`, `house_number` and `address_addition`; older answers carry only `address`.
 * `contact_type_id` 1 is a company (`name_1` its name, `name_2` an addition), 2 a person (`name_1` the last
 * name, `name_2` the first).
 */
export const BexioContactSchema = z.looseObject({
  id: z.number().int(),
  nr: looseText,
  contact_type_id: z.number().int(),
  name_1: z.string(),
  name_2: z.string().nullish(),
  address: z.string().nullish(),
  street_name: z.string().nullish(),
  house_number: looseText,
  postcode: looseText,
  city: z.string().nullish(),
  country_id: z.number().int().nullish(),
  mail: z.string().nullish(),
  mail_second: z.string().nullish(),
  language_id: z.number().int().nullish(),
});
export type BexioContact = z.infer<typeof BexioContactSchema>;
export const BexioContactListSchema = z.array(BexioContactSchema);

/**
 * `kb_item_status_id` of an invoice (docs.bexio.com, Invoices): 7 draft, 8 pending, 9 paid, 16 partial,
 * 19 cancelled, 31 unpaid.
 */
export const BEXIO_INVOICE_STATUS = { draft: 7, pending: 8, paid: 9, partial: 16, cancelled: 19, unpaid: 31 } as const;
/** The statuses of an invoice that still asks for money. */
export const BEXIO_OPEN_STATUSES = [
  BEXIO_INVOICE_STATUS.pending,
  BEXIO_INVOICE_STATUS.partial,
  BEXIO_INVOICE_STATUS.unpaid,
];

/** An invoice as lists and searches answer it (GET /2.0/kb_invoice, POST /2.0/kb_invoice/search). */
export const BexioInvoiceSchema = z.looseObject({
  id: z.number().int(),
  document_nr: z.string(),
  title: z.string().nullish(),
  contact_id: z.number().int().nullable(),
  currency_id: z.number().int(),
  total: BexioDecimalSchema,
  total_remaining_payments: BexioDecimalSchema,
  /** The invoice date. */
  is_valid_from: IsoDateSchema,
  /** The payment deadline. */
  is_valid_to: IsoDateSchema,
  kb_item_status_id: z.number().int(),
  /** Free text "Referenz" of the invoice; some companies keep the payment reference there. */
  reference: z.string().nullish(),
  /** `2024-10-27 14:00:10`: changes when bexio changes the invoice (a payment, a reminder, an edit). */
  updated_at: z.string().nullish(),
});
export type BexioInvoice = z.infer<typeof BexioInvoiceSchema>;
export const BexioInvoiceListSchema = z.array(BexioInvoiceSchema);

/**
 * One position of an invoice (GET /2.0/kb_invoice/{id} only). Custom and article positions carry a quantity
 * (`amount`), a net `unit_price`, the VAT rate (`tax_value`) and the net `position_total`; subtotals, texts and
 * page breaks carry none of them.
 */
export const BexioPositionSchema = z.looseObject({
  type: z.string(),
  text: z.string().nullish(),
  amount: BexioDecimalSchema.nullish(),
  unit_price: BexioDecimalSchema.nullish(),
  tax_value: BexioDecimalSchema.nullish(),
  position_total: BexioDecimalSchema.nullish(),
});
export type BexioPosition = z.infer<typeof BexioPositionSchema>;

export const BexioInvoiceDetailSchema = BexioInvoiceSchema.extend({
  positions: z.array(BexioPositionSchema).default([]),
});
export type BexioInvoiceDetail = z.infer<typeof BexioInvoiceDetailSchema>;

/**
 * A reminder of an invoice (GET /2.0/kb_invoice/{id}/kb_reminder). bexio's answer has no fee field: it has
 * `remaining_price`, what the reminder asks for, and `received_total`, what had been paid when it was written
 * (recorded answer: `"remaining_price":"100.000000","received_total":"0.000000"`). See bexio-mapping.ts.
 */
export const BexioReminderSchema = z.looseObject({
  id: z.number().int(),
  kb_invoice_id: z.number().int(),
  title: z.string().nullish(),
  is_valid_from: IsoDateSchema,
  is_valid_to: IsoDateSchema,
  reminder_level: z.number().int(),
  remaining_price: BexioDecimalSchema,
  received_total: BexioDecimalSchema,
  is_sent: z.boolean(),
});
export type BexioReminder = z.infer<typeof BexioReminderSchema>;
export const BexioReminderListSchema = z.array(BexioReminderSchema);

/** GET /3.0/currencies: `name` is the ISO 4217 code. */
export const BexioCurrencyListSchema = z.array(z.looseObject({ id: z.number().int(), name: z.string() }));

/** GET /2.0/language: `iso_639_1` is the language's code. */
export const BexioLanguageListSchema = z.array(z.looseObject({ id: z.number().int(), iso_639_1: z.string() }));

/** GET /2.0/country: `iso3166_alpha2` is the country's code. */
export const BexioCountryListSchema = z.array(z.looseObject({ id: z.number().int(), iso3166_alpha2: z.string() }));

/**
 * GET /2.0/company_profile answers a list. `address` holds street and number; `address_nr` is, despite bexio's
 * description, not the house number (nolen-ai/bexio-mcp notes the same), so LedgerMail never reads it.
 */
export const BexioCompanyProfileListSchema = z.array(
  z.looseObject({
    id: z.number().int(),
    name: z.string(),
    address: z.string().nullish(),
    postcode: looseText,
    city: z.string().nullish(),
    country_id: z.number().int().nullish(),
    mail: z.string().nullish(),
    phone_fixed: z.string().nullish(),
  }),
);

/** The PDF endpoints answer the file as JSON: name, size, MIME type and the bytes in base64. */
export const BexioFileSchema = z.looseObject({
  name: z.string(),
  size: z.number().int().nonnegative(),
  mime: z.string(),
  content: z.string(),
});

/** `{ "success": true }` of the action endpoints (mark_as_sent, issue, cancel). */
export const BexioSuccessSchema = z.looseObject({ success: z.literal(true) });

/** bexio's error body, `{ "error_code": 403, "message": "…" }`. */
export const BexioErrorSchema = z.looseObject({ error_code: z.number().optional(), message: z.string().optional() });
