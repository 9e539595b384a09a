export { createSimulatedOffice } from './simulated-office';
export type { SimulatedOffice, SimulatedOfficeOptions } from './simulated-office';
export type { HostSettings, SimulatedOfficeNamespace, Theme } from './office-namespace';
export type { CommandRun, CommandRunStatus } from './command-runs';
export { FUNCTION_COMMAND_TIME_LIMIT_MS } from './command-runs';
export { MAILBOX_VERSIONS } from './compose-state';
export type {
  ComposeSnapshot,
  ItemLifecycle,
  MailboxVersion,
  SimAttachment,
  SimNotification,
  SimRecipient,
} from './compose-state';
export { DIALOG_CLOSED_BY_USER } from './dialogs';
export { createDraftsFolder, newestFirst } from './drafts-folder';
export type { DraftsFolder, SavedDraft } from './drafts-folder';
export type { SimulatedDialog } from './dialogs';
export { OUTLOOK_ERRORS, OfficeArgumentError } from './office-errors';
export type { OutlookErrorName } from './office-errors';
export { MAX_BASE64_LENGTH, MAX_CONCURRENT_ATTACHMENT_CALLS, MAX_TOTAL_BYTES } from './attachments';
export { MAX_NOTIFICATIONS, MAX_NOTIFICATION_LENGTH } from './notifications';
export { MAX_OUTLOOK_SUBJECT_LENGTH } from './message-compose';
export { DEFAULT_BLOCK_MESSAGE, SEND_MODES, smartAlertOf } from './smart-alerts';
export type { OnSendLaunchEvent, SendMode, SmartAlert, SmartAlertChoice } from './smart-alerts';
