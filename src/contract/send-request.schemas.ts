import { z } from 'zod';
import { SecureModeSchema } from './modes.js';
import { EmailAddressSchema, IdempotencyKeySchema } from './sends.schemas.js';

/**
 * The requests of the send API as the bridge parses them (`POST /api/sends` and the sandbox mailbox's message,
 * the query strings of `/api/sends`). The add-in builds them from these types and never loads this file.
 */

/** Header fields must never carry CR or LF: that would let a value inject its own SMTP headers. */
const headerSafe = (max: number) =>
  z
    .string()
    .max(max)
    .refine((value) => !/[\r\n]/.test(value), 'must not contain line breaks');

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

/** `GET /api/sends/by-key?key=…`: the caller's own send recorded under this Idempotency-Key, if any. */
export const SendByKeyQuerySchema = z.object({ key: IdempotencyKeySchema });

/** `?wait=N`: answer once the send is settled, or after N seconds with its state at that moment. */
export const SendWaitQuerySchema = z.object({ wait: z.coerce.number().min(0).max(60).default(0) });

export const SendListQuerySchema = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(20),
  cursor: z.string().max(100).optional(),
});
