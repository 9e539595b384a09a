import type { SecureMode } from '../contract/modes';
import { MAX_MESSAGE_BYTES, REGISTERED_WARN_BYTES } from '../contract/sends.schemas';
import type { OutgoingMessage } from '../services/outgoing-message';

/**
 * File types IncaMail refuses as executable. Checked here so the user learns it before anything leaves,
 * instead of from a refusal after the submission.
 */
const EXECUTABLE_EXTENSIONS = new Set([
  'app',
  'bat',
  'cmd',
  'com',
  'cpl',
  'dll',
  'exe',
  'hta',
  'jar',
  'js',
  'jse',
  'lnk',
  'msi',
  'msp',
  'pif',
  'ps1',
  'reg',
  'scr',
  'sh',
  'vb',
  'vbe',
  'vbs',
  'wsf',
  'wsh',
]);

export type MessageProblem =
  | { problem: 'no-recipients' }
  | { problem: 'too-large'; bytes: number }
  | { problem: 'executable'; names: string[] }
  | { problem: 'unsupported-attachment'; names: string[] };

export type MessageWarning = { warning: 'large-registered'; bytes: number };

/** Decoded size of a base64 string, without decoding it. */
export function base64Bytes(base64: string): number {
  const padding = base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0;
  return (base64.length / 4) * 3 - padding;
}

/** Approximate size of the message as submitted: body and attachments (MIME encoding comes on top). */
export function messageBytes(message: OutgoingMessage): number {
  let bytes = new TextEncoder().encode(message.html).length + message.subject.length;
  for (const attachment of message.attachments) {
    if (attachment.kind === 'file') bytes += base64Bytes(attachment.contentBase64);
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
  const unsupported = message.attachments.filter((a) => a.kind === 'unsupported').map((a) => a.name);
  if (unsupported.length > 0) problems.push({ problem: 'unsupported-attachment', names: unsupported });
  const executables = message.attachments
    .map((a) => a.name)
    .filter((name) => EXECUTABLE_EXTENSIONS.has(name.split('.').pop()?.toLowerCase() ?? ''));
  if (executables.length > 0) problems.push({ problem: 'executable', names: executables });
  const bytes = messageBytes(message);
  if (bytes > MAX_MESSAGE_BYTES) problems.push({ problem: 'too-large', bytes });
  else if (mode === 'registered' && bytes > REGISTERED_WARN_BYTES)
    warnings.push({ warning: 'large-registered', bytes });
  return { problems, warnings };
}
