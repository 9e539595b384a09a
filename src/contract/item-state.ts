import { z } from 'zod';
import { DocumentKindSchema } from './documents.schemas.js';

/**
 * What the task pane leaves on the item being composed, for the ribbon commands to read later: they run in
 * another runtime than the pane (Outlook shares no memory between them), so the item's custom properties
 * are the one place both see. The value is a JSON array under this key.
 */
export const ATTACHED_DOCUMENTS_KEY = 'ledgermail.documents';

export const AttachedDocumentSchema = z.object({
  documentId: z.string().min(1),
  /** The id Outlook gave the attachment; the entry counts only while this attachment is still on the item. */
  attachmentId: z.string().min(1),
  fileName: z.string().min(1),
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
