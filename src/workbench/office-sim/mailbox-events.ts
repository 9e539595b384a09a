import { parseCommonParameters } from './async-result';
import { EventType } from './office-enums';
import { OfficeArgumentError } from './office-errors';
import { answer, type SimRuntime } from './sim-runtime';

const ITEM_CHANGED = EventType.ItemChanged as unknown as string;

/**
 * `Office.context.mailbox.addHandlerAsync` / `removeHandlerAsync` (Mailbox 1.5). Of the mailbox's events a
 * compose task pane gets only ItemChanged: a pinned pane moved to another item. Any other is refused, as
 * Outlook refuses an event it does not raise there.
 */
export function createMailboxEvents(
  runtime: SimRuntime,
): Pick<Office.Mailbox, 'addHandlerAsync' | 'removeHandlerAsync'> {
  return {
    addHandlerAsync(eventType: unknown, handler: unknown, ...rest: unknown[]) {
      if (typeof handler !== 'function') throw new OfficeArgumentError('Sys.ArgumentException', 'handler');
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'mailbox.addHandlerAsync', callback, asyncContext, () => {
        if (eventType !== ITEM_CHANGED) return { error: 'EventRegistrationError' };
        runtime.itemChangedHandlers.add(handler as never);
        return { value: undefined };
      });
    },
    removeHandlerAsync(eventType: unknown, ...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'mailbox.removeHandlerAsync', callback, asyncContext, () => {
        if (eventType !== ITEM_CHANGED) return { error: 'EventRegistrationError' };
        // Outlook removes every handler of the event type at once.
        runtime.itemChangedHandlers.clear();
        return { value: undefined };
      });
    },
  } as Pick<Office.Mailbox, 'addHandlerAsync' | 'removeHandlerAsync'>;
}

/** Outlook raises ItemChanged from its own task, once `Office.context.mailbox.item` is the new item. */
export function fireItemChanged(runtime: SimRuntime): void {
  const event = { type: ITEM_CHANGED };
  for (const handler of [...runtime.itemChangedHandlers]) setTimeout(() => handler(event), 0);
}
