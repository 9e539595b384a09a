import { Readable } from 'node:stream';
import { compile } from 'html-to-text';
import MailComposer from 'nodemailer/lib/mail-composer';

/** A message as it goes to IncaMail: subject and recipients already carry the marking. */
export type MarkedMessage = {
  /** Stays the same across retries, so a gateway that deduplicates by Message-ID sees one message. */
  messageId: string;
  from: string;
  subject: string;
  to: string[];
  cc: string[];
  bcc: string[];
  html: string;
  /**
   * encodedMessageBytes of the message, announced as SMTP SIZE (RFC 1870): a gateway over its limit refuses
   * at MAIL FROM, before the upload, and nodemailer refuses locally when EHLO already named a smaller limit.
   */
  sizeBytes: number;
  /** Content as one Buffer, or as a source of chunks read afresh for each attempt (from the outbox). */
  attachments: { name: string; contentType: string; content: Buffer | (() => Iterable<Buffer>) }[];
};

export type SmtpEnvelope = { from: string; to: string[]; size: number };

/** Bcc recipients travel in the envelope only: no header names them, so the other recipients never see them. */
export function envelopeOf(message: MarkedMessage): SmtpEnvelope {
  return { from: message.from, to: [...message.to, ...message.cc, ...message.bcc], size: message.sizeBytes };
}

// Compiled once: compiling the selectors costs more than converting a typical message body.
const htmlToText = compile({ wordwrap: 78, selectors: [{ selector: 'img', format: 'skip' }] });

export function plainTextOf(html: string): string {
  return htmlToText(html);
}

/**
 * Opens the MIME message as a stream built by nodemailer's composer. The composer starts encoding as soon as
 * it is asked for a stream, so this is called only when the SMTP server is ready for the data.
 */
export function openMimeStream(message: MarkedMessage): Readable {
  const composer = new MailComposer({
    from: message.from,
    to: message.to,
    cc: message.cc.length > 0 ? message.cc : undefined,
    subject: message.subject,
    messageId: message.messageId,
    html: message.html,
    text: plainTextOf(message.html),
    attachments: message.attachments.map((attachment) => ({
      filename: attachment.name,
      contentType: attachment.contentType,
      content: chunked(attachment.content),
      // Base64 for every attachment: quoted-printable text parts would have their line ends rewritten to CRLF.
      contentTransferEncoding: 'base64',
    })),
    disableFileAccess: true,
    disableUrlAccess: true,
  });
  return composer.compile().createReadStream();
}

/**
 * Hands the composer the content in 64 KB slices, so it encodes as the socket drains. Given one Buffer, it
 * encodes the whole attachment as one chunk: a 25 MB file then sits several times in memory, and the stream
 * reports it read long before the socket has sent it.
 */
function chunked(content: Buffer | (() => Iterable<Buffer>)): Readable {
  const slice = 64 * 1024;
  function* slices(): Generator<Buffer> {
    for (const buffer of Buffer.isBuffer(content) ? [content] : content()) {
      for (let offset = 0; offset < buffer.length; offset += slice) yield buffer.subarray(offset, offset + slice);
    }
  }
  return Readable.from(slices(), { objectMode: false });
}

export type DataProgress = { onStart: () => void; onComplete: () => void };

/**
 * The message as a stream that reports when the SMTP client starts reading it and when it has read all of it.
 * SMTPConnection reads the message only after the server's 354 reply to DATA, and writes the terminating dot
 * only after the stream ended: before `onComplete` the server cannot have accepted the message.
 */
export function observedMimeStream(message: MarkedMessage, progress: DataProgress): Readable {
  async function* chunks(): AsyncGenerator<Buffer> {
    progress.onStart();
    const source = openMimeStream(message);
    try {
      for await (const chunk of source) yield chunk as Buffer;
    } finally {
      source.destroy();
    }
    progress.onComplete();
  }
  // objectMode off: the chunks are bytes; the generator runs only when the consumer reads.
  return Readable.from(chunks(), { objectMode: false });
}
