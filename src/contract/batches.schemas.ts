import { z } from 'zod';
import { IsoDateSchema } from './documents.schemas.js';
import { LanguageSchema, type Language } from './locale.js';
import { SECURE_MODES, SecureModeSchema } from './modes.js';

/**
 * The batch API of the bridge (`/api/batches`): the reminder run done from Outlook. One message per customer
 * with all their reminders, or one per reminder, each rendered from the template of the customer's language
 * and the reminder's level and sent as an individual send through the outbox.
 */

/**
 * The values a template may name, e.g. `{title} {number}`. Each says what it is: `{amountDue}` is what the
 * attached QR-bill asks (open amount plus fee), `{payBy}` the reminder's own new deadline. A message for
 * several reminders of one customer adds their amounts (`{amountDue}`, `{openAmount}`, `{fee}`), names the
 * earliest deadline (`{payBy}`) and lists every reminder in `{documentList}`.
 */
export const PLACEHOLDERS = [
  'customerName',
  'title',
  'number',
  'level',
  'invoiceNumber',
  'invoiceDate',
  'invoiceDueDate',
  'invoiceTotal',
  'openAmount',
  'fee',
  'amountDue',
  'payBy',
  'currency',
  'documentList',
  'companyName',
  'signature',
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
export const MAX_TEMPLATE_BODY_LENGTH = 20_000;

/**
 * A message template in plain text: the subject, and a body whose blank lines separate paragraphs. The
 * bridge writes the HTML and the plain-text part from it, so nobody edits markup and no template can carry
 * a script or a broken tag to a customer.
 */
export const MessageTemplateSchema = z.strictObject({
  subject: z
    .string()
    .trim()
    .min(1)
    .max(MAX_TEMPLATE_SUBJECT_LENGTH)
    .refine((value) => !/[\r\n]/.test(value), 'must not contain line breaks')
    .refine(knownPlaceholders, { error: (issue) => placeholderMessage(String(issue.input)) }),
  body: z
    .string()
    .max(MAX_TEMPLATE_BODY_LENGTH)
    .refine((value) => value.trim() !== '', 'must not be empty')
    .refine(knownPlaceholders, { error: (issue) => placeholderMessage(String(issue.input)) }),
});
export type MessageTemplate = z.infer<typeof MessageTemplateSchema>;

export const LEVEL_KEYS = ['1', '2', '3'] as const;
export type LevelKey = (typeof LEVEL_KEYS)[number];

/** Templates of one language, by reminder level: the wording escalates from a friendly nudge to a final demand. */
export const LevelTemplatesSchema = z.strictObject({
  '1': MessageTemplateSchema.optional(),
  '2': MessageTemplateSchema.optional(),
  '3': MessageTemplateSchema.optional(),
});

/** Templates a run sets itself; every language and level it leaves out takes the bridge's template. */
export const TemplatesSchema = z.strictObject({
  de: LevelTemplatesSchema.optional(),
  fr: LevelTemplatesSchema.optional(),
  it: LevelTemplatesSchema.optional(),
  en: LevelTemplatesSchema.optional(),
});
export type Templates = z.infer<typeof TemplatesSchema>;

/** Every language and level: the bridge's default templates (`GET /api/batches/templates`). */
export type TemplateSet = Record<Language, Record<LevelKey, MessageTemplate>>;

/** The company that signs the messages, from the accounting's company settings. */
export const CompanySchema = z.object({
  name: z.string(),
  /** The signature block under every message: name, address and contact, one line each. */
  signature: z.array(z.string()),
});
export type Company = z.infer<typeof CompanySchema>;

const LevelTemplateSetSchema = z.object({
  '1': MessageTemplateSchema,
  '2': MessageTemplateSchema,
  '3': MessageTemplateSchema,
});
export const TemplateDefaultsSchema = z.object({
  templates: z.object({
    de: LevelTemplateSetSchema,
    fr: LevelTemplateSetSchema,
    it: LevelTemplateSetSchema,
    en: LevelTemplateSetSchema,
  }),
  company: CompanySchema,
  /** The run's date: a reminder whose pay-by date is not after it cannot be sent. */
  today: IsoDateSchema,
});
export type TemplateDefaults = z.infer<typeof TemplateDefaultsSchema>;

/** One message per customer with all their reminders (one registered letter, not five), or one per reminder. */
export const GroupingSchema = z.enum(['per-customer', 'per-reminder']);
export type Grouping = z.infer<typeof GroupingSchema>;

/** Final reminders go registered (provable), earlier ones confidential. */
export const DEFAULT_MODE_BY_LEVEL = { '1': 'confidential', '2': 'confidential', '3': 'registered' } as const;

export const ModeByLevelSchema = z.strictObject({
  '1': z.enum(SECURE_MODES).default(DEFAULT_MODE_BY_LEVEL['1']),
  '2': z.enum(SECURE_MODES).default(DEFAULT_MODE_BY_LEVEL['2']),
  '3': z.enum(SECURE_MODES).default(DEFAULT_MODE_BY_LEVEL['3']),
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
  grouping: GroupingSchema.default('per-customer'),
  modeByLevel: ModeByLevelSchema.default(DEFAULT_MODE_BY_LEVEL),
  templates: TemplatesSchema.default({}),
});
export type BatchRequestInput = z.input<typeof BatchRequestSchema>;
export type BatchRequest = z.output<typeof BatchRequestSchema>;

/**
 * A message of a run as lists name it: the customer, the reminders it carries (one, or all of the customer's
 * when grouped) and the highest of their levels, which decides the template and the mode.
 */
export const BatchReminderSchema = z.object({
  documentId: z.string(),
  documentIds: z.array(z.string()).min(1),
  number: z.string(),
  numbers: z.array(z.string()).min(1),
  customerId: z.string(),
  customerName: z.string(),
  language: LanguageSchema,
  level: z.number().int().min(1).max(3),
});
export type BatchReminder = z.infer<typeof BatchReminderSchema>;

export const AttachmentInfoSchema = z.object({ fileName: z.string(), sizeBytes: z.number().int() });

export const PreviewMessageSchema = BatchReminderSchema.extend({
  recipient: z.string(),
  mode: SecureModeSchema,
  subject: z.string(),
  html: z.string(),
  text: z.string(),
  attachments: z.array(AttachmentInfoSchema),
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
    reminders: z.number().int(),
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
  /** The PDFs the latest attempt carried; empty until the item got its turn. */
  attachments: z.array(AttachmentInfoSchema),
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
