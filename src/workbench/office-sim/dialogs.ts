import { deliver, failed, parseCommonParameters, succeeded } from './async-result';
import { OfficeArgumentError, type OutlookErrorName } from './office-errors';
import { EventType } from './office-enums';
import type { SimRuntime } from './sim-runtime';

/** DialogEventReceived's code when the person closes the dialog window. */
export const DIALOG_CLOSED_BY_USER = 12006;

/**
 * One dialog the add-in opened with `Office.context.ui.displayDialogAsync`, as the host sees it. The
 * simulator does not load the page: a test or the workbench plays the dialog's side, the page's
 * `messageParent` or the person closing the window.
 */
export type SimulatedDialog = {
  readonly url: string;
  readonly options: Readonly<Record<string, unknown>> | undefined;
  /** Open until the add-in closes it or the person does. */
  readonly isOpen: boolean;
  /**
   * The dialog page calls `Office.context.ui.messageParent(message)`. The add-in sees `origin` (the page's
   * by default) where the host reports origins (DialogOrigin 1.1), undefined elsewhere.
   */
  messageParent(message: string, origin?: string): void;
  /** The person closes the dialog window: the add-in gets DialogEventReceived 12006. */
  closeByUser(): void;
  /** The page in the dialog failed to load (12002) or went to http (12003); the dialog stays open. */
  failToLoad(code?: 12002 | 12003): void;
};

type Handler = (args: { message: string; origin: string | undefined } | { error: number }) => void;

/**
 * The dialog API of the simulated host: one dialog at a time per window (12007 otherwise), an absolute
 * https URL (http only on loopback, where the workbench and the tests run the bridge without TLS), events
 * delivered from a task of their own as Outlook does, and faults injected with `failNext('displayDialogAsync', …)`.
 */
export function createDialogHost(runtime: SimRuntime, host: { reportsOrigin: boolean }) {
  const opened: SimulatedDialog[] = [];
  const listeners = new Set<(dialog: SimulatedDialog) => void>();

  function displayDialogAsync(startAddress: string, ...args: unknown[]): void {
    const { options, callback, asyncContext } = parseCommonParameters(args, false);
    let url: URL;
    try {
      url = new URL(startAddress);
    } catch {
      throw new OfficeArgumentError('Sys.ArgumentException', 'startAddress', 'Relative URLs are not allowed.');
    }
    const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(url.hostname);
    const refusal: OutlookErrorName | undefined =
      runtime.takeFault('displayDialogAsync') ??
      (url.protocol !== 'https:' && !(loopback && url.protocol === 'http:') ? 'DialogRequiresHttps' : undefined) ??
      (opened.some((dialog) => dialog.isOpen) ? 'DialogAlreadyOpened' : undefined);
    if (refusal) {
      deliver(callback, failed(refusal, asyncContext), runtime.latencyMs());
      return;
    }

    const handlers = new Map<string, Set<Handler>>();
    let isOpen = true;
    const raise = (eventType: string, args: Parameters<Handler>[0]) => {
      for (const handler of [...(handlers.get(eventType) ?? [])]) setTimeout(() => handler(args), 0);
    };
    const hostSide: SimulatedDialog = {
      url: url.href,
      options,
      get isOpen() {
        return isOpen;
      },
      messageParent(message, origin = url.origin) {
        const reported = host.reportsOrigin ? origin : undefined;
        if (isOpen) raise(EventType.DialogMessageReceived as unknown as string, { message, origin: reported });
      },
      failToLoad(code = 12002) {
        if (isOpen) raise(EventType.DialogEventReceived as unknown as string, { error: code });
      },
      closeByUser() {
        if (!isOpen) return;
        isOpen = false;
        raise(EventType.DialogEventReceived as unknown as string, { error: DIALOG_CLOSED_BY_USER });
      },
    };
    const addinSide = {
      close() {
        isOpen = false;
      },
      addEventHandler(eventType: Office.EventType, handler: Handler) {
        const key = eventType as unknown as string;
        handlers.set(key, new Set([...(handlers.get(key) ?? []), handler]));
      },
      messageChild() {
        // LedgerMail's dialog needs nothing from its opener after it opened.
      },
    } as unknown as Office.Dialog;
    opened.push(hostSide);
    // The page loads after the add-in got its Dialog object and registered its handlers.
    setTimeout(() => {
      callback?.(succeeded(addinSide, asyncContext));
      for (const listener of [...listeners]) listener(hostSide);
    }, runtime.latencyMs());
  }

  return {
    ui: { displayDialogAsync } as Pick<Office.UI, 'displayDialogAsync'>,
    host: {
      /** Every dialog opened so far, the newest last. */
      opened: (): readonly SimulatedDialog[] => opened,
      /** Called whenever the add-in opens a dialog. */
      onOpen(listener: (dialog: SimulatedDialog) => void): () => void {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    },
  };
}
