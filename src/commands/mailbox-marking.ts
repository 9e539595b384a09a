import { markDraft, unmarkDraft, type MessageMarking } from '../contract/marking';
import type { SecureMode } from '../contract/modes';
import type { Policy } from '../contract/sends.schemas';
import type { OutgoingItem, OutgoingMessage } from '../services/outgoing-message';
import { officeCodeOf } from '../services/error-explanations';
import type { MarkingStrings } from './marking-strings';

export type MarkingDeps = {
  item: Pick<OutgoingItem, 'loadMarking' | 'writeMarking' | 'notify'>;
  strings: MarkingStrings;
  recipientSuffix: string;
  now?: () => number;
};

const draftOf = (message: Pick<OutgoingMessage, 'subject' | 'to' | 'cc' | 'bcc'>): MessageMarking => ({
  subject: message.subject,
  recipients: { to: message.to, cc: message.cc, bcc: message.bcc },
});

/**
 * Registered / Confidential on the mailbox route: the draft itself is marked (subject prefix, every recipient
 * suffixed) and leaves through the user's own mailbox when they click Send; Exchange routes the marked
 * addresses to IncaMail. Idempotent, and a second mode replaces the first. A lasting notification says so,
 * with the way back. The caller has checked the message and the mode against the policy.
 */
export async function markForIncaMail(
  mode: SecureMode,
  message: OutgoingMessage,
  policy: Pick<Policy, 'modes'>,
  deps: MarkingDeps,
): Promise<'marked' | 'refused'> {
  const { item, strings } = deps;
  if (!policy.modes.includes(mode)) return 'refused';
  try {
    const stored = await item.loadMarking();
    const { draft, memory } = markDraft(draftOf(message), mode, deps.recipientSuffix, stored);
    const markedAt = new Date((deps.now ?? Date.now)()).toISOString();
    await item.writeMarking(draft, { ...memory, markedAt: stored?.markedAt ?? markedAt });
  } catch (error) {
    await item.notify('error', strings.outlookFailed(officeCodeOf(error) || String(error)));
    return 'refused';
  }
  await item.notify('lasting', strings.marked(mode));
  return 'marked';
}

/** Remove IncaMail marking: subject and recipients exactly as the user wrote them, the memory gone. */
export async function removeIncaMailMarking(
  deps: MarkingDeps & { item: Pick<OutgoingItem, 'readAddressing'> },
): Promise<'removed' | 'not-marked' | 'failed'> {
  const { item, strings } = deps;
  try {
    const stored = await item.loadMarking();
    const current = draftOf(await item.readAddressing());
    const unmarked = unmarkDraft(current, deps.recipientSuffix, stored);
    if (!stored && JSON.stringify(unmarked) === JSON.stringify(current)) {
      await item.notify('info', strings.notMarked);
      return 'not-marked';
    }
    await item.writeMarking(unmarked, undefined);
  } catch (error) {
    await item.notify('error', strings.outlookFailed(officeCodeOf(error) || String(error)));
    return 'failed';
  }
  await item.notify('info', strings.removed);
  return 'removed';
}
