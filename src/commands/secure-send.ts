import { contentTypeOf } from '../contract/content-types';
import { AppError } from '../contract/errors';
import type { SendState } from '../contract/item-state';
import type { SecureMode } from '../contract/modes';
import type { Policy, SendRecord, SendRequestInput } from '../contract/sends.schemas';
import { describeError, officeCodeOf } from '../services/error-explanations';
import type { OutgoingItem, OutgoingMessage } from '../services/outgoing-message';
import { sha256Hex, type SendsClient } from '../services/sends-client';
import { checkOutgoingMessage, largeRegisteredWarning, type MessageWarning } from './checks';
import type { CommandStrings } from './strings';

export type SecureSendOutcome =
  | 'discarded'
  | 'sent-draft-kept'
  | 'refused'
  | 'failed'
  | 'uncertain'
  | 'pending'
  /** Registered mail over the advised size: warned, nothing sent; a second click sends it. */
  | 'awaiting-confirmation';

export type SecureSendDeps = {
  item: OutgoingItem;
  sends: Pick<SendsClient, 'getPolicy' | 'submitSend' | 'getSend'>;
  strings: CommandStrings;
  /** Mailbox 1.14 (`closeAsync` with `discardItem`); Outlook on Mac and older hosts lack it. */
  canDiscard: boolean;
  /** Function commands are stopped after 5 minutes; leave room to tell the user before that. */
  settleTimeoutMs?: number;
  /**
   * How long one request may wait on the bridge for IncaMail's answer. Below the bridge client's time-out
   * (the handlers give it two minutes), so a held request is not taken for an unreachable bridge.
   */
  waitSeconds?: number;
  /** The user's clock (milliseconds), for the confirmation of a size warning. */
  now?: () => number;
};

const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
/** A bridge that answers a wait at once without a settled send is not holding it: ask again no faster than this. */
const MIN_ASK_INTERVAL_MS = 500;
/**
 * A size warning is answered by a second click on the same message (docs/decisions/009): not sooner than the
 * warning can be read (a double click is no answer), and not so late that the user has forgotten it.
 */
const CONFIRM_AFTER_MS = 2_000;
const CONFIRM_WITHIN_MS = 10 * 60_000;

/**
 * The Registered / Confidential command: check the message, hand it to the bridge under an idempotency key
 * that belongs to this draft and its content, wait for IncaMail's answer, and discard the draft only after
 * IncaMail accepted it. Every failure leaves subject, recipients, body and attachments as they were.
 */
