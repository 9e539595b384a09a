/**
 * The Outlook error codes the simulator answers with, as office.js registers them (Outlook's own table in
 * the outlook host scripts, the common table of office.js for the rest): the number in `error.code`, the
 * name in `error.name`, the en-US text in `error.message`. Product code compares `code`, so the numbers are
 * what must be exact; office-js-conformance.test.ts holds all three against the real library.
 *
 * Note: the reference documentation calls 9025 `NumberOfNotificationMessagesExceeded`; the runtime names
 * it `NumberOfNotificationsExceeded`, and that is what an add-in sees, so the simulator does the same.
 */
export const OUTLOOK_ERRORS = {
  InvalidCoercionType: {
    code: 1000,
    name: 'Invalid Coercion Type',
    message: 'The specified coercion type is not supported.',
  },
  EventRegistrationError: {
    code: 5003,
    name: 'Event Registration Error',
    message: 'The specified event handler was not found for this binding.',
  },
  AttachmentSizeExceeded: {
    code: 9000,
    name: 'AttachmentSizeExceeded',
    message: 'The attachment cannot be added because it is too big.',
  },
  NumberOfAttachmentsExceeded: {
    code: 9001,
    name: 'NumberOfAttachmentsExceeded',
    message: 'Attachments cannot be added because the message already has the maximum number of attachments',
  },
  InternalFormatError: { code: 9002, name: 'InternalFormatError', message: 'There was an internal format error.' },
  InvalidAttachmentId: { code: 9003, name: 'InvalidAttachmentId', message: 'The attachment ID was invalid.' },
  AttachmentUploadGeneralFailure: {
    code: 9007,
    name: 'AttachmentUploadGeneralFailure',
    message: 'The attachment cannot be added to the item.',
  },
  NumberOfRecipientsExceeded: {
    code: 9012,
    name: 'NumberOfRecipientsExceeded',
    message: "The total number of recipients in the field can't exceed 500.",
  },
  SaveError: {
    code: 9021,
    name: 'SaveError',
    message: 'Connection error occurred while trying to save the item on the server.',
  },
  DuplicateNotificationKey: {
    code: 9023,
    name: 'DuplicateNotificationKey',
    message: 'A notification with the provided key already exists.',
  },
  NotificationKeyNotFound: {
    code: 9024,
    name: 'NotificationKeyNotFound',
    message: 'There are no notifications with the provided key.',
  },
  NumberOfNotificationsExceeded: {
    code: 9025,
    name: 'NumberOfNotificationsExceeded',
    message: "The notification couldn't be added because the notification limit has been reached.",
  },
  // The dialog API's own failures (codes from Office's "Handle errors and events in the Office dialog box";
  // names and messages as office.js's common error table has them).
  DialogDomainNotTrusted: {
    code: 12004,
    name: 'Display Dialog Error',
    message:
      'The domain of the URL is not included in the AppDomains element in the manifest, and is not subdomain of source location.',
  },
  DialogRequiresHttps: {
    code: 12005,
    name: 'Display Dialog Error',
    message: 'The HTTP protocol is not supported. Use HTTPS instead',
  },
  DialogAlreadyOpened: {
    code: 12007,
    name: 'Display Dialog Error',
    message: 'The operation failed because this add-in already has an active dialog.',
  },
  DialogIgnoredByUser: {
    code: 12009,
    name: 'Display Dialog Error',
    message: 'The user chose to ignore the dialog box.',
  },
  DialogPopupBlocked: {
    code: 12011,
    name: 'Display Dialog Error',
    message:
      'Browser restrictions prevented us from creating the dialog box. The domain of dialog box and the domain of the add-in host are not in the same security zone.',
  },
  NetworkError: {
    code: 9041,
    name: 'NetworkError',
    message: 'The user is no longer connected to the network. Please check your network connection and try again.',
  },
} as const satisfies Record<string, Office.Error>;

export type OutlookErrorName = keyof typeof OUTLOOK_ERRORS;

/**
 * Outlook validates arguments before it talks to the host and throws synchronously (MicrosoftAjax's
 * `Sys.ArgumentException` family) instead of calling back: a subject over 255 characters, a notification
 * over 150, an empty attachment name. The simulator throws the same way, so code that only handles the
 * callback is caught here as it would be in Outlook.
 */
export class OfficeArgumentError extends Error {
  constructor(
    readonly kind: 'Sys.ArgumentException' | 'Sys.ArgumentOutOfRangeException' | 'Sys.ArgumentNullException',
    readonly paramName: string,
    detail?: string,
  ) {
    super(`${kind}: ${detail ?? 'Value does not fall within the expected range.'}\nParameter name: ${paramName}`);
    this.name = kind;
  }
}

export function throwIfOutOfRange(value: number, min: number, max: number, paramName: string): void {
  if (value < min || value > max) {
    throw new OfficeArgumentError(
      'Sys.ArgumentOutOfRangeException',
      paramName,
      'Specified argument was out of the range of valid values.',
    );
  }
}
