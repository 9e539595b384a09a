import { contentTypeOf } from '../contract/content-types';
import { AppError } from '../contract/errors';
import type { SendAttempt, SendState } from '../contract/item-state';
import type { SecureMode } from '../contract/modes';
import type { Policy, SendRecord } from '../contract/sends.schemas';
import type { SendRequestInput } from '../contract/send-request.schemas';
import { lookUpEarlierSend, type EarlierSend } from '../services/earlier-send';
import { officeCodeOf } from '../services/error-explanations';
import type { OutgoingItem, OutgoingMessage } from '../services/outgoing-message';
import { sha256Hex, type SendsClient } from '../services/sends-client';
import { checkOutgoingMessage, largeRegisteredWarning, type MessageWarning } from './checks';
import { describe, nextAttempt, reportSentEarlier, settleSend } from './secure-send-outcome';
import { markForIncaMail } from './mailbox-marking';
import type { MarkingStrings } from './marking-strings';
import type { CommandStrings } from './strings';

export type SecureSendOutcome =
  | 'discarded'
  | 'sent-draft-kept'
  | 'refused'
  | 'failed'
  | 'uncertain'
  | 'pending'
  /** Registered mail over the advised size: warned, nothing sent; a second click sends it. */
  | 'awaiting-confirmation'
  /** The mailbox route: the draft is marked for IncaMail and goes when the user clicks Send. */
  | 'marked';

export type SecureSendDeps = {
  item: OutgoingItem;
  sends: Pick<SendsClient, 'getPolicy' | 'submitSend' | 'getSend' | 'findSendByKey'>;
  strings: CommandStrings;
  markingStrings: MarkingStrings;
  /** Mailbox 1.14 (`closeAsync` with `discardItem`); Outlook on Mac and older hosts lack it. */
  canDiscard: boolean;
  /** Function commands are stopped after 5 minutes; leave room to tell the user before that. */
  settleTimeoutMs?: number;
  /**
   * How long one request may wait on the bridge for IncaMail's answer. Below the bridge client's time-out
   * (the handlers give it two minutes), so a held request is not taken for an unreachable bridge.
   */
  waitSeconds?: number;
  /** The user's clock (milliseconds): when a size warning was confirmed, and when a send started. */
  now?: () => number;
};

/**
 * A size warning is answered by a second click on the same message (docs/decisions/009): not sooner than the
 * warning can be read (a double click is no answer), and not so late that the user has forgotten it.
 */
const CONFIRM_AFTER_MS = 2_000;
const CONFIRM_WITHIN_MS = 10 * 60_000;

/**
 * The Registered / Confidential command: check the message, hand it to the bridge under an idempotency key
 * that belongs to this draft and its content, wait for IncaMail's answer, and discard the draft only after
 * IncaMail accepted it. Every failure leaves subject, recipients, body and attachments as they were. A draft
 * whose send an earlier click started (and could not finish: a reload, a closed window) is first asked about
 * at the bridge, so that the user learns what became of it and nothing goes twice.
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
    if (!policy.modes.includes(mode)) {
      await item.notify('error', strings.modeNotAllowed(mode));
      return 'refused';
    }
  } catch (error) {
    await item.notify('error', strings.notSent(describe(error, strings)));
    return 'refused';
  }

  // The mailbox route marks the draft; it leaves through the user's own mailbox when they click Send.
  if (policy.route === 'mailbox') {
    const marking = { item, strings: deps.markingStrings, recipientSuffix: policy.recipientSuffix };
    return (await markForIncaMail(mode, message, policy, marking)) === 'marked' ? 'marked' : 'refused';
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
  const now = (deps.now ?? Date.now)();
  let generation = state.generation;
  let key = await sendKey(draftId, generation);
  if (state.attempt?.key === key) {
    const earlier = await askAboutEarlierSend(state.attempt, deps, now);
    switch (earlier?.outcome) {
      case 'sent':
        return reportSentEarlier(earlier.record, deps);
      case 'sending':
        await item.notify('progress', strings.stillSending(earlier.record.mode, earlier.record.createdAt));
        return settleSend(earlier.record, state, deps);
      case 'uncertain':
        // It may have been delivered: never again without the user's deliberate next click.
        await item.notify('error', strings.uncertain);
        await nextAttempt(item, state);
        return 'uncertain';
      case 'refused':
        // That send is over (the user may never have read why): this click is a new attempt, under a new key.
        generation += 1;
        key = await sendKey(draftId, generation);
        break;
      default:
        // Nothing reached the bridge, or it may still arrive, or the bridge could not be asked: the same key,
        // so that the message arrives once at most.
        break;
    }
  }

  const warning = largeRegisteredWarning(mode, size, policy.registeredWarnBytes);
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

  // Recorded on the draft before the message leaves: whatever interrupts this command, the add-in opened
  // on the draft again knows which key to ask the bridge about.
  const attempt: SendAttempt = { key, generation, mode, startedAt: iso(now) };
  const sending: SendState = { generation, attempt };
  try {
    await item.saveSendState(sending);
    // Outlook on Windows keeps a compose item's custom properties only once the item is saved again.
    await item.draftId();
  } catch (error) {
    await item.notify('error', strings.outlookFailed(describe(error, strings)));
    return 'refused';
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
      // The bridge refused it before recording anything: no send to ask about later.
      await item.saveSendState({ generation }).catch(() => undefined);
      return 'failed';
    }
    // The request may have reached the bridge before the line broke: the outcome is unknown. The same key
    // on the next click replays whatever the bridge recorded, so telling the user to click again is safe.
    await item.notify('error', strings.unknownOutcome(describe(error, strings)));
    return 'pending';
  }
  return settleSend(record, sending, deps);
}

/**
 * One key per saved draft and attempt, independent of the content: Outlook may reformat the HTML between two
 * reads, and a second click must replay the first send, never make a second registered letter. A changed
 * draft under the same key is refused by the bridge (409), and the user is told it went already.
 */
async function sendKey(draftId: string, generation: number): Promise<string> {
  return (await sha256Hex(JSON.stringify([draftId, generation]))).slice(0, 48);
}

/** What the bridge recorded under the earlier attempt's key; undefined where the bridge cannot be asked. */
async function askAboutEarlierSend(
  attempt: SendAttempt,
  deps: SecureSendDeps,
  now: number,
): Promise<EarlierSend | undefined> {
  try {
    return await lookUpEarlierSend(deps.sends, attempt, now);
  } catch {
    return undefined;
  }
}

/** Whether this click answers the warning shown for this very message (same size, to the byte) a moment ago. */
function confirms(state: SendState, warning: MessageWarning, now: number): boolean {
  const shown = state.sizeWarning;
  if (!shown || shown.encodedBytes !== warning.bytes) return false;
  const age = now - Date.parse(shown.shownAt);
  return age >= CONFIRM_AFTER_MS && age <= CONFIRM_WITHIN_MS;
}

const iso = (ms: number) => new Date(ms).toISOString();
