import type { SecureMode } from './modes.js';

/**
 * IncaMail's marking, as Swiss Post's own Outlook add-in applies it: the subject starts with `<r>`, `<c>` or
 * `<p>`, and every recipient address carries the `.incamail.ch` suffix. Both routes share these rules: the
 * bridge marks what it submits by SMTP, the mailbox route marks the compose item itself. Marking is
 * idempotent (marking twice changes nothing) and reversible (unmarking gives back what the user wrote).
 */

export const SUBJECT_PREFIXES: Record<SecureMode, string> = { registered: '<r>', confidential: '<c>', personal: '<p>' };

export const DEFAULT_RECIPIENT_SUFFIX = '.incamail.ch';

/** RFC 5322 caps a header line and IncaMail's form at 255 characters; the contract holds subjects to it. */
export const MAX_SUBJECT_LENGTH = 255;

/** The longest subject that keeps every character once marked: room for the longest prefix. */
export const MAX_UNMARKED_SUBJECT_LENGTH =
  MAX_SUBJECT_LENGTH - Math.max(...Object.values(SUBJECT_PREFIXES).map((prefix) => prefix.length));

/** Any run of prefixes at the start, with blanks between them: `<c> <r>Offer` is one marked subject, not two. */
const LEADING_PREFIXES = /^(?:\s*<[rcp]>)+/i;
const MODE_BY_LETTER: Record<string, SecureMode> = { r: 'registered', c: 'confidential', p: 'personal' };

/** The subject without any IncaMail prefix. */
export function unmarkSubject(subject: string): string {
  return subject.replace(LEADING_PREFIXES, '');
}

/**
 * `<r>` + the subject without its previous prefix, so switching from confidential to registered replaces the
 * prefix instead of stacking a second one. Subjects that would pass 255 characters lose their tail (never in
 * the middle of a surrogate pair): reversibility holds for subjects of up to 252 characters.
 */
export function markSubject(subject: string, mode: SecureMode): string {
  return truncate(SUBJECT_PREFIXES[mode] + unmarkSubject(subject), MAX_SUBJECT_LENGTH);
}

/** The mode the subject's first prefix asks for, or `undefined` for an unmarked subject. */
export function subjectMode(subject: string): SecureMode | undefined {
  const match = /^\s*<([rcp])>/i.exec(subject);
  return match ? MODE_BY_LETTER[match[1]!.toLowerCase()] : undefined;
}

/** A suffix is a dot followed by DNS labels, e.g. `.incamail.ch` or a test gateway's `.gateway.test`. */
export function isValidRecipientSuffix(suffix: string): boolean {
  return /^(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i.test(suffix);
}

function hasSuffix(address: string, suffix: string): boolean {
  return address.length > suffix.length && address.toLowerCase().endsWith(suffix.toLowerCase());
}

/**
 * `max@example.org` → `max@example.org.incamail.ch`. Domains are case-insensitive, so an address already
 * ending in the suffix in any case is left as it is.
 */
export function markAddress(address: string, suffix: string = DEFAULT_RECIPIENT_SUFFIX): string {
  return hasSuffix(address, suffix) ? address : address + suffix;
}

/** The address as the user wrote it, without the IncaMail suffix. */
export function unmarkAddress(address: string, suffix: string = DEFAULT_RECIPIENT_SUFFIX): string {
  return hasSuffix(address, suffix) ? address.slice(0, address.length - suffix.length) : address;
}

export function isMarkedAddress(address: string, suffix: string = DEFAULT_RECIPIENT_SUFFIX): boolean {
  return hasSuffix(address, suffix);
}

export type Recipients = { to: string[]; cc: string[]; bcc: string[] };
export type MessageMarking = { subject: string; recipients: Recipients };

/** Marks subject and every recipient of a message for the given mode. */
export function markMessage(
  message: MessageMarking,
  mode: SecureMode,
  suffix: string = DEFAULT_RECIPIENT_SUFFIX,
): MessageMarking {
  const mark = (list: string[]) => list.map((address) => markAddress(address, suffix));
  const { to, cc, bcc } = message.recipients;
  return { subject: markSubject(message.subject, mode), recipients: { to: mark(to), cc: mark(cc), bcc: mark(bcc) } };
}

/** The inverse of `markMessage`, for showing the user what they wrote. */
export function unmarkMessage(message: MessageMarking, suffix: string = DEFAULT_RECIPIENT_SUFFIX): MessageMarking {
  const unmark = (list: string[]) => list.map((address) => unmarkAddress(address, suffix));
  const { to, cc, bcc } = message.recipients;
  return { subject: unmarkSubject(message.subject), recipients: { to: unmark(to), cc: unmark(cc), bcc: unmark(bcc) } };
}

function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  // A high surrogate left alone at the end would be half a character.
  return /[\uD800-\uDBFF]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** What the mailbox route remembers of a marked draft (item-state.ts, MarkingState), in marking's terms. */
export type MarkingMemory = { mode: SecureMode; subject: string; alreadySuffixed: string[] };

/**
 * Marks a draft in the compose window for the mailbox route. Idempotent: marking twice in one mode changes
 * nothing, and another mode replaces the prefix. The memory keeps what the user wrote before the first marking,
 * and records recipients added since unsuffixed as they are marked now.
 */
export function markDraft(
  draft: MessageMarking,
  mode: SecureMode,
  suffix: string,
  memory: MarkingMemory | undefined,
): { draft: MessageMarking; memory: MarkingMemory } {
  const all = [...draft.recipients.to, ...draft.recipients.cc, ...draft.recipients.bcc];
  // Addresses the user gave with the suffix before LedgerMail marked anything stay suffixed on removal.
  const alreadySuffixed = memory?.alreadySuffixed ?? all.filter((address) => isMarkedAddress(address, suffix));
  return {
    draft: markMessage(draft, mode, suffix),
    memory: { mode, subject: memory?.subject ?? draft.subject, alreadySuffixed },
  };
}

/**
 * Removes the mailbox route's marking: the subject the user wrote and every address without the suffix, but
 * for those that carried it before marking. Without a memory (marked by hand), the rules of unmarkMessage.
 */
export function unmarkDraft(draft: MessageMarking, suffix: string, memory: MarkingMemory | undefined): MessageMarking {
  const keep = new Set((memory?.alreadySuffixed ?? []).map((address) => address.toLowerCase()));
  const unmark = (list: string[]) =>
    list.map((address) => (keep.has(address.toLowerCase()) ? address : unmarkAddress(address, suffix)));
  const { to, cc, bcc } = draft.recipients;
  // The subject as the user wrote it, unless they changed its text since marking.
  const subject =
    memory && unmarkSubject(memory.subject) === unmarkSubject(draft.subject)
      ? memory.subject
      : unmarkSubject(draft.subject);
  return { subject, recipients: { to: unmark(to), cc: unmark(cc), bcc: unmark(bcc) } };
}
