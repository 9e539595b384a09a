import type { SendState } from '../contract/item-state';
import type { SendRecord } from '../contract/sends.schemas';
import { refusedRecipientsOf } from '../services/earlier-send';
import { describeError } from '../services/error-explanations';
import type { OutgoingItem } from '../services/outgoing-message';
import type { SecureSendDeps, SecureSendOutcome } from './secure-send';
import type { CommandStrings } from './strings';

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** A bridge that answers a wait at once without a settled send is not holding it: ask again no faster than this. */
const MIN_ASK_INTERVAL_MS = 500;

/**
 * Waits for IncaMail's answer to a send the bridge holds, tells the user, and discards the draft only once
 * IncaMail accepted the message. `state` is the draft's send state with this send's attempt in it.
 */
export async function settleSend(
  record: SendRecord,
  state: SendState,
  deps: SecureSendDeps,
): Promise<SecureSendOutcome> {
  let settled: SendRecord;
  try {
    settled = await awaitFinalStatus(record, deps);
  } catch {
    await deps.item.notify('info', deps.strings.pending);
    return 'pending';
  }
  return finish(settled, state, deps);
}

/** Waits on the bridge (`GET /api/sends/:id?wait=`) until IncaMail answered or the deadline has passed. */
async function awaitFinalStatus(record: SendRecord, deps: SecureSendDeps): Promise<SendRecord> {
  const deadline = Date.now() + (deps.settleTimeoutMs ?? 120_000);
  const unsettled = (r: SendRecord) => r.status === 'received' || r.status === 'submitting';
  let current = record;
  while (unsettled(current) && Date.now() < deadline) {
    const asked = Date.now();
    const waitSeconds = Math.max(1, Math.min(deps.waitSeconds ?? 25, Math.ceil((deadline - asked) / 1000)));
    current = await deps.sends.getSend(current.id, { waitSeconds });
    const early = MIN_ASK_INTERVAL_MS - (Date.now() - asked);
    if (unsettled(current) && early > 0) await pause(Math.min(early, deadline - Date.now()));
  }
  return current;
}

async function finish(record: SendRecord, state: SendState, deps: SecureSendDeps): Promise<SecureSendOutcome> {
  const { item, strings } = deps;
  const { mode } = record;
  const reference = referenceOf(record);
  switch (record.status) {
    case 'accepted':
      if (record.error) {
        // IncaMail took the message but refused some recipients: keep the draft so nothing is lost.
        await item.notify('error', strings.partlyRefused(reference, refusedRecipientsOf(record)));
        return 'sent-draft-kept';
      }
      if (!deps.canDiscard) {
        await item.notify('info', strings.acceptedKeepDraft(mode, reference));
        return 'sent-draft-kept';
      }
      await item.notify('info', strings.accepted(mode, reference));
      try {
        await item.discard();
      } catch {
        await item.notify('info', strings.acceptedKeepDraft(mode, reference));
        return 'sent-draft-kept';
      }
      return 'discarded';
    case 'failed':
      await item.notify('error', strings.refused(record.smtpResponse ?? record.error?.message ?? record.status));
      // A deliberate new click after a refusal is a new attempt, not a replay of the refused one.
      await nextAttempt(item, state);
      return 'failed';
    case 'uncertain':
      await item.notify('error', strings.uncertain);
      await nextAttempt(item, state);
      return 'uncertain';
    default:
      await item.notify('info', strings.pending);
      return 'pending';
  }
}

/**
 * A send IncaMail accepted, found on a click after the command that sent it was interrupted: the user is
 * told when it went, nothing is sent again, and the draft is left for the user to delete (it may hold the
 * only trace of the message in Outlook).
 */
export async function reportSentEarlier(record: SendRecord, deps: SecureSendDeps): Promise<SecureSendOutcome> {
  const { item, strings } = deps;
  const reference = referenceOf(record);
  await item.notify(
    record.error ? 'error' : 'info',
    record.error
      ? strings.partlyRefused(reference, refusedRecipientsOf(record))
      : strings.sentEarlier(record.mode, record.acceptedAt ?? record.updatedAt, reference),
  );
  return 'sent-draft-kept';
}

/**
 * Saving the attempt counter is best effort: the user has already been told the outcome. The attempt stays
 * recorded, so that the pane can still say what became of it.
 */
export async function nextAttempt(item: OutgoingItem, state: SendState): Promise<void> {
  try {
    await item.saveSendState({
      generation: state.generation + 1,
      ...(state.attempt ? { attempt: state.attempt } : {}),
    });
  } catch {
    // Without it the next click replays this outcome instead of trying again; nothing is sent twice.
  }
}

/** The send's id opens its Message-ID (`<id.ledgermail@…>`): its first characters find it in receipts and logs. */
const referenceOf = (record: SendRecord) => record.id.slice(0, 8);

/** A notification has no room for the bridge's detail: the reason in the user's language wherever one exists. */
export function describe(error: unknown, strings: CommandStrings): string {
  return describeError(error, strings.errors, 'never');
}
