import { AppError } from '../contract/errors';
import type { SecureMode } from '../contract/modes';
import type { SendRecord, SendRequestInput } from '../contract/sends.schemas';
import { OfficeCallError } from '../services/office-item';
import type { OutgoingItem, OutgoingMessage, SendState } from '../services/outgoing-message';
import { sha256Hex, type SendsClient } from '../services/sends-client';
import { checkOutgoingMessage } from './checks';
import type { CommandStrings } from './strings';

export type SecureSendOutcome = 'discarded' | 'sent-draft-kept' | 'refused' | 'failed' | 'uncertain' | 'pending';

export type SecureSendDeps = {
  item: OutgoingItem;
  sends: Pick<SendsClient, 'getPolicy' | 'submitSend' | 'getSend'>;
  strings: CommandStrings;
  /** Mailbox 1.14 (`closeAsync` with `discardItem`); Outlook on Mac and older hosts lack it. */
  canDiscard: boolean;
  sleep?: (ms: number) => Promise<void>;
  pollIntervalMs?: number;
  /** Function commands are stopped after 5 minutes; leave room to tell the user before that. */
  pollTimeoutMs?: number;
};

const wait = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

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
    const detail = error instanceof OfficeCallError ? String(error.officeCode ?? error.message) : String(error);
    await item.notify('error', strings.outlookFailed(detail));
    return 'refused';
  }

  const { problems, warnings } = checkOutgoingMessage(mode, message);
  if (problems[0]) {
    await item.notify('error', strings.problem(problems[0]));
    return 'refused';
  }

  try {
    const policy = await sends.getPolicy();
    if (!policy.modes.includes(mode)) {
      await item.notify('error', strings.modeNotAllowed(mode));
      return 'refused';
    }
  } catch (error) {
    await item.notify('error', strings.notSent(describe(error)));
    return 'refused';
  }

  let draftId: string;
  let state: SendState;
  try {
    [draftId, state] = [await item.draftId(), await item.loadSendState()];
  } catch (error) {
    await item.notify('error', strings.outlookFailed(describe(error)));
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
  // Same draft, same content, same generation → same key: a second click or a retry never sends twice.
  const key = (await sha256Hex(JSON.stringify([draftId, state.generation, request]))).slice(0, 48);

  const warning = warnings[0];
  await item.notify(
    'progress',
    warning
      ? `${strings.largeRegistered((warning.bytes / 1024 / 1024).toFixed(1))} ${strings.sending(mode)}`
      : strings.sending(mode),
  );

  let record: SendRecord;
  try {
    record = await sends.submitSend(key, request);
    record = await awaitFinalStatus(record, deps);
  } catch (error) {
    await item.notify('error', strings.notSent(describe(error)));
    return 'failed';
  }
  return finish(mode, record, state, deps);
}

async function awaitFinalStatus(record: SendRecord, deps: SecureSendDeps): Promise<SendRecord> {
  const sleep = deps.sleep ?? wait;
  const deadline = Date.now() + (deps.pollTimeoutMs ?? 120_000);
  let current = record;
  while ((current.status === 'received' || current.status === 'submitting') && Date.now() < deadline) {
    await sleep(deps.pollIntervalMs ?? 500);
    current = await deps.sends.getSend(current.id);
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
  const reference = record.messageId ?? record.id;
  switch (record.status) {
    case 'accepted':
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
      // A deliberate new click after a refusal is a new attempt, not a replay of the refused one.
      await item.saveSendState({ ...state, generation: state.generation + 1 });
      await item.notify('error', strings.refused(record.smtpResponse ?? record.error?.message ?? record.status));
      return 'failed';
    case 'uncertain':
      await item.saveSendState({ ...state, generation: state.generation + 1 });
      await item.notify('error', strings.uncertain);
      return 'uncertain';
    default:
      await item.notify('info', strings.pending);
      return 'pending';
  }
}

function describe(error: unknown): string {
  if (error instanceof AppError) return error.message;
  if (error instanceof OfficeCallError) return error.message;
  return 'an unexpected error occurred.';
}

const CONTENT_TYPES: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  gif: 'image/gif',
  txt: 'text/plain',
  csv: 'text/csv',
  xml: 'application/xml',
  zip: 'application/zip',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/** Outlook does not tell a file attachment's MIME type; the extension is what mail clients go by too. */
export function contentTypeOf(fileName: string): string {
  return CONTENT_TYPES[fileName.split('.').pop()?.toLowerCase() ?? ''] ?? 'application/octet-stream';
}
