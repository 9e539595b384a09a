import { bytesSource, type ByteSource } from './byte-source.js';
import type { DocumentKind, DocumentStatus, ReminderLevel } from './documents.schemas.js';
import { judgeAttachment, type FileDanger } from './file-rule.js';
import { isMarkedAddress, subjectMode, type Recipients } from './marking.js';
import { MAX_MESSAGE_BYTES, messageSizeVerdict, type MessageSize } from './message-size.js';
import type { SecureMode } from './modes.js';

/**
 * The send guard's decision: what Outlook's Smart Alerts (`OnMessageSend`, SoftBlock) should do with the
 * message the user just sent, and why. Pure and synchronous: the event handler reads the item, asks the
 * bridge about the documents, and hands everything here as plain data, so every rule is tested without Office.
 */

/** A LedgerMail document the message carries, as the bridge answers for it now (not as it was when attached). */
export type GuardDocument = {
  id: string;
  number: string;
  kind: DocumentKind;
  level: ReminderLevel | null;
  status: DocumentStatus;
};

export type GuardAttachment = {
  name: string;
  contentType?: string;
  /**
   * The file's bytes. Without them the file is judged by its name and declared type only, and a ZIP is
   * refused as unreadable: what it holds cannot be judged (the IncaMail path fails closed).
   */
  content?: ByteSource;
};

export type GuardInput = {
  route: 'relay' | 'mailbox';
  subject: string;
  recipients: Recipients;
  recipientSuffix: string;
  /** What LedgerMail's mailbox-route marking stored on the item (custom properties); undefined when none. */
  marking: { mode: SecureMode } | undefined;
  allowedModes: readonly SecureMode[];
  attachments: readonly GuardAttachment[];
  /** The message as IncaMail counts it (`measureMessage`): the limit applies to the encoded size. */
  size: MessageSize;
  registeredWarnBytes: number;
  /**
   * The bridge's answer for the documents the item records as attached (`[]` when it records none), or
   * `'unavailable'` when the bridge could not be asked.
   */
  documents: readonly GuardDocument[] | 'unavailable';
  policy: { level3Registered: boolean };
};

export type GuardFile = { name: string; danger: FileDanger };

/** Ordered by harm: silent misdelivery first, then documents that must not go, then what IncaMail refuses. */
export type GuardReason =
  /** Relay route: the bridge sends secure mail, Outlook's Send would bypass it (and its outbox and receipts). */
  | { reason: 'marked-by-hand-on-relay'; mode: SecureMode | undefined }
  /** LedgerMail marked it, the prefix is gone: IncaMail would send it as confidential without a word. */
  | { reason: 'prefix-removed'; mode: SecureMode }
  /** LedgerMail marked it for one mode, the subject now asks for another. */
  | { reason: 'prefix-changed'; mode: SecureMode; subjectMode: SecureMode }
  /** These would get the message as plain e-mail, outside IncaMail. */
  | { reason: 'unsuffixed-recipients'; addresses: string[] }
  | { reason: 'mode-not-allowed'; mode: SecureMode }
  | { reason: 'paid-since-attached'; numbers: string[] }
  | { reason: 'cancelled-since-attached'; numbers: string[] }
  | { reason: 'level3-needs-registered'; numbers: string[] }
  | { reason: 'dangerous-file'; files: GuardFile[] }
  | { reason: 'too-large'; size: MessageSize; maxBytes: number }
  | { reason: 'large-registered'; encodedBytes: number; adviceBytes: number };

export type GuardReasonTag = GuardReason['reason'];

/** Warn lets the user "Send anyway" (Smart Alerts' SoftBlock); block makes them fix the message first. */
export const GUARD_REASON_ACTION: Record<GuardReasonTag, 'block' | 'warn'> = {
  'marked-by-hand-on-relay': 'block',
  'prefix-removed': 'block',
  'prefix-changed': 'block',
  'unsuffixed-recipients': 'block',
  'mode-not-allowed': 'block',
  'paid-since-attached': 'block',
  'cancelled-since-attached': 'block',
  'level3-needs-registered': 'block',
  'dangerous-file': 'block',
  'too-large': 'block',
  'large-registered': 'warn',
};

export type GuardDecision =
  { action: 'allow' } | { action: 'block'; reasons: GuardReason[] } | { action: 'warn'; reasons: GuardReason[] };

/**
 * What marks the message for IncaMail. `ledgermail`: LedgerMail's mailbox-route marking is stored on the item.
 * `hand`: a typed prefix or a suffixed address, `mode` undefined when only addresses carry the marking.
 */
export type MessageMarkingState =
  { marked: 'no' } | { marked: 'ledgermail'; mode: SecureMode } | { marked: 'hand'; mode: SecureMode | undefined };

type MarkingInput = Pick<GuardInput, 'route' | 'subject' | 'recipients' | 'recipientSuffix' | 'marking'>;

const allRecipients = ({ to, cc, bcc }: Recipients) => [...to, ...cc, ...bcc];

/**
 * The stored marking counts on the mailbox route only, where LedgerMail marks the item itself; on the relay
 * route the ribbon commands never leave one, so only what is visible in the message can mark it there.
 */
export function markingOf(input: MarkingInput): MessageMarkingState {
  if (input.route === 'mailbox' && input.marking !== undefined) {
    return { marked: 'ledgermail', mode: input.marking.mode };
  }
  const mode = subjectMode(input.subject);
  const suffixed = allRecipients(input.recipients).some((a) => isMarkedAddress(a, input.recipientSuffix));
  return mode !== undefined || suffixed ? { marked: 'hand', mode } : { marked: 'no' };
}

