import { AppError } from '../contract/errors';

/**
 * Promise wrappers over the Office.js callback APIs LedgerMail uses. Each wrapper rejects with an AppError
 * `office_error` carrying Office's error code, and never throws inside an Office callback.
 */
export function officeCallError(operation: string, officeCode: number | string | undefined, message: string) {
  return new AppError('office_error', `${operation} failed: ${message}`, { officeCode });
}

export function settle<T>(
  operation: string,
  run: (callback: (result: Office.AsyncResult<T>) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      run((result) => {
        if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
        else reject(officeCallError(operation, result.error?.code, result.error?.message ?? 'unknown error'));
      });
    } catch (error) {
      reject(officeCallError(operation, undefined, error instanceof Error ? error.message : String(error)));
    }
  });
}

/** `lasting`: an informational message that stays until it is replaced or removed (the mailbox route's marking). */
export type NotificationKind = 'progress' | 'info' | 'lasting' | 'error';

/** Outlook keeps at most 5 notifications per item of at most 150 characters each. */
export const NOTIFICATION_MAX_LENGTH = 150;

export function truncateNotification(message: string): string {
  return message.length <= NOTIFICATION_MAX_LENGTH ? message : `${message.slice(0, NOTIFICATION_MAX_LENGTH - 1)}…`;
}

/** Shows (or replaces) the notification with this key on the item being composed. */
export async function showNotification(
  item: Office.MessageCompose,
  key: string,
  kind: NotificationKind,
  message: string,
): Promise<void> {
  const text = truncateNotification(message);
  const details: Office.NotificationMessageDetails =
    kind === 'progress'
      ? { type: Office.MailboxEnums.ItemNotificationMessageType.ProgressIndicator, message: text }
      : kind === 'error'
        ? { type: Office.MailboxEnums.ItemNotificationMessageType.ErrorMessage, message: text }
        : {
            type: Office.MailboxEnums.ItemNotificationMessageType.InformationalMessage,
            message: text,
            icon: 'Icon.16',
            persistent: kind === 'lasting',
          };
  await settle<void>('notificationMessages.replaceAsync', (cb) =>
    item.notificationMessages.replaceAsync(key, details, cb),
  );
}
