import fc from 'fast-check';
import {
  base64LengthOf,
  bytesToBase64,
  checkAttachmentLimits,
  MAX_ATTACHMENT_BASE64_LENGTH,
  MAX_TOTAL_ATTACHMENT_BYTES,
} from './attachment-limits';

describe('attachment limits', () => {
  it("allows exactly Outlook's per-call base64 length, and refuses one character more", () => {
    const fileBytes = (MAX_ATTACHMENT_BASE64_LENGTH / 4) * 3;
    expect(base64LengthOf(fileBytes)).toBe(MAX_ATTACHMENT_BASE64_LENGTH);
    expect(
      checkAttachmentLimits({ base64Length: MAX_ATTACHMENT_BASE64_LENGTH, fileBytes, existingAttachmentBytes: 0 }),
    ).toEqual({ verdict: 'fits' });
    expect(
      checkAttachmentLimits({ base64Length: MAX_ATTACHMENT_BASE64_LENGTH + 1, fileBytes, existingAttachmentBytes: 0 })
        .verdict,
    ).toBe('file-too-large');
  });

  it('counts the attachments already on the message towards 25 MB', () => {
    const input = { base64Length: 4000, fileBytes: 3000 };
    expect(
      checkAttachmentLimits({ ...input, existingAttachmentBytes: MAX_TOTAL_ATTACHMENT_BYTES - 3000 }).verdict,
    ).toBe('fits');
    expect(checkAttachmentLimits({ ...input, existingAttachmentBytes: MAX_TOTAL_ATTACHMENT_BYTES - 2999 })).toEqual({
      verdict: 'total-too-large',
      totalBytes: MAX_TOTAL_ATTACHMENT_BYTES + 1,
    });
  });

  it("encodes any bytes exactly like Node's base64, with the length it predicts", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 100_000 }), (bytes) => {
        const encoded = bytesToBase64(bytes);
        expect(encoded).toBe(Buffer.from(bytes).toString('base64'));
        expect(encoded.length).toBe(base64LengthOf(bytes.length));
      }),
      { numRuns: 50 },
    );
  });
});
