import { encodedMessageBytes, type MessageSizeInput } from '../../src/contract/message-size';

/** `extraRecipient` goes with the message (To, Cc or Bcc alike): its length is the one-byte lever. */
export type SizedMessage = { extraRecipient: string; attachmentBytes: number };

/**
 * A recipient and an attachment size that make `encodedMessageBytes` exactly `target`, for tests on both sides
 * of the limit: base64 grows in steps of 4 or 6, an address by one byte a character, so the recipient's name
 * is lengthened until one attachment size hits the target to the byte.
 */
export function messageOfEncodedSize(
  target: number,
  message: Omit<MessageSizeInput, 'attachments'> & { attachmentName: string },
): SizedMessage {
  const estimate = (extraRecipient: string, bytes: number) =>
    encodedMessageBytes({
      ...message,
      addresses: [...message.addresses, extraRecipient],
      attachments: [{ name: message.attachmentName, bytes }],
    });
  for (let length = 1; length <= 64; length++) {
    const extraRecipient = `${'x'.repeat(length)}@example.ch`;
    let [low, high] = [0, target];
    // The largest size whose estimate stays at or below the target.
    while (low < high) {
      const middle = Math.ceil((low + high) / 2);
      if (estimate(extraRecipient, middle) <= target) low = middle;
      else high = middle - 1;
    }
    if (estimate(extraRecipient, low) === target) return { extraRecipient, attachmentBytes: low };
  }
  throw new Error(`no message of exactly ${target} bytes`);
}

/** Standard base64 of `bytes` zero bytes, without allocating them. */
export function base64OfZeroBytes(bytes: number): string {
  const padding = (3 - (bytes % 3)) % 3;
  return 'A'.repeat(4 * Math.ceil(bytes / 3) - padding) + '='.repeat(padding);
}
