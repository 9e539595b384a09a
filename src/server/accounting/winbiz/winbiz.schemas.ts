import { z } from 'zod';

/**
 * The shapes of WinBIZ Cloud's answers (`POST /Bizinfo`), parsed with zod before anything else reads them.
 * Where each name comes from:
 * - Envelope `ErrorsCount`, `ErrorLast`, `ErrorsMsg`, `Value`: the public .NET client Bizy.OuinneBiseSharp
 *   (Models/Response.cs), which was tested against the live API.
 * - `Addresses` (parameters dDateSince, nDetailLevel, cAdditionalFields, cGroupFilter; class Id, Code, SimpleName,
 *   Operation, and with nDetailLevel 1 Company, CivilTitle, LastName, FirstName, Street1, Street2, ZipCode):
 *   WinBIZ's help center, article "Adresses".
 * - `AddressPendingPayments` (nAddressId, nFirstIntervalLimit, nSecondIntervalLimit; class DocumentType,
 *   DocumentId, DocumentNumber, DocumentDate, AddressId, Address, Local/Foreign Open/Paid/TotalAmount, DueDate,
 *   Delay) and `AddressesPendingPayments` (nDelayTo, nDelayFrom; AddressId, DocumentType, OpenDocuments,
 *   LocalOpenAmount): WinBIZ's help center; ForeignCurrency from OuinneBiseSharp (Models/AddressPayments.cs).
 * - `Documents` (nLastItemId, nDocumentType, dEndDate, dStartDate, nAddressId, cExternalReferences,
 *   cOpenAmount, nIsPaid; at most 100 a call, paged by the largest id received): WinBIZ's help center.
 *
 * ASSUMED, because no public page shows them (correct them here, nowhere else):
 * - the Addresses class past ZipCode: `City`, `Country` (ISO 3166 alpha-2), `Language`, and the e-mail field
 *   (configurable, `emailField`, default `Email`; one field that may list several addresses split by `;`/`,`);
 * - the Documents class: named like AddressPendingPayments' (`DocumentId`, `DocumentNumber`, `DocumentDate`,
 *   `DueDate`, `AddressId`, `LocalTotalAmount`, `ForeignTotalAmount`, `ForeignCurrency`) plus the flags
 *   `IsDraft` (not yet posted, so no open item) and `IsCancelled`;
 * - dates as `YYYY-MM-DD`, `YYYY-MM-DDThh:mm:ss` (.NET) or `DD.MM.YYYY` (the help center's parameters): all read.
 */
export const WINBIZ_DEBTOR_INVOICE = 20;
/** An open item carried over from the previous fiscal year: it has no Documents row in this year. */
export const WINBIZ_DEBTOR_STARTING_BALANCE = 17;
/** `Documents` answers at most this many rows; fewer means the list is complete. */
export const WINBIZ_DOCUMENTS_PAGE = 100;

export const BizinfoEnvelopeSchema = z.object({
  ErrorsCount: z.number().int().nullish(),
  ErrorLast: z.number().int().nullish(),
  ErrorsMsg: z.string().nullish(),
  Value: z.unknown(),
});
export type BizinfoEnvelope = z.infer<typeof BizinfoEnvelopeSchema>;

/** A WinBIZ date in any of the forms above, as an ISO calendar date. */
export const WinbizDateSchema = z.string().transform((value, context) => {
  const iso = /^(\d{4})-(\d{2})-(\d{2})(?:[T ].*)?$/.exec(value.trim());
  const swiss = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value.trim());
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  if (swiss) return `${swiss[3]}-${swiss[2]}-${swiss[1]}`;
  context.addIssue({ code: 'custom', message: `${JSON.stringify(value)} is not a date` });
  return z.NEVER;
});

/** Amounts come as JSON numbers; a numeric string (either decimal mark) is read too. Result in cents. */
export const WinbizCentsSchema = z
  .union([z.number(), z.string().regex(/^-?\d+([.,]\d+)?$/)])
  .transform((value) => Math.round(Number(String(value).replace(',', '.')) * 100));

const text = z
  .string()
  .nullish()
  .transform((v) => (v ?? '').trim());
const flag = z
  .union([z.boolean(), z.number(), z.string()])
  .nullish()
  .transform((v) => v === true || v === 1 || v === '1' || v === 'true');

export const WinbizAddressSchema = z
  .object({
    Id: z.number().int(),
    Code: z.union([z.string(), z.number()]).nullish(),
    SimpleName: text,
    Company: text,
    LastName: text,
    FirstName: text,
    Street1: text,
    ZipCode: z.union([z.string(), z.number()]).nullish(),
    City: text,
    Country: text,
    Language: text,
  })
  // The e-mail field's name is configuration, so every other property is kept for it.
  .catchall(z.unknown());
export type WinbizAddress = z.infer<typeof WinbizAddressSchema>;

export const WinbizOpenItemSchema = z.object({
  DocumentType: z.number().int(),
  DocumentId: z.number().int(),
  DocumentNumber: z.union([z.string(), z.number()]).transform(String),
  DocumentDate: WinbizDateSchema,
  AddressId: z.number().int(),
  LocalOpenAmount: WinbizCentsSchema,
  LocalTotalAmount: WinbizCentsSchema,
  ForeignOpenAmount: WinbizCentsSchema.nullish(),
  ForeignTotalAmount: WinbizCentsSchema.nullish(),
  ForeignCurrency: text,
  DueDate: WinbizDateSchema,
});
export type WinbizOpenItem = z.infer<typeof WinbizOpenItemSchema>;

export const WinbizAddressOpenCountSchema = z.object({
  AddressId: z.number().int(),
  DocumentType: z.number().int(),
  OpenDocuments: z.number().int(),
});

export const WinbizDocumentSchema = z.object({
  DocumentId: z.number().int(),
  DocumentType: z.number().int(),
  DocumentNumber: z.union([z.string(), z.number()]).transform(String),
  DocumentDate: WinbizDateSchema,
  DueDate: WinbizDateSchema.nullish(),
  AddressId: z.number().int(),
  LocalTotalAmount: WinbizCentsSchema,
  ForeignTotalAmount: WinbizCentsSchema.nullish(),
  ForeignCurrency: text,
  IsDraft: flag,
  IsCancelled: flag,
});
export type WinbizDocument = z.infer<typeof WinbizDocumentSchema>;

/** An answer that is a list; no public page says whether "nothing" is `[]` or `null`, so both are read. */
export const listOf = <T extends z.ZodType>(item: T) =>
  z
    .array(item)
    .nullable()
    .transform((rows) => rows ?? []);
