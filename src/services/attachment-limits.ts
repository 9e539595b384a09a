/**
 * Outlook's limits for `addFileAttachmentFromBase64Async` (Mailbox 1.8): at most 34,865,152 base64
 * characters per call (about 25 MB of file) and, on the web and the new Outlook, 25 MB for all
 * attachments of an item together. Checked before the call, so the user gets a clear reason instead of
 * Office's generic failure.
 */
export const MAX_ATTACHMENT_BASE64_LENGTH = 34_865_152;
export const MAX_TOTAL_ATTACHMENT_BYTES = 25 * 1024 * 1024;

export type AttachmentLimitVerdict =
  | { verdict: 'fits' }
  | { verdict: 'file-too-large'; base64Length: number }
  | { verdict: 'total-too-large'; totalBytes: number };

export function checkAttachmentLimits(input: {
  base64Length: number;
  fileBytes: number;
  existingAttachmentBytes: number;
}): AttachmentLimitVerdict {
  if (input.base64Length > MAX_ATTACHMENT_BASE64_LENGTH) {
    return { verdict: 'file-too-large', base64Length: input.base64Length };
  }
  const totalBytes = input.existingAttachmentBytes + input.fileBytes;
  if (totalBytes > MAX_TOTAL_ATTACHMENT_BYTES) return { verdict: 'total-too-large', totalBytes };
  return { verdict: 'fits' };
}

/** Standard base64 of the bytes, in slices: one String.fromCharCode over 25 MB would overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  const SLICE = 0x8000;
  let binary = '';
  for (let offset = 0; offset < bytes.length; offset += SLICE) {
    binary += String.fromCharCode(...bytes.subarray(offset, offset + SLICE));
  }
  return btoa(binary);
}

/** Length of the base64 form of `byteCount` bytes, to refuse a file before spending time encoding it. */
export function base64LengthOf(byteCount: number): number {
  return Math.ceil(byteCount / 3) * 4;
}
