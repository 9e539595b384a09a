import type { SecureMode } from '../contract/modes';
import { base64Source } from '../contract/byte-source';
import { judgeAttachment } from '../contract/file-rule';
import { MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES } from '../contract/sends.schemas';
import type { RefusedFile } from './file-danger-strings';
import type { OutgoingMessage } from '../services/outgoing-message';

export type MessageProblem =
  | { problem: 'no-recipients' }
  | { problem: 'too-large'; bytes: number }
  | { problem: 'dangerous-file'; files: RefusedFile[] }
  | { problem: 'unsupported-attachment'; names: string[] }
  | { problem: 'inline-image'; names: string[] };

export type MessageWarning = { warning: 'large-registered'; bytes: number };

/**
 * Size of the message as it travels: attachments go base64-encoded in the MIME message (4/3 of the file),
 * and IncaMail's 30 MB limit applies to what it receives.
 */
export function messageBytes(message: OutgoingMessage): number {
  let bytes = new TextEncoder().encode(message.html).length + message.subject.length;
  for (const attachment of message.attachments) {
    if (attachment.kind === 'file') bytes += attachment.contentBase64.length;
  }
  return bytes;
}

export function checkOutgoingMessage(
  mode: SecureMode,
  message: OutgoingMessage,
): { problems: MessageProblem[]; warnings: MessageWarning[] } {
  const problems: MessageProblem[] = [];
  const warnings: MessageWarning[] = [];
  if (message.to.length + message.cc.length + message.bcc.length === 0) problems.push({ problem: 'no-recipients' });
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
  const bytes = messageBytes(message);
  if (bytes > MAX_MESSAGE_BYTES) problems.push({ problem: 'too-large', bytes });
  else if (mode === 'registered' && bytes > REGISTERED_WARN_BYTES)
    warnings.push({ warning: 'large-registered', bytes });
  return { problems, warnings };
}
