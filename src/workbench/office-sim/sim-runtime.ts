import { deliver, failed, succeeded, type Callback } from './async-result';
import type { ComposeState, MailboxVersion, RecipientField } from './compose-state';
import type { DraftsFolder } from './drafts-folder';
import type { OutlookErrorName } from './office-errors';

/**
 * What the facades share: the item state, the simulated host's settings, injected faults and the event
 * handlers the add-in registered. One runtime serves every frame that binds to the simulator.
 */
export type SimRuntime = {
  state: ComposeState;
  /** Where saveAsync keeps the draft and closeAsync with discardItem removes it. */
  drafts: DraftsFolder;
  /** The highest Mailbox requirement set the simulated host supports. */
  version(): MailboxVersion;
  latencyMs(): number;
  /** A fault queued by a test or the workbench for the next call of this API, taken once. */
  takeFault(api: string): OutlookErrorName | undefined;
  /** How often the add-in called each API (refused calls included), for tests that check a call was avoided. */
  calls: Map<string, number>;
  /** The body text the person has selected; Outlook's cursor sits at the end of the body when empty. */
  selection: string;
  recipientsChangedHandlers: Set<(event: RecipientsChangedEvent) => void>;
  fireRecipientsChanged(fields: readonly RecipientField[]): void;
  attachmentsChangedHandlers: Set<(event: AttachmentsChangedEvent) => void>;
  /** Registered on the mailbox, not the item: they outlive an item change (a pinned task pane). */
  itemChangedHandlers: Set<(event: { type: string }) => void>;
  /** Outlook raises AttachmentsChanged (Mailbox 1.8) for the person's and the add-in's changes alike. */
  fireAttachmentsChanged(status: 'added' | 'removed', attachment: { id: string; name: string }): void;
};

export type AttachmentsChangedEvent = {
  type: string;
  attachmentStatus: 'added' | 'removed';
  attachmentDetails: { id: string; name: string };
};

export type RecipientsChangedEvent = {
  type: string;
  changedRecipientFields: { to: boolean; cc: boolean; bcc: boolean };
};

export function versionAtLeast(version: MailboxVersion | string, minimum: string): boolean {
  const [major, minor] = version.split('.').map(Number) as [number, number];
  const [wantMajor, wantMinor = 0] = minimum.split('.').map(Number) as [number, number?];
  return major > wantMajor || (major === wantMajor && minor >= (wantMinor ?? 0));
}

export function countCall(runtime: SimRuntime, api: string): void {
  runtime.calls.set(api, (runtime.calls.get(api) ?? 0) + 1);
}

/** Answers a call: the injected fault if one is queued for `api`, otherwise the computed outcome. */
export function answer<T>(
  runtime: SimRuntime,
  api: string,
  callback: Callback<T> | undefined,
  asyncContext: unknown,
  outcome: () => { value: T } | { error: OutlookErrorName },
): void {
  if (answeredWithFault(runtime, api, callback, asyncContext)) return;
  settleWith(runtime, callback, asyncContext, outcome());
}

/**
 * As `answer`, for an outcome that takes time of its own (the draft written to the Drafts folder): the
 * callback comes once it is done, and `onFailure` names Outlook's error if it fails.
 */
export function answerWhenDone<T>(
  runtime: SimRuntime,
  api: string,
  callback: Callback<T> | undefined,
  asyncContext: unknown,
  outcome: () => Promise<{ value: T } | { error: OutlookErrorName }>,
  onFailure: OutlookErrorName,
): void {
  if (answeredWithFault(runtime, api, callback, asyncContext)) return;
  outcome().then(
    (result) => settleWith(runtime, callback, asyncContext, result),
    () => settleWith(runtime, callback, asyncContext, { error: onFailure }),
  );
}

/** Counts the call and answers it with the fault queued for `api`, if there is one. */
function answeredWithFault<T>(
  runtime: SimRuntime,
  api: string,
  callback: Callback<T> | undefined,
  asyncContext: unknown,
): boolean {
  countCall(runtime, api);
  const fault = runtime.takeFault(api);
  if (fault) deliver(callback, failed<T>(fault, asyncContext), runtime.latencyMs());
  return fault !== undefined;
}

function settleWith<T>(
  runtime: SimRuntime,
  callback: Callback<T> | undefined,
  asyncContext: unknown,
  result: { value: T } | { error: OutlookErrorName },
): void {
  deliver(
    callback,
    'error' in result ? failed<T>(result.error, asyncContext) : succeeded(result.value, asyncContext),
    runtime.latencyMs(),
  );
}
