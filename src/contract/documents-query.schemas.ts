import { z } from 'zod';
import { DocumentKindSchema, DocumentStatusSchema, MAX_PAGE_SIZE } from './documents.schemas.js';

/**
 * The query strings of the documents API (`GET /api/documents`, `/api/documents/count`, `/api/customers`), as
 * the bridge parses them. The add-in builds them from its own types and never loads this file.
 */

/** Names the parameters a query string may not carry; other issues keep their own message. */
function unknownParameters(issue: { code?: string; keys?: string[] }) {
  if (issue.code !== 'unrecognized_keys' || !issue.keys) return undefined;
  return `unknown parameter ${issue.keys.map((key) => JSON.stringify(key)).join(', ')}`;
}

/** Comma-separated list in a query string, trimmed, empty parts dropped. */
const commaList = <T extends z.core.$ZodType<unknown, string>>(item: T) =>
  z
    .string()
    .transform((value) =>
      value
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(item).min(1));

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
    kind: z.optional(DocumentKindSchema),
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
