import type { CommandRun } from './command-runs';

/**
 * Smart Alerts as Outlook shows them when the person clicks Send (`OnMessageSend`, Mailbox 1.12), after
 * Microsoft's "Handle OnMessageSend and OnAppointmentSend events with Smart Alerts": the manifest's send mode
 * decides what the dialog offers, the handler's `sendModeOverride` (1.14) can only turn it into PromptUser, and
 * an add-in that fails to load or run lets the message go under PromptUser and SoftBlock, never under Block.
 */
export type SendMode = 'PromptUser' | 'SoftBlock' | 'Block';
export const SEND_MODES: readonly SendMode[] = ['PromptUser', 'SoftBlock', 'Block'];

/** The manifest's `<LaunchEvent Type="OnMessageSend" FunctionName=… SendMode=…/>`. */
export type OnSendLaunchEvent = { functionName: string; sendMode: SendMode };

export type SmartAlertChoice = 'dont-send' | 'send-anyway' | 'try-later' | 'take-action';

export type SmartAlert = {
  /** `blocked`: the handler said no; `unavailable`: it failed to load or threw; `timed-out`: 5 minutes passed. */
  kind: 'blocked' | 'unavailable' | 'timed-out';
  message: string;
  /** errorMessageMarkdown, shown by Outlooks with Mailbox 1.15. */
  markdown?: string;
  choices: readonly SmartAlertChoice[];
  /**
   * Mailbox 1.14: the handler's `commandId` (a task pane of the manifest) and its button's `cancelLabel`. As in
   * Outlook on the web and new Outlook, the button is Take Action beside Don't Send; it opens that pane.
   */
  takeAction?: { label: string; commandId: string };
};

/** Outlook's text when a handler blocks without saying why. */
export const DEFAULT_BLOCK_MESSAGE = 'LedgerMail is preventing this email from being sent.';

type Completed = {
  allowEvent?: unknown;
  errorMessage?: unknown;
  errorMessageMarkdown?: unknown;
  sendModeOverride?: unknown;
  cancelLabel?: unknown;
  commandId?: unknown;
};

/** What Outlook does once the handler's run ended: send (undefined), or show this alert. */
export function smartAlertOf(run: CommandRun, sendMode: SendMode, mailboxVersion: string): SmartAlert | undefined {
  const anyway: SmartAlertChoice[] = ['send-anyway', 'dont-send'];
  if (run.status === 'not-associated' || run.status === 'threw') {
    // The add-in is unavailable: PromptUser and SoftBlock let the person send unchecked, Block waits for it.
    return {
      kind: 'unavailable',
      message: 'LedgerMail is unavailable and could not check this message.',
      choices: sendMode === 'Block' ? ['try-later'] : ['send-anyway', 'try-later'],
    };
  }
  if (run.status === 'timed-out') {
    return {
      kind: 'timed-out',
      message: 'LedgerMail took too long to check this message.',
      choices: sendMode === 'PromptUser' ? anyway : ['dont-send'],
    };
  }
  if (run.status !== 'completed') throw new Error(`The send event is still ${run.status}`);
  const answer = (
    typeof run.completedWith === 'object' && run.completedWith !== null ? run.completedWith : {}
  ) as Completed;
  if (answer.allowEvent === true) return undefined;
  const prompt = sendMode === 'PromptUser' || (atLeast(mailboxVersion, 14) && answer.sendModeOverride === 'promptUser');
  const markdown =
    atLeast(mailboxVersion, 15) && typeof answer.errorMessageMarkdown === 'string'
      ? answer.errorMessageMarkdown
      : undefined;
  const takeAction =
    atLeast(mailboxVersion, 14) && typeof answer.commandId === 'string'
      ? {
          label: typeof answer.cancelLabel === 'string' ? answer.cancelLabel : 'Take Action',
          commandId: answer.commandId,
        }
      : undefined;
  const choices: SmartAlertChoice[] = prompt ? anyway : ['dont-send'];
  return {
    kind: 'blocked',
    message:
      typeof answer.errorMessage === 'string' && answer.errorMessage !== ''
        ? answer.errorMessage
        : DEFAULT_BLOCK_MESSAGE,
    ...(markdown === undefined ? {} : { markdown }),
    choices: takeAction ? ['take-action', ...choices] : choices,
    ...(takeAction ? { takeAction } : {}),
  };
}

const atLeast = (version: string, minor: number) => Number(version.split('.')[1]) >= minor;
