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
  context: { ui: Pick<Office.UI, 'displayDialogAsync'> };
  AsyncResultStatus: typeof Office.AsyncResultStatus;
  EventType: typeof Office.EventType;
};

/** displayDialogAsync's own failures (see Office's "Handle errors and events in the Office dialog box"). */
const OPEN_FAILURES: Readonly<Record<number, SignInFailure>> = {
  12007: 'busy', // a dialog is already open from this window
  12009: 'cancelled', // Outlook on the web: the person chose not to allow the dialog
  12011: 'blocked', // the browser blocks pop-ups
};
/** DialogEventReceived: the person closed the dialog. */
const CLOSED_BY_USER = 12006;

/**
 * Opens the sign-in dialog at `url` and resolves with the access token it hands back. Every way the dialog
 * can end settles the promise exactly once, and the dialog is closed whenever it is still open: a message
 * that is not the protocol's, or one from another origin, is a failure, never ignored into a hang.
 */
export function signInThroughDialog(office: DialogOffice, url: string): Promise<string> {
  const expectedOrigin = new URL(url).origin;
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
        if (closeDialog) dialog.close();
        outcome();
      };
      dialog.addEventHandler(office.EventType.DialogMessageReceived, (args) => {
        if (!('message' in args)) return;
        if (args.origin !== undefined && args.origin !== expectedOrigin) {
          settle(true, () => reject(new SignInError('failed', `message from an unexpected origin ${args.origin}`)));
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
        const failure = args.error === CLOSED_BY_USER ? 'cancelled' : 'failed';
        settle(false, () => reject(new SignInError(failure, `Office dialog event ${args.error}`)));
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
