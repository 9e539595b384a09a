import { AppError } from '../contract/errors';
import { AuthDialogMessageSchema } from './auth-dialog-protocol';

/**
 * Why signing in through the dialog did not give a token: `cancelled` (the person closed the dialog or
 * declined), `blocked` (the browser blocks the dialog window), `busy` (another dialog of the add-in is open),
 * `failed` (anything else: the setup, Entra, the network).
 */
export type SignInFailure = 'cancelled' | 'blocked' | 'busy' | 'failed';

export class SignInError extends AppError {
  constructor(
    readonly failure: SignInFailure,
    readonly detail: string,
    options: { cause?: unknown } = {},
  ) {
    super('unauthorized', `Signing in to LedgerMail did not complete (${failure}: ${detail}).`, options);
    this.name = 'SignInError';
  }
}

/** What the sign-in uses of Office: office.js in Outlook, the simulated Office in the workbench and tests. */
export type DialogOffice = {
  context: {
    ui: Pick<Office.UI, 'displayDialogAsync'>;
    requirements: Pick<Office.RequirementSetSupport, 'isSetSupported'>;
  };
  AsyncResultStatus: typeof Office.AsyncResultStatus;
  EventType: typeof Office.EventType;
};

/** displayDialogAsync's own failures (see Office's "Handle errors and events in the Office dialog box"). */
const OPEN_FAILURES: Readonly<Record<number, SignInFailure>> = {
  12007: 'busy', // a dialog is already open from this window
  12009: 'cancelled', // Outlook on the web: the person chose not to allow the dialog
  12011: 'blocked', // the browser blocks pop-ups
};
/** DialogEventReceived: the person closed the dialog (any other code: the dialog is still open, on an error). */
const CLOSED_BY_USER = 12006;
/** Outlook stops a function command after 5 minutes; a forgotten dialog must not hold the sign-in longer. */
const DEFAULT_TIMEOUT_MS = 4 * 60_000;

/**
 * Opens the sign-in dialog at `url` and resolves with the access token it hands back. Every way the dialog
 * can end settles the promise exactly once, and closes the dialog if it is still open: a message that is
 * not the protocol's, a message from another origin (where Office reports origins, DialogOrigin 1.1), an
 * error page in the dialog, or no answer within `timeoutMs` all fail, never hang.
 */
export function signInThroughDialog(
  office: DialogOffice,
  url: string,
  timeoutMs = DEFAULT_TIMEOUT_MS,
): Promise<string> {
  const expectedOrigin = new URL(url).origin;
  const originsReported = office.context.requirements.isSetSupported('DialogOrigin', '1.1');
  return new Promise<string>((resolve, reject) => {
    const onOpened = (result: Office.AsyncResult<Office.Dialog>) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        const code = result.error?.code;
        reject(new SignInError(OPEN_FAILURES[code] ?? 'failed', `Office dialog error ${code ?? 'unknown'}`));
        return;
      }
      const dialog = result.value;
      let settled = false;
      const settle = (closeDialog: boolean, outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        try {
          if (closeDialog) dialog.close();
        } catch {
          // The dialog is gone already; the outcome stands.
        } finally {
          outcome();
        }
      };
      const timer = setTimeout(
        () => settle(true, () => reject(new SignInError('cancelled', 'no answer from the sign-in dialog in time'))),
        timeoutMs,
      );
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (args) => {
        if (!('message' in args)) return;
        if ((originsReported || args.origin !== undefined) && args.origin !== expectedOrigin) {
          settle(true, () =>
            reject(new SignInError('failed', `message from an unexpected origin ${String(args.origin)}`)),
          );
          return;
        }
        const message = parseMessage(args.message);
        settle(true, () => {
          if (!message) reject(new SignInError('failed', 'the sign-in dialog answered something unreadable'));
          else if (message.status === 'signed-in') resolve(message.token);
          else reject(new SignInError(message.reason, message.detail));
        });
      });
      dialog.addEventHandler(office.EventType.DialogEventReceived, (args) => {
        if (!('error' in args)) return;
        const closedByUser = args.error === CLOSED_BY_USER;
        settle(!closedByUser, () =>
          reject(new SignInError(closedByUser ? 'cancelled' : 'failed', `Office dialog event ${args.error}`)),
        );
      });
    };
    try {
      office.context.ui.displayDialogAsync(url, { height: 60, width: 30, displayInIframe: false }, onOpened);
    } catch (error) {
      reject(new SignInError('failed', error instanceof Error ? error.message : String(error), { cause: error }));
    }
  });
}

function parseMessage(text: string) {
  try {
    const parsed = AuthDialogMessageSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
