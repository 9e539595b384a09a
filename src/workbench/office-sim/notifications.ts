import { parseCommonParameters } from './async-result';
import type { SimNotification } from './compose-state';
import { OfficeArgumentError, throwIfOutOfRange } from './office-errors';
import { answer, type SimRuntime } from './sim-runtime';

/** Outlook keeps at most 5 notifications per item; keys up to 32 and messages up to 150 characters. */
export const MAX_NOTIFICATIONS = 5;
export const MAX_NOTIFICATION_LENGTH = 150;
export const MAX_NOTIFICATION_KEY_LENGTH = 32;

const TYPES: ReadonlySet<string> = new Set([
  'progressIndicator',
  'informationalMessage',
  'errorMessage',
  'insightMessage',
]);

function validate(key: unknown, details: unknown): SimNotification {
  if (typeof key !== 'string' || key === '') throw new OfficeArgumentError('Sys.ArgumentException', 'key');
  throwIfOutOfRange(key.length, 1, MAX_NOTIFICATION_KEY_LENGTH, 'key');
  if (typeof details !== 'object' || details === null)
    throw new OfficeArgumentError('Sys.ArgumentNullException', 'JSONmessage');
  const d = details as Record<string, unknown>;
  if (typeof d.type !== 'string' || !TYPES.has(d.type)) throw new OfficeArgumentError('Sys.ArgumentException', 'type');
  if (typeof d.message !== 'string' || d.message === '')
    throw new OfficeArgumentError('Sys.ArgumentException', 'message');
  throwIfOutOfRange(d.message.length, 1, MAX_NOTIFICATION_LENGTH, 'message');
  const type = d.type as SimNotification['type'];
  if (type === 'informationalMessage') {
    // Informational messages need an icon and a persistence flag; the others must not carry them.
    if (typeof d.icon !== 'string' || d.icon === '') throw new OfficeArgumentError('Sys.ArgumentException', 'icon');
    if (typeof d.persistent !== 'boolean') throw new OfficeArgumentError('Sys.ArgumentException', 'persistent');
    return { key, type, message: d.message, icon: d.icon, persistent: d.persistent };
  }
  if (d.icon !== undefined || d.persistent !== undefined) {
    throw new OfficeArgumentError('Sys.ArgumentException', d.icon !== undefined ? 'icon' : 'persistent');
  }
  return { key, type, message: d.message };
}

export function createNotificationMessages(runtime: SimRuntime): Office.NotificationMessages {
  const { state } = runtime;
  return {
    addAsync(key: unknown, details: unknown, ...rest: unknown[]) {
      const notification = validate(key, details);
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'notificationMessages.addAsync', callback, asyncContext, () => {
        const current = state.get().notifications;
        if (current.some((n) => n.key === notification.key)) return { error: 'DuplicateNotificationKey' };
        if (current.length >= MAX_NOTIFICATIONS) return { error: 'NumberOfNotificationsExceeded' };
        state.update({ notifications: [...current, notification] });
        return { value: undefined };
      });
    },
    getAllAsync(...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<Office.NotificationMessageDetails[]>(
        runtime,
        'notificationMessages.getAllAsync',
        callback,
        asyncContext,
        () => ({
          value: state.get().notifications.map((n) => ({ ...n }) as unknown as Office.NotificationMessageDetails),
        }),
      );
    },
    removeAsync(key: unknown, ...rest: unknown[]) {
      if (typeof key !== 'string' || key === '') throw new OfficeArgumentError('Sys.ArgumentException', 'key');
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'notificationMessages.removeAsync', callback, asyncContext, () => {
        const current = state.get().notifications;
        if (!current.some((n) => n.key === key)) return { error: 'NotificationKeyNotFound' };
        state.update({ notifications: current.filter((n) => n.key !== key) });
        return { value: undefined };
      });
    },
    replaceAsync(key: unknown, details: unknown, ...rest: unknown[]) {
      const notification = validate(key, details);
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'notificationMessages.replaceAsync', callback, asyncContext, () => {
        const current = state.get().notifications;
        const index = current.findIndex((n) => n.key === notification.key);
        // replaceAsync adds the notification when the key is new, so the limit of 5 applies then too.
        if (index < 0 && current.length >= MAX_NOTIFICATIONS) return { error: 'NumberOfNotificationsExceeded' };
        const next = index < 0 ? [...current, notification] : current.map((n, i) => (i === index ? notification : n));
        state.update({ notifications: next });
        return { value: undefined };
      });
    },
  } as unknown as Office.NotificationMessages;
}

/** What the person does when dismissing a notification in the workbench's bar (Outlook's close button). */
export function dismissNotification(runtime: SimRuntime, key: string): void {
  runtime.state.update({ notifications: runtime.state.get().notifications.filter((n) => n.key !== key) });
}
