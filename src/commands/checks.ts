import type { SecureMode } from '../contract/modes';
import { isExecutableFileName, MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES } from '../contract/sends.schemas';
import type { OutgoingMessage } from '../services/outgoing-message';

export type MessageProblem =
  | { problem: 'no-recipients' }
  | { problem: 'too-large'; bytes: number }
  | { problem: 'executable'; names: string[] }
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
  const executables = message.attachments.map((a) => a.name).filter(isExecutableFileName);
  if (executables.length > 0) problems.push({ problem: 'executable', names: executables });
  const bytes = messageBytes(message);
  if (bytes > MAX_MESSAGE_BYTES) problems.push({ problem: 'too-large', bytes });
  else if (mode === 'registered' && bytes > REGISTERED_WARN_BYTES)
    warnings.push({ warning: 'large-registered', bytes });
  return { problems, warnings };
}
