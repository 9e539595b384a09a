import { base64Source } from '../contract/byte-source';
import { contentTypeOf } from '../contract/content-types';
import type { Language } from '../contract/locale';
import { DEFAULT_RECIPIENT_SUFFIX } from '../contract/marking';
import { REGISTERED_WARN_BYTES } from '../contract/message-size';
import { SECURE_MODES } from '../contract/modes';
import {
  evaluateSend,
  markingOf,
  type GuardDocument,
  type GuardInput,
  type GuardReasonTag,
} from '../contract/send-guard';
import type { Policy } from '../contract/sends.schemas';
import type { OutgoingItem, OutgoingMessage } from '../services/outgoing-message';
import { measureOutgoingMessage } from './checks';
import { guardMarkdown, guardMessage, guardPaneLabel } from './send-guard-strings';

/** What Outlook's OnMessageSend handler answers through `event.completed` (Office's SmartAlertsEventCompletedOptions). */
export type GuardAnswer =
  | { allowEvent: true }
  | {
      allowEvent: false;
      errorMessage: string;
      /** Mailbox 1.15; Outlooks without it show `errorMessage`. */
      errorMessageMarkdown?: string;
      /** Mailbox 1.14: the manifest's SoftBlock offers no Send Anyway, a warning asks for it. */
      sendModeOverride?: 'promptUser';
      /** Mailbox 1.14: a button of the alert (at most 20 characters) that opens the task pane `commandId`. */
      cancelLabel?: string;
      commandId?: string;
    };

/** What the Outlook that raised the event can show in its Smart Alert. */
export type GuardOutlook = {
  /**
   * Mailbox 1.14: `sendModeOverride: promptUser`, the only way a SoftBlock alert offers Send Anyway, and
   * `cancelLabel` with `commandId`, a button of the alert that opens the task pane.
   */
  alertActions: boolean;
  /** `errorMessageMarkdown` (Mailbox 1.15). */
  markdown: boolean;
};

/** The manifest's id of the Invoices button (ShowTaskpane), which the alert's button opens. */
export const TASK_PANE_COMMAND_ID = 'LedgerMail.Invoices';

/** Reasons mended in the task pane, where the document can be seen and taken off: not with the ribbon. */
const PANE_REASONS: ReadonlySet<GuardReasonTag> = new Set([
  'paid-since-attached',
  'cancelled-since-attached',
  'level3-needs-registered',
]);

/**
 * How long the guard waits for the bridge's answers, all questions together: Outlook tells the user the add-in
 * "is taking longer than expected" after 5 seconds, and a SoftBlock alert then offers no way to send.
 */
export const GUARD_BRIDGE_DEADLINE_MS = 4_000;

export type GuardDeps = {
  item: Pick<OutgoingItem, 'read' | 'loadMarking'>;
  /** The bridge's policy; rejects when the bridge cannot be asked in time. */
  policy: () => Promise<Policy>;
  /** The bridge's current view of the documents the message carries; rejects when it cannot be asked. */
  documents: (ids: string[]) => Promise<GuardDocument[]>;
  language: Language;
  outlook: GuardOutlook;
  /** GUARD_BRIDGE_DEADLINE_MS unless a test shortens it. */
  bridgeDeadlineMs?: number;
};

/** The answer, or `late` once the deadline passed; the question goes on unheard. */
function withinDeadline<T, L>(answer: Promise<T>, ms: number, late: L): Promise<T | L> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<L>((resolve) => {
    timer = setTimeout(() => resolve(late), ms);
  });
  return Promise.race([answer, deadline]).finally(() => clearTimeout(timer));
}

/**
 * The send guard on Outlook's Send (Smart Alerts, SoftBlock). Ordinary mail goes at once, without asking the
 * bridge: a send guard must never stop all mail. A marked message or one carrying LedgerMail documents is
 * judged by evaluateSend: without the bridge its marking is still checked (fail closed), while the checks that
 * need the bridge (documents paid since) step aside (fail open).
 */
export async function guardSend(deps: GuardDeps): Promise<GuardAnswer> {
  let message: OutgoingMessage;
  let marking: Awaited<ReturnType<OutgoingItem['loadMarking']>>;
  try {
    [message, marking] = await Promise.all([deps.item.read(), deps.item.loadMarking()]);
  } catch {
    // Nothing can be judged of an item Outlook will not read; holding every message back would stop all mail.
    return { allowEvent: true };
  }
  const recipients = { to: message.to, cc: message.cc, bcc: message.bcc };
  // Marked by hand (a typed prefix or suffix) or by LedgerMail: judged whatever the route turns out to be.
  const handMarked = markingOf({
    route: 'relay',
    subject: message.subject,
    recipients,
    recipientSuffix: DEFAULT_RECIPIENT_SUFFIX,
    marking: undefined,
  });
  if (!marking && message.documentIds.length === 0 && handMarked.marked === 'no') return { allowEvent: true };
  // Asked together, within one deadline: each answer that is missing then steps aside (fail open).
  const deadline = deps.bridgeDeadlineMs ?? GUARD_BRIDGE_DEADLINE_MS;
  const [policy, documents] = await Promise.all([
    withinDeadline(deps.policy(), deadline, undefined).catch(() => undefined),
    message.documentIds.length === 0
      ? []
      : withinDeadline(deps.documents(message.documentIds), deadline, 'unavailable' as const).catch(
          () => 'unavailable' as const,
        ),
  ]);
  const input: GuardInput = {
    // Without the bridge the route is unknown: judged as the mailbox route, whose checks hold on either route
    // (prefix, suffixes, limits). Only "marked by hand on the relay route" needs the bridge's word, and steps aside.
    route: policy?.route ?? 'mailbox',
    subject: message.subject,
    recipients,
    recipientSuffix: policy?.recipientSuffix ?? DEFAULT_RECIPIENT_SUFFIX,
    marking: marking ? { mode: marking.mode } : undefined,
    allowedModes: policy?.modes ?? SECURE_MODES,
    attachments: message.attachments.flatMap((a) =>
      a.kind === 'file'
        ? [{ name: a.name, contentType: contentTypeOf(a.name), content: base64Source(a.contentBase64) }]
        : [],
    ),
    size: measureOutgoingMessage(message),
    registeredWarnBytes: policy?.registeredWarnBytes ?? REGISTERED_WARN_BYTES,
    documents,
    policy: { level3Registered: policy?.level3Registered ?? false },
  };
  const decision = evaluateSend(input);
  if (decision.action === 'allow') return { allowEvent: true };
  // A warning that could only block would stop a message IncaMail takes: below 1.14 it lets the send go.
  if (decision.action === 'warn' && !deps.outlook.alertActions) return { allowEvent: true };
  const markdown = deps.outlook.markdown ? guardMarkdown(decision, deps.language) : undefined;
  const inPane = deps.outlook.alertActions && decision.reasons.some((r) => PANE_REASONS.has(r.reason));
  return {
    allowEvent: false,
    errorMessage: guardMessage(decision, deps.language),
    ...(markdown === undefined ? {} : { errorMessageMarkdown: markdown }),
    ...(decision.action === 'warn' ? { sendModeOverride: 'promptUser' as const } : {}),
    ...(inPane ? { cancelLabel: guardPaneLabel(deps.language), commandId: TASK_PANE_COMMAND_ID } : {}),
  };
}
