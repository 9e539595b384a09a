import { z } from 'zod';
import { SecureModeSchema } from './modes.js';

/**
 * The send API of the bridge (`/api/sends`, `/api/policy`): a message composed in Outlook, handed to the
 * bridge to be submitted to IncaMail instead of the user's mailbox.
 */

/** Header fields must never carry CR or LF: that would let a value inject its own SMTP headers. */
const headerSafe = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/[\r\n]/.test(value), 'must not contain line breaks');

export const EmailAddressSchema = z.email().max(254);

/** Standard base64 (what Office's getAttachmentContentAsync returns), no whitespace, no data: prefix. */
const Base64Schema = z
  .string()
  .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'must be base64')
  .refine((v) => v.length % 4 === 0, {
    message: 'must be base64 (length a multiple of 4)',
  });

export const AttachmentSchema = z.object({
  name: headerSafe(255)
    .min(1)
    .refine((v) => !/[\\/]/.test(v), 'must be a file name, not a path'),
  contentType: headerSafe(255).regex(/^[\w.+-]+\/[\w.+-]+$/, 'must be a MIME type like application/pdf'),
  contentBase64: Base64Schema,
});
export type Attachment = z.infer<typeof AttachmentSchema>;

/** A message as composed in Outlook: what the relay route submits and the mailbox route sends alike. */
export const MESSAGE_FIELDS = {
  from: EmailAddressSchema,
  to: z.array(EmailAddressSchema).max(100).default([]),
  cc: z.array(EmailAddressSchema).max(100).default([]),
  bcc: z.array(EmailAddressSchema).max(100).default([]),
  subject: headerSafe(255),
  html: z.string().max(5_000_000),
  attachments: z.array(AttachmentSchema).max(100).default([]),
};

/** The refinement both messages share: `.refine(...hasRecipients)`. */
export const hasRecipients: [
  (r: { to: unknown[]; cc: unknown[]; bcc: unknown[] }) => boolean,
  { message: string; path: string[] },
] = [
  (r) => r.to.length + r.cc.length + r.bcc.length > 0,
  { message: 'at least one recipient (to, cc or bcc) is required', path: ['to'] },
];

export const SendRequestSchema = z
  .strictObject({
    mode: SecureModeSchema,
    ...MESSAGE_FIELDS,
    /** Documents of the accounting that this message carries, recorded as sent once IncaMail accepts it. */
    documentIds: z.array(z.string().max(100)).max(100).default([]),
  })
  .refine(...hasRecipients);
export type SendRequestInput = z.input<typeof SendRequestSchema>;
export type SendRequest = z.output<typeof SendRequestSchema>;

/**
 * received → submitting → accepted | failed | uncertain. `uncertain`: the line dropped after the message was
 * transmitted and before IncaMail answered, so it may have been delivered; it is never re-sent automatically.
 */
export const SendStatusSchema = z.enum(['received', 'submitting', 'accepted', 'failed', 'uncertain']);
export type SendStatus = z.infer<typeof SendStatusSchema>;

export const SendRecordSchema = z.object({
  id: z.string(),
  status: SendStatusSchema,
  mode: SecureModeSchema,
  from: z.string(),
  /** Subject and recipients as submitted, with IncaMail's marking applied. */
  subject: z.string(),
  recipients: z.object({ to: z.array(z.string()), cc: z.array(z.string()), bcc: z.array(z.string()) }),
  documentIds: z.array(z.string()),
  attachmentCount: z.number().int(),
  /** The message as IncaMail receives it (encodedMessageBytes), the count its 30 MB limit applies to. */
  sizeBytes: z.number().int(),
  attempts: z.number().int(),
  /** The SMTP server's final reply, e.g. `250 2.0.0 Ok: queued as 4F2A`. */
  smtpResponse: z.string().nullable(),
  messageId: z.string().nullable(),
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  /** An accepted send whose recipients IncaMail partly refused: those recipients, as submitted (marked). */
  refusedRecipients: z.array(z.string()).default([]),
  /**
   * Whether the accounting was told which documents went out (bexio's mark_as_sent, the ledger's record):
   * `pending` while the bridge retries (a failure there never fails the send), `settled` once told or refused
   * for good (logged), `none` for a message that carries no documents.
   */
  accountingUpdate: z.enum(['none', 'pending', 'settled']).default('none'),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  acceptedAt: z.iso.datetime({ offset: true }).nullable(),
  /** While a temporary failure is being retried: when the next attempt is due. */
  nextAttemptAt: z.iso.datetime({ offset: true }).nullable().optional(),
});
export type SendRecord = z.infer<typeof SendRecordSchema>;

export const SendListSchema = z.object({ items: z.array(SendRecordSchema), nextCursor: z.string().nullable() });
export type SendList = z.infer<typeof SendListSchema>;

export const PolicySchema = z.object({
  modes: z.array(SecureModeSchema),
  maxMessageBytes: z.number().int(),
  registeredWarnBytes: z.number().int(),
  route: z.enum(['relay', 'mailbox']),
  /** What marks a recipient for IncaMail on this deployment, for the mailbox route's marking of the draft. */
  recipientSuffix: z.string().default('.incamail.ch'),
  /** Reminders of level 3 (the last before debt collection) must go registered: the send guard holds others. */
  level3Registered: z.boolean().default(false),
});
export type Policy = z.infer<typeof PolicySchema>;

/** `Idempotency-Key` header of `POST /api/sends`: printable ASCII, derived by the add-in from the draft. */
export const IdempotencyKeySchema = z
  .string({ error: 'the Idempotency-Key header is required' })
  .regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 printable ASCII characters');

/** `GET /api/sends/by-key?key=…`: the caller's own send recorded under this Idempotency-Key, if any. */
export const SendByKeyQuerySchema = z.object({ key: IdempotencyKeySchema });

/** `?wait=N`: answer once the send is settled, or after N seconds with its state at that moment. */
export const SendWaitQuerySchema = z.object({ wait: z.coerce.number().min(0).max(60).default(0) });

export const SendListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});
