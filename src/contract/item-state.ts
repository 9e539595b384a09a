import { z } from 'zod/mini';
import { DocumentKindSchema } from './documents.schemas.js';
import { SecureModeSchema } from './modes.js';
import { IdempotencyKeySchema } from './sends.schemas.js';

/**
 * What the task pane leaves on the item being composed, for the ribbon commands to read later: they run in
 * another runtime than the pane (Outlook shares no memory between them), so the item's custom properties
 * are the one place both see. The value is a JSON array under this key.
 */
export const ATTACHED_DOCUMENTS_KEY = 'ledgermail.documents';

export const AttachedDocumentSchema = z.object({
  documentId: z.string().check(z.minLength(1)),
  /** The id Outlook gave the attachment; the entry counts only while this attachment is still on the item. */
  attachmentId: z.string().check(z.minLength(1)),
  fileName: z.string().check(z.minLength(1)),
  kind: DocumentKindSchema,
  number: z.string(),
});
export type AttachedDocument = z.infer<typeof AttachedDocumentSchema>;

export const AttachedDocumentsSchema = z.array(AttachedDocumentSchema);

/**
 * Reads the stored value leniently: a missing or damaged value means "nothing recorded", because a broken
 * custom property must not stop the user from attaching again (the pane rewrites it on the next attach).
 */
export function parseAttachedDocuments(value: unknown): AttachedDocument[] {
  if (typeof value !== 'string' || value === '') return [];
  try {
    const parsed = AttachedDocumentsSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

export function serializeAttachedDocuments(documents: readonly AttachedDocument[]): string {
  return JSON.stringify(AttachedDocumentsSchema.parse(documents));
}

/**
 * The Registered / Confidential command's own state on the draft, under this key (JSON): how many deliberate
 * new attempts the draft has had (each one a new idempotency key), the size warning it last showed, and the
 * send it last handed to the bridge, which the pane and the command ask the bridge about when they open on
 * the draft again after the send was interrupted (a reload, a closed window, a crash).
 */
export const SEND_STATE_KEY = 'ledgermail.send';

/** A send as the command started it: recorded on the draft before the message leaves for the bridge. */
export const SendAttemptSchema = z.object({
  key: IdempotencyKeySchema,
  generation: z.int().check(z.gte(0)),
  mode: SecureModeSchema,
  startedAt: z.iso.datetime({ offset: true }),
});
export type SendAttempt = z.infer<typeof SendAttemptSchema>;

export const SendStateSchema = z.object({
  /** Raised after a refused or uncertain send, so that a deliberate new click is a new send, not a replay. */
  generation: z.int().check(z.gte(0)),
  /** Registered mail over the advised size: what was shown and when, for the click that confirms it. */
  sizeWarning: z.optional(z.object({ encodedBytes: z.int(), shownAt: z.iso.datetime({ offset: true }) })),
  attempt: z.optional(SendAttemptSchema),
});
export type SendState = z.infer<typeof SendStateSchema>;

/** Leniently, each field on its own: a damaged value must not stop a send, only forget what it cannot read. */
const LenientSendStateSchema = z.object({
  generation: z.catch(SendStateSchema.shape.generation, 0),
  sizeWarning: z.catch(SendStateSchema.shape.sizeWarning, undefined),
  attempt: z.catch(SendStateSchema.shape.attempt, undefined),
});

export function parseSendState(value: unknown): SendState {
  let json: unknown = {};
  try {
    json = typeof value === 'string' && value !== '' ? JSON.parse(value) : {};
  } catch {
    // Not JSON: nothing recorded.
  }
  const parsed = LenientSendStateSchema.safeParse(json);
  return parsed.success ? parsed.data : { generation: 0 };
}

export function serializeSendState(state: SendState): string {
  return JSON.stringify(SendStateSchema.parse(state));
}

/**
 * The mailbox route's marking of the draft (the subject prefix and the suffixed recipients), under this key:
 * the mode chosen, and what marking cannot undo by itself, so that removing it gives back exactly what the
 * user wrote: the subject as it was (a prefix the user typed stays), and the addresses that already carried
 * the suffix before.
 */
export const MARKING_STATE_KEY = 'ledgermail.marking';

export const MarkingStateSchema = z.object({
  mode: SecureModeSchema,
  subject: z.string().check(z.maxLength(255)),
  alreadySuffixed: z.array(z.string().check(z.maxLength(320))).check(z.maxLength(100)),
  markedAt: z.iso.datetime({ offset: true }),
});
export type MarkingState = z.infer<typeof MarkingStateSchema>;

/** A damaged value reads as "not marked by LedgerMail": the guard then judges the item by its marking alone. */
export function parseMarkingState(value: unknown): MarkingState | undefined {
  if (typeof value !== 'string' || value === '') return undefined;
  try {
    const parsed = MarkingStateSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export function serializeMarkingState(state: MarkingState): string {
  return JSON.stringify(MarkingStateSchema.parse(state));
}
