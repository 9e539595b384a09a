import type { SecureMode } from '../contract/modes';
import {
  base64DecodedBytes,
  measureMessage,
  messageSizeVerdict,
  REGISTERED_WARN_BYTES,
  type MessageSize,
} from '../contract/message-size';
import { isExecutableFileName } from '../contract/sends.schemas';
import type { OutgoingMessage } from '../services/outgoing-message';

export type MessageProblem =
  | { problem: 'no-recipients' }
  | { problem: 'too-large'; size: MessageSize }
  | { problem: 'executable'; names: string[] }
  | { problem: 'unsupported-attachment'; names: string[] }
  | { problem: 'inline-image'; names: string[] };

export type MessageWarning = { warning: 'large-registered'; bytes: number };

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
  const size = measureOutgoingMessage(message);
  if (messageSizeVerdict(size.encodedBytes) === 'exceeds') problems.push({ problem: 'too-large', size });
  else if (mode === 'registered' && size.encodedBytes > REGISTERED_WARN_BYTES)
    warnings.push({ warning: 'large-registered', bytes: size.encodedBytes });
  return { problems, warnings };
}
