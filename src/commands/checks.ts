import type { SecureMode } from '../contract/modes';
import { base64Source } from '../contract/byte-source';
import { judgeAttachment } from '../contract/file-rule';
import { MAX_UNMARKED_SUBJECT_LENGTH, unmarkSubject } from '../contract/marking';
import { base64DecodedBytes, measureMessage, messageSizeVerdict, type MessageSize } from '../contract/message-size';
import { EmailAddressSchema } from '../contract/sends.schemas';
import type { RefusedFile } from './file-danger-strings';
import type { OutgoingMessage } from '../services/outgoing-message';

export type MessageProblem =
  | { problem: 'no-recipients' }
  | { problem: 'bad-address'; addresses: string[] }
  | { problem: 'no-subject' }
  | { problem: 'subject-too-long'; length: number; max: number }
  | { problem: 'too-large'; size: MessageSize }
  | { problem: 'dangerous-file'; files: RefusedFile[] }
  | { problem: 'unsupported-attachment'; names: string[] }
  | { problem: 'inline-image'; names: string[] };

/** Registered mail larger than the bridge's policy advises (IncaMail: encryption can double the size). */
export type MessageWarning = { warning: 'large-registered'; bytes: number; adviceBytes: number };

/** The message as IncaMail will count it: the files that go (not the unsupported ones), before the marking. */
export function measureOutgoingMessage(message: OutgoingMessage): MessageSize {
  return measureMessage({
    subject: message.subject,
    html: message.html,
    addresses: [message.from, ...message.to, ...message.cc, ...message.bcc],
    attachments: message.attachments.flatMap((a) =>
      a.kind === 'file' ? [{ name: a.name, bytes: base64DecodedBytes(a.contentBase64) }] : [],
    ),
  });
}

/** What stops a send before anything leaves Outlook, and the message's size as IncaMail counts it. */
export function checkOutgoingMessage(message: OutgoingMessage): { problems: MessageProblem[]; size: MessageSize } {
  const problems: MessageProblem[] = [];
  if (message.to.length + message.cc.length + message.bcc.length === 0) problems.push({ problem: 'no-recipients' });
  // The bridge refuses these too, but in its own words; here the user reads which address, in their language.
  const bad = [...message.to, ...message.cc, ...message.bcc].filter((a) => !EmailAddressSchema.safeParse(a).success);
  if (bad.length > 0) problems.push({ problem: 'bad-address', addresses: bad });
  // IncaMail shows the subject to the recipient, and the marking needs room in front of it: none is cut.
  const subject = unmarkSubject(message.subject).trim();
  if (subject === '') problems.push({ problem: 'no-subject' });
  else if (subject.length > MAX_UNMARKED_SUBJECT_LENGTH) {
    problems.push({ problem: 'subject-too-long', length: subject.length, max: MAX_UNMARKED_SUBJECT_LENGTH });
  }
  const unsupported = message.attachments.filter((a) => a.kind === 'unsupported' && a.reason !== 'inline');
  if (unsupported.length > 0)
    problems.push({ problem: 'unsupported-attachment', names: unsupported.map((a) => a.name) });
  // Inline images (signature logos) would arrive as loose attachments with broken images in the body.
  const inline = message.attachments.filter((a) => a.kind === 'unsupported' && a.reason === 'inline');
  if (inline.length > 0) problems.push({ problem: 'inline-image', names: inline.map((a) => a.name) });
  // The bridge applies the same rule again; here it stops the send before anything leaves Outlook.
  const refused = message.attachments.flatMap((a) => {
    const danger =
      a.kind === 'file' ? judgeAttachment({ name: a.name, content: base64Source(a.contentBase64) }) : undefined;
    return danger ? [{ name: a.name, danger }] : [];
  });
  if (refused.length > 0) problems.push({ problem: 'dangerous-file', files: refused });
  const size = measureOutgoingMessage(message);
  if (messageSizeVerdict(size.encodedBytes) === 'exceeds') problems.push({ problem: 'too-large', size });
  return { problems, size };
}

/**
 * The advice, not a limit: registered mail up to `adviceBytes` (the bridge's `registeredWarnBytes`) goes
 * without a word; above it the user is warned and may still send, up to IncaMail's 30 MB.
 */
export function largeRegisteredWarning(
  mode: SecureMode,
  size: MessageSize,
  adviceBytes: number,
): MessageWarning | undefined {
  return mode === 'registered' && size.encodedBytes > adviceBytes
    ? { warning: 'large-registered', bytes: size.encodedBytes, adviceBytes }
    : undefined;
}