export async function runSecureSend(mode: SecureMode, deps: SecureSendDeps): Promise<SecureSendOutcome> {
  const { item, sends, strings } = deps;
  await item.notify('progress', strings.checking);

  let message: OutgoingMessage;
  try {
    message = await item.read();
  } catch (error) {
    await item.notify('error', strings.outlookFailed(officeCodeOf(error) || describe(error, strings)));
    return 'refused';
  }

  const { problems, size } = checkOutgoingMessage(message);
  if (problems[0]) {
    await item.notify('error', strings.problem(problems[0]));
    return 'refused';
  }

  let policy: Policy;
  try {
    policy = await sends.getPolicy();
    if (policy.route !== 'relay') {
      await item.notify('error', strings.noRelay);
      return 'refused';
    }
    if (!policy.modes.includes(mode)) {
      await item.notify('error', strings.modeNotAllowed(mode));
      return 'refused';
    }
  } catch (error) {
    await item.notify('error', strings.notSent(describe(error, strings)));
    return 'refused';
  }

  let draftId: string;
  let state: SendState;
  try {
    [draftId, state] = [await item.draftId(), await item.loadSendState()];
  } catch (error) {
    await item.notify('error', strings.outlookFailed(describe(error, strings)));
    return 'refused';
  }
  const request: SendRequestInput = {
    mode,
    from: message.from,
    to: message.to,
    cc: message.cc,
    bcc: message.bcc,
    subject: message.subject,
    html: message.html,
    attachments: message.attachments.flatMap((a) =>
      a.kind === 'file' ? [{ name: a.name, contentType: contentTypeOf(a.name), contentBase64: a.contentBase64 }] : [],
    ),
    documentIds: message.documentIds,
  };
  // One key per saved draft and attempt, independent of the content: Outlook may reformat the HTML between
  // two reads, and a second click must replay the first send, never make a second registered letter. A
  // changed draft under the same key is refused by the bridge (409), and the user is told it went already.
  const key = (await sha256Hex(JSON.stringify([draftId, state.generation]))).slice(0, 48);

  const warning = largeRegisteredWarning(mode, size, policy.registeredWarnBytes);
  const now = (deps.now ?? Date.now)();
  if (warning && !confirms(state, warning, now)) {
    // A notification offers no button: the answer is a second click on the same message (decision 009).
    try {
      await item.saveSendState({ ...state, sizeWarning: { encodedBytes: warning.bytes, shownAt: iso(now) } });
    } catch (error) {
      await item.notify('error', strings.outlookFailed(describe(error, strings)));
      return 'refused';
    }
    await item.notify('info', strings.largeRegistered(warning.bytes, warning.adviceBytes));
    return 'awaiting-confirmation';
  }
  await item.notify('progress', strings.sending(mode));

  let record: SendRecord;
  try {
    record = await sends.submitSend(key, request);
  } catch (error) {
    if (error instanceof AppError && error.code === 'conflict') {
      await item.notify('error', strings.alreadySent);
      return 'refused';
    }
    if (error instanceof AppError && error.status < 500 && error.code !== 'timeout') {
      await item.notify('error', strings.notSent(describe(error, strings)));
      return 'failed';
    }
    // The request may have reached the bridge before the line broke: the outcome is unknown. The same key
    // on the next click replays whatever the bridge recorded, so telling the user to click again is safe.
    await item.notify('error', strings.unknownOutcome(describe(error, strings)));
    return 'pending';
  }
  try {
    record = await awaitFinalStatus(record, deps);
  } catch {
    await item.notify('info', strings.pending);
    return 'pending';
  }
  return finish(mode, record, state, deps);
}

/** Whether this click answers the warning shown for this very message (same size, to the byte) a moment ago. */
function confirms(state: SendState, warning: MessageWarning, now: number): boolean {
  const shown = state.sizeWarning;
  if (!shown || shown.encodedBytes !== warning.bytes) return false;
  const age = now - Date.parse(shown.shownAt);
  return age >= CONFIRM_AFTER_MS && age <= CONFIRM_WITHIN_MS;
}

const iso = (ms: number) => new Date(ms).toISOString();

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

async function finish(
  mode: SecureMode,
  record: SendRecord,
  state: SendState,
  deps: SecureSendDeps,
): Promise<SecureSendOutcome> {
  const { item, strings } = deps;
  // The send's id opens its Message-ID (`<id.ledgermail@…>`): its first characters find it in receipts and logs.
  const reference = record.id.slice(0, 8);
  switch (record.status) {
    case 'accepted':
      if (record.error) {
        // IncaMail took the message but refused some recipients: keep the draft so nothing is lost.
        await item.notify('error', strings.partlyRefused(reference, refusedRecipients(record)));
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

/** Saving the attempt counter is best effort: the user has already been told the outcome. */
async function nextAttempt(item: OutgoingItem, state: SendState): Promise<void> {
  try {
    await item.saveSendState({ generation: state.generation + 1 });
  } catch {
    // Without it the next click replays this outcome instead of trying again; nothing is sent twice.
  }
}

/** A notification has no room for the bridge's detail: the reason in the user's language wherever one exists. */
function describe(error: unknown, strings: CommandStrings): string {
  return describeError(error, strings.errors, 'never');
}

/** The recipients IncaMail refused, as submitted; the bridge's warning where a bridge gives no list. */
export function refusedRecipients(record: SendRecord): string {
  return record.refusedRecipients.length > 0 ? record.refusedRecipients.join(', ') : (record.error?.message ?? '');
}