/**
 * The modes the user may end up sending in: the one they chose, and the one the subject asks for if it
 * differs. A hand marking without a prefix is confidential, which is what IncaMail makes of it.
 */
function modesInPlay(marking: Exclude<MessageMarkingState, { marked: 'no' }>, subject: string): SecureMode[] {
  const chosen = marking.mode ?? 'confidential';
  const typed = subjectMode(subject);
  return typed === undefined || typed === chosen ? [chosen] : [chosen, typed];
}

function markingReasons(input: GuardInput, marking: Exclude<MessageMarkingState, { marked: 'no' }>): GuardReason[] {
  if (input.route === 'relay') return [{ reason: 'marked-by-hand-on-relay', mode: marking.mode }];
  const reasons: GuardReason[] = [];
  const typed = subjectMode(input.subject);
  if (marking.marked === 'ledgermail') {
    if (typed === undefined) reasons.push({ reason: 'prefix-removed', mode: marking.mode });
    else if (typed !== marking.mode) reasons.push({ reason: 'prefix-changed', mode: marking.mode, subjectMode: typed });
  }
  const unsuffixed = allRecipients(input.recipients).filter((a) => !isMarkedAddress(a, input.recipientSuffix));
  if (unsuffixed.length > 0) reasons.push({ reason: 'unsuffixed-recipients', addresses: unsuffixed });
  for (const mode of modesInPlay(marking, input.subject)) {
    if (!input.allowedModes.includes(mode)) reasons.push({ reason: 'mode-not-allowed', mode });
  }
  return reasons;
}

/**
 * Registered for every recipient: only the mailbox route can send registered mail through Outlook's Send,
 * with the `<r>` prefix and every address suffixed. On the relay route registered mail leaves through the
 * bridge (the Registered button), never through Send.
 */
function goesRegistered(input: GuardInput): boolean {
  return (
    input.route === 'mailbox' &&
    subjectMode(input.subject) === 'registered' &&
    allRecipients(input.recipients).every((a) => isMarkedAddress(a, input.recipientSuffix))
  );
}

function documentReasons(input: GuardInput, documents: readonly GuardDocument[]): GuardReason[] {
  const reasons: GuardReason[] = [];
  // A document attached twice is named once.
  const numbersOf = (list: readonly GuardDocument[]) => [...new Set(list.map((d) => d.number))];
  const numbers = (status: DocumentStatus) => numbersOf(documents.filter((d) => d.status === status));
  const paid = numbers('paid');
  if (paid.length > 0) reasons.push({ reason: 'paid-since-attached', numbers: paid });
  const cancelled = numbers('cancelled');
  if (cancelled.length > 0) reasons.push({ reason: 'cancelled-since-attached', numbers: cancelled });
  if (input.policy.level3Registered && !goesRegistered(input)) {
    const level3 = numbersOf(documents.filter((d) => d.kind === 'reminder' && d.level === 3));
    if (level3.length > 0) reasons.push({ reason: 'level3-needs-registered', numbers: level3 });
  }
  return reasons;
}

const NO_CONTENT = bytesSource(new Uint8Array(0));

/** IncaMail's own limits, for a message that reaches it (or would, through the buttons). */
function limitReasons(input: GuardInput, marking: Exclude<MessageMarkingState, { marked: 'no' }>): GuardReason[] {
  const reasons: GuardReason[] = [];
  const files = input.attachments.flatMap((file) => {
    const danger = judgeAttachment({
      name: file.name,
      content: file.content ?? NO_CONTENT,
      ...(file.contentType === undefined ? {} : { contentType: file.contentType }),
    });
    return danger ? [{ name: file.name, danger }] : [];
  });
  if (files.length > 0) reasons.push({ reason: 'dangerous-file', files });
  const { encodedBytes } = input.size;
  if (messageSizeVerdict(encodedBytes) === 'exceeds') {
    reasons.push({ reason: 'too-large', size: input.size, maxBytes: MAX_MESSAGE_BYTES });
  } else if (modesInPlay(marking, input.subject).includes('registered') && encodedBytes > input.registeredWarnBytes) {
    // Advice, not a limit (decision 009): exactly at it goes without a word; above 30 MB the refusal says it all.
    reasons.push({ reason: 'large-registered', encodedBytes, adviceBytes: input.registeredWarnBytes });
  }
  return reasons;
}

const ORDER = Object.keys(GUARD_REASON_ACTION) as GuardReasonTag[];

/**
 * Marking checks fail closed (they need nothing but the item); document checks fail open when the bridge
 * could not be asked, because a send guard that stops all mail while the bridge is down is worse than none.
 */
export function evaluateSend(input: GuardInput): GuardDecision {
  const marking = markingOf(input);
  const reasons: GuardReason[] = [];
  if (marking.marked !== 'no') reasons.push(...markingReasons(input, marking), ...limitReasons(input, marking));
  if (input.documents !== 'unavailable') reasons.push(...documentReasons(input, input.documents));
  if (reasons.length === 0) return { action: 'allow' };
  reasons.sort((a, b) => ORDER.indexOf(a.reason) - ORDER.indexOf(b.reason));
  const action = reasons.some((r) => GUARD_REASON_ACTION[r.reason] === 'block') ? 'block' : 'warn';
  return { action, reasons };
}
