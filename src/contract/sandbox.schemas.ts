import { z } from 'zod';
import { SecureModeSchema } from './modes.js';
import { hasRecipients, MESSAGE_FIELDS } from './send-request.schemas.js';

/**
 * `GET /api/sandbox/messages` (bridges on the embedded IncaMail sandbox, outside production): what the
 * sandbox received, newest first, as the workbench's panel and the end-to-end tests read it.
 */
export const SandboxMessageSchema = z.object({
  id: z.string(),
  receivedAt: z.iso.datetime({ offset: true }),
  envelope: z.object({ from: z.string(), to: z.array(z.string()) }),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  subject: z.string(),
  mode: SecureModeSchema,
  sizeBytes: z.number().int(),
  hasHtml: z.boolean(),
  hasText: z.boolean(),
  attachments: z.array(
    z.object({ name: z.string(), contentType: z.string(), sizeBytes: z.number().int(), sha256: z.string() }),
  ),
});
export type SandboxMessage = z.infer<typeof SandboxMessageSchema>;
export const SandboxMessageListSchema = z.object({ items: z.array(SandboxMessageSchema) });

/**
 * `POST /api/sandbox/mailbox/messages` (beside the sandbox, outside production): what the workbench's simulated
 * Outlook sends when the person clicks Send, as the item stands (marked or not). The bridge plays the user's
 * Exchange with an IncaMail domain connection: marked recipients go to the sandbox, the others nowhere.
 */
export const MailboxSendSchema = z.strictObject(MESSAGE_FIELDS).refine(...hasRecipients);
export type MailboxSendInput = z.input<typeof MailboxSendSchema>;

/** One message the simulated mailbox sent, newest first in `GET /api/sandbox/mailbox/messages`. */
export const MailboxMessageSchema = z.object({
  id: z.string(),
  sentAt: z.iso.datetime({ offset: true }),
  from: z.string(),
  to: z.array(z.string()),
  cc: z.array(z.string()),
  bcc: z.array(z.string()),
  subject: z.string(),
  attachments: z.array(z.object({ name: z.string(), sizeBytes: z.number().int() })),
  /** What the domain connection did with the recipients that carry IncaMail's suffix. */
  incamail: z.discriminatedUnion('status', [
    z.object({ status: z.literal('not-addressed') }),
    z.object({ status: z.literal('accepted'), recipients: z.array(z.string()), response: z.string() }),
    z.object({ status: z.literal('refused'), recipients: z.array(z.string()), response: z.string() }),
  ]),
  /** Recipients without the suffix: Exchange would deliver them as ordinary e-mail (nothing leaves this machine). */
  ordinaryRecipients: z.array(z.string()),
});
export type MailboxMessage = z.infer<typeof MailboxMessageSchema>;
export const MailboxMessageListSchema = z.object({ items: z.array(MailboxMessageSchema) });
