import { z } from 'zod';
import { LanguageSchema } from './locale.js';
import { SecureModeSchema } from './modes.js';

/**
 * The batch API of the bridge (`/api/batches`): the reminder run done from Outlook. One message per
 * reminder, each with its own PDF, rendered from a template in the customer's language and sent as an
 * individual send through the outbox.
 */

/** The values a template may name, e.g. `Mahnung {number}`. */
export const PLACEHOLDERS = [
  'customerName',
  'number',
  'invoiceNumber',
  'amount',
  'openAmount',
  'fee',
  'currency',
  'dueDate',
  'issueDate',
  'level',
] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];

const PLACEHOLDER_PATTERN = /\{([A-Za-z]+)\}/g;

/** Names in `{…}` that are not placeholders: a typo would otherwise reach every customer verbatim. */
export function unknownPlaceholders(text: string): string[] {
  const known = new Set<string>(PLACEHOLDERS);
  return [...text.matchAll(PLACEHOLDER_PATTERN)].map((m) => m[1]!).filter((name) => !known.has(name));
}

const knownPlaceholders = (text: string) => unknownPlaceholders(text).length === 0;
const placeholderMessage = (text: string) =>
  `unknown placeholder ${unknownPlaceholders(text)
    .map((name) => `{${name}}`)
    .join(', ')}; use ${PLACEHOLDERS.map((name) => `{${name}}`).join(' ')}`;

/** Longest template texts, in UTF-16 units as zod counts them; the bridge's body limit is derived from them. */
export const MAX_TEMPLATE_SUBJECT_LENGTH = 200;
export const MAX_TEMPLATE_HTML_LENGTH = 100_000;

export const MessageTemplateSchema = z.object({
  subject: z
    .string()
    .min(1)
    .max(MAX_TEMPLATE_SUBJECT_LENGTH)
    .refine((value) => !/[\r\n]/.test(value), 'must not contain line breaks')
    .refine(knownPlaceholders, { error: (issue) => placeholderMessage(String(issue.input)) }),
  html: z
    .string()
    .max(MAX_TEMPLATE_HTML_LENGTH)
    .refine(knownPlaceholders, { error: (issue) => placeholderMessage(String(issue.input)) }),
});
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

/** One template per language; only the languages of the selected customers are required. */
export const TemplatesSchema = z.strictObject({
  de: MessageTemplateSchema.optional(),
  fr: MessageTemplateSchema.optional(),
  it: MessageTemplateSchema.optional(),
  en: MessageTemplateSchema.optional(),
});
export type Templates = z.infer<typeof TemplatesSchema>;

/** Final reminders go registered (provable), earlier ones confidential. */
export const DEFAULT_MODE_BY_LEVEL = { '1': 'confidential', '2': 'confidential', '3': 'registered' } as const;

export const ModeByLevelSchema = z.strictObject({
  '1': SecureModeSchema.default(DEFAULT_MODE_BY_LEVEL['1']),
  '2': SecureModeSchema.default(DEFAULT_MODE_BY_LEVEL['2']),
  '3': SecureModeSchema.default(DEFAULT_MODE_BY_LEVEL['3']),
});
export type ModeByLevel = z.infer<typeof ModeByLevelSchema>;

export const MAX_BATCH_SIZE = 1000;

/** Body of `POST /api/batches` and `POST /api/batches/preview`. */
export const BatchRequestSchema = z.strictObject({
  documentIds: z
    .array(z.string().min(1).max(100))
    .min(1)
    .max(MAX_BATCH_SIZE)
    .refine((ids) => new Set(ids).size === ids.length, 'must not name a document twice'),
  modeByLevel: ModeByLevelSchema.default(DEFAULT_MODE_BY_LEVEL),
  templates: TemplatesSchema,
});
export type BatchRequestInput = z.input<typeof BatchRequestSchema>;
export type BatchRequest = z.output<typeof BatchRequestSchema>;

/** A reminder as the batch names it: enough to show it in a list. */
export const BatchReminderSchema = z.object({
  documentId: z.string(),
  number: z.string(),
  customerId: z.string(),
  customerName: z.string(),
  language: LanguageSchema,
  level: z.number().int().min(1).max(3),
});
export type BatchReminder = z.infer<typeof BatchReminderSchema>;

export const PreviewMessageSchema = BatchReminderSchema.extend({
  recipient: z.string(),
  mode: SecureModeSchema,
  subject: z.string(),
  html: z.string(),
  attachment: z.object({ fileName: z.string(), sizeBytes: z.number().int() }),
});
export type PreviewMessage = z.infer<typeof PreviewMessageSchema>;

const ModeCountsSchema = z.object({
  registered: z.number().int(),
  confidential: z.number().int(),
  personal: z.number().int(),
});

/** Answer of `POST /api/batches/preview`: what would go out, without sending anything. */
export const BatchPreviewSchema = z.object({
  messages: z.array(PreviewMessageSchema),
  /** Reminders whose customer has no usable e-mail address: not sent, listed so nobody is forgotten. */
  withoutEmail: z.array(BatchReminderSchema),
  summary: z.object({
    messages: z.number().int(),
    recipients: z.number().int(),
    totalBytes: z.number().int(),
    byMode: ModeCountsSchema,
  }),
});
export type BatchPreview = z.infer<typeof BatchPreviewSchema>;

/** queued (waiting for its turn or a retry) → sending → accepted | failed | uncertain, as in the outbox. */
export const BatchItemStatusSchema = z.enum(['queued', 'sending', 'accepted', 'failed', 'uncertain']);
export type BatchItemStatus = z.infer<typeof BatchItemStatusSchema>;

export const BatchItemSchema = BatchReminderSchema.extend({
  recipient: z.string(),
  mode: SecureModeSchema,
  status: BatchItemStatusSchema,
  /** The outbox send of the latest attempt; null until the item got its turn. */
  sendId: z.string().nullable(),
  smtpResponse: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** How often "retry failed" re-queued this item. */
  retries: z.number().int(),
  fileName: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
});
export type BatchItem = z.infer<typeof BatchItemSchema>;

export const BatchCountsSchema = z.object({
  total: z.number().int(),
  queued: z.number().int(),
  sending: z.number().int(),
  accepted: z.number().int(),
  failed: z.number().int(),
  uncertain: z.number().int(),
});
export type BatchCounts = z.infer<typeof BatchCountsSchema>;

export const BatchSummarySchema = z.object({
  id: z.string(),
  /** `done` once every item is accepted, failed or uncertain. */
  status: z.enum(['running', 'done']),
  from: z.string(),
  createdAt: z.iso.datetime({ offset: true }),
  counts: BatchCountsSchema,
});
export type BatchSummary = z.infer<typeof BatchSummarySchema>;

export const BatchSchema = BatchSummarySchema.extend({
  items: z.array(BatchItemSchema),
  withoutEmail: z.array(BatchReminderSchema),
});
export type Batch = z.infer<typeof BatchSchema>;

export const BatchListSchema = z.object({ items: z.array(BatchSummarySchema) });
export type BatchList = z.infer<typeof BatchListSchema>;

export const BatchListQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(50).default(10),
});

export const BatchParamsSchema = z.object({ id: z.string().min(1).max(100) });
