import type { SendAttempt } from '../contract/item-state';
import type { SendRecord } from '../contract/sends.schemas';
import { SEND_REQUEST_TIMEOUT_MS, type SendsClient } from './sends-client';

/**
 * What became of the send a click had started on this draft, when the add-in opens on it again (the pane or
 * the command, after a reload, a closed window, a crash): the bridge's record under the send's key decides.
 * - `sent`: IncaMail accepted it (some recipients may have been refused: see the record);
 * - `sending`: the bridge has it and is still submitting it;
 * - `refused`: IncaMail refused it, or the bridge gave up: not sent;
 * - `uncertain`: the line broke after the message was handed over: it may have been delivered;
 * - `not-received-yet`: the bridge has nothing under the key, but the upload may still be under way;
 * - `not-received`: the bridge has nothing, and nothing can arrive any more: not sent.
 */
export type EarlierSend =
  | { outcome: 'sent' | 'sending' | 'refused' | 'uncertain'; record: SendRecord }
  | { outcome: 'not-received-yet' | 'not-received' };

/** Until the command's request times out the message may still arrive; a little more for a slow answer. */
export const ARRIVAL_WINDOW_MS = SEND_REQUEST_TIMEOUT_MS + 10_000;

export function judgeEarlierSend(attempt: SendAttempt, record: SendRecord | null, now: number): EarlierSend {
  if (!record) {
    return now - Date.parse(attempt.startedAt) <= ARRIVAL_WINDOW_MS
      ? { outcome: 'not-received-yet' }
      : { outcome: 'not-received' };
  }
  switch (record.status) {
    case 'accepted':
      return { outcome: 'sent', record };
    case 'failed':
      return { outcome: 'refused', record };
    case 'uncertain':
      return { outcome: 'uncertain', record };
    case 'received':
    case 'submitting':
      return { outcome: 'sending', record };
  }
}

/** Asks the bridge by the attempt's key; sends nothing. */
export async function lookUpEarlierSend(
  sends: Pick<SendsClient, 'findSendByKey'>,
  attempt: SendAttempt,
  now: number,
): Promise<EarlierSend> {
  return judgeEarlierSend(attempt, await sends.findSendByKey(attempt.key), now);
}

/** The recipients IncaMail refused, as submitted; the bridge's warning where a bridge gives no list. */
export function refusedRecipientsOf(record: SendRecord): string {
  return record.refusedRecipients.length > 0 ? record.refusedRecipients.join(', ') : (record.error?.message ?? '');
}
