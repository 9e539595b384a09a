/**
 * How large a message is for IncaMail. Its 30 MB limit applies to the message as the gateway receives it:
 * MIME, with every attachment base64-encoded (4 characters per 3 bytes, a line break every 76 characters).
 * Counting decoded bytes let a message with a 25 MiB PDF through the bridge, and an MTA with a 30 MiB limit
 * then refused its 35 MB (`552 5.3.4 message file too big`). The add-in's check before a send, the bridge's
 * acceptance and the SMTP `SIZE` it announces all use this one count.
 */

/** IncaMail accepts at most 30 MB per message; above 10 MB registered mail is discouraged (encryption doubles it). */
export const MAX_MESSAGE_BYTES = 30 * 1024 * 1024;
export const REGISTERED_WARN_BYTES = 10 * 1024 * 1024;

/** What the size depends on: addresses as typed (before IncaMail's marking) and attachments decoded. */
export type MessageSizeInput = {
  subject: string;
  html: string;
  /** Sender and every recipient (To, Cc and Bcc). */
  addresses: readonly string[];
  attachments: readonly { name: string; bytes: number }[];
};

/** RFC 2045 §6.8: base64 lines of at most 76 characters, each ended by CRLF (nodemailer writes exactly 76). */
const BASE64_LINE = 76;
// Date, MIME-Version, Message-ID, the multipart/mixed and multipart/alternative headers, boundary lines.
const MESSAGE_FRAMING_BYTES = 1024;
// Boundary line, Content-Type, Content-Transfer-Encoding and Content-Disposition of one part.
const PART_FRAMING_BYTES = 256;
// Header name, the marking (`<r>`, `.incamail.ch`, or a longer configured suffix), separators and folding.
const ADDRESS_OVERHEAD_BYTES = 32;
const HEADER_OVERHEAD_BYTES = 64;

const utf8Length = (text: string) => new TextEncoder().encode(text).length;

/** Base64 as it stands in the message, line breaks included. */
export function base64EncodedBytes(bytes: number): number {
  const characters = 4 * Math.ceil(bytes / 3);
  return characters + 2 * Math.ceil(characters / BASE64_LINE);
}

/** Decoded length of standard base64, without decoding it. */
export function base64DecodedBytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/**
 * A text part (the HTML, and the plain-text alternative the bridge derives from it, never longer in practice):
 * nodemailer picks quoted-printable or base64; quoted-printable at worst writes every byte as `=XX`, with a
 * soft line break (`=` CRLF) after at least 73 characters. That bound covers base64 too.
 */
function textPartBytes(text: string): number {
  const characters = 3 * utf8Length(text);
  return characters + 3 * Math.ceil(characters / 73);
}

/**
 * A header value, or a file name (it appears twice, in Content-Type and Content-Disposition): non-ASCII text
 * becomes encoded words, at worst 3 characters a byte plus `=?UTF-8?Q?…?=` and folding every 52 characters.
 */
function headerTextBytes(text: string): number {
  return 4 * utf8Length(text) + HEADER_OVERHEAD_BYTES;
}

/** A conservative upper estimate of the message as IncaMail receives it, in bytes. */
export function encodedMessageBytes(message: MessageSizeInput): number {
  let bytes = MESSAGE_FRAMING_BYTES + headerTextBytes(message.subject);
  for (const address of message.addresses) bytes += utf8Length(address) + ADDRESS_OVERHEAD_BYTES;
  bytes += 2 * (PART_FRAMING_BYTES + textPartBytes(message.html));
  for (const attachment of message.attachments) {
    bytes += PART_FRAMING_BYTES + 2 * headerTextBytes(attachment.name) + base64EncodedBytes(attachment.bytes);
  }
  return bytes;
}

/** The size in the user's terms: what the files add up to, and what this message leaves room for. */
export type MessageSize = {
  encodedBytes: number;
  attachmentBytes: number;
  /** About how many bytes of files fit beside this subject, body and recipients (before encoding). */
  attachmentAllowanceBytes: number;
};

/** The inverse of base64EncodedBytes, rounded down: the padding and a last short line cost up to 4 + 2 more. */
function maxBytesIn(encoded: number): number {
  return ((((encoded - 2) * BASE64_LINE) / (BASE64_LINE + 2) - 4) * 3) / 4;
}

export function measureMessage(message: MessageSizeInput): MessageSize {
  const encodedBytes = encodedMessageBytes(message);
  const withoutContent = encodedMessageBytes({
    ...message,
    attachments: message.attachments.map((a) => ({ name: a.name, bytes: 0 })),
  });
  const room = Math.max(0, MAX_MESSAGE_BYTES - withoutContent);
  return {
    encodedBytes,
    attachmentBytes: message.attachments.reduce((sum, a) => sum + a.bytes, 0),
    attachmentAllowanceBytes: Math.max(0, Math.floor(maxBytesIn(room))),
  };
}

/** `exceeds`: IncaMail refuses it. The boundary itself is allowed: exactly MAX_MESSAGE_BYTES fits. */
export function messageSizeVerdict(encodedBytes: number): 'fits' | 'exceeds' {
  return encodedBytes > MAX_MESSAGE_BYTES ? 'exceeds' : 'fits';
}
