import { z } from 'zod/mini';
import { SecureModeSchema } from './modes.js';

/**
 * The send API of the bridge (`/api/sends`, `/api/policy`): a message composed in Outlook, handed to the
 * bridge to be submitted to IncaMail instead of the user's mailbox. What the add-in reads (records, policy)
 * is written with zod/mini, as documents.schemas.ts explains; the requests the bridge parses are in
 * send-request.schemas.ts.
 */

/** An address as the add-in checks a recipient and the bridge checks every address of a message. */
export const EmailAddressSchema = z.email().check(z.maxLength(254));

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
  attachmentCount: z.int(),
  /** The message as IncaMail receives it (encodedMessageBytes), the count its 30 MB limit applies to. */
  sizeBytes: z.int(),
  attempts: z.int(),
  /** The SMTP server's final reply, e.g. `250 2.0.0 Ok: queued as 4F2A`. */
  smtpResponse: z.nullable(z.string()),
  messageId: z.nullable(z.string()),
  error: z.nullable(z.object({ code: z.string(), message: z.string() })),
  /** An accepted send whose recipients IncaMail partly refused: those recipients, as submitted (marked). */
  refusedRecipients: z._default(z.array(z.string()), []),
  /**
   * Whether the accounting was told which documents went out (bexio's mark_as_sent, the ledger's record):
   * `pending` while the bridge retries (a failure there never fails the send), `settled` once told or refused
   * for good (logged), `none` for a message that carries no documents.
   */
  accountingUpdate: z._default(z.enum(['none', 'pending', 'settled']), 'none'),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  acceptedAt: z.nullable(z.iso.datetime({ offset: true })),
  /** While a temporary failure is being retried: when the next attempt is due. */
  nextAttemptAt: z.optional(z.nullable(z.iso.datetime({ offset: true }))),
});
export type SendRecord = z.infer<typeof SendRecordSchema>;

export const SendListSchema = z.object({ items: z.array(SendRecordSchema), nextCursor: z.nullable(z.string()) });
export type SendList = z.infer<typeof SendListSchema>;

export const PolicySchema = z.object({
  modes: z.array(SecureModeSchema),
  maxMessageBytes: z.int(),
  registeredWarnBytes: z.int(),
  route: z.enum(['relay', 'mailbox']),
  /** What marks a recipient for IncaMail on this deployment, for the mailbox route's marking of the draft. */
  recipientSuffix: z._default(z.string(), '.incamail.ch'),
  /** Reminders of level 3 (the last before debt collection) must go registered: the send guard holds others. */
  level3Registered: z._default(z.boolean(), false),
});
export type Policy = z.infer<typeof PolicySchema>;

/** `Idempotency-Key` header of `POST /api/sends`: printable ASCII, derived by the add-in from the draft. */
export const IdempotencyKeySchema = z
  .string({ error: 'the Idempotency-Key header is required' })
  .check(z.regex(/^[\x21-\x7e]{1,200}$/, 'must be 1 to 200 printable ASCII characters'));
