import {
  ATTACHED_DOCUMENTS_KEY,
  parseAttachedDocuments,
  parseSendState,
  SEND_STATE_KEY,
  serializeAttachedDocuments,
  type AttachedDocument,
  type SendState,
} from '../contract/item-state';
import { AppError } from '../contract/errors';
import { officeCallError, settle } from './office-item';

export type Recipient = { emailAddress: string; displayName: string };
export type ItemAttachment = { id: string; name: string; size: number; isInline: boolean };

/** Outlook keeps at most 2,500 characters of custom properties per item and add-in. */
export const MAX_CUSTOM_PROPERTIES_LENGTH = 2500;

/**
 * The message being composed, as the task pane needs it: promise wrappers over the Office.js calls, each
 * rejecting with an AppError `office_error` that carries Office's error code. Components get this object through
 * props, so they run in tests against a simulated item.
 */
export type ComposeItem = {
  getRecipients(): Promise<{ to: Recipient[]; cc: Recipient[] }>;
  /**
   * Calls `handler` whenever To, Cc or Bcc change (Mailbox 1.7). Resolves to a function that removes the
   * handler, or to null where the event is not supported: the caller then refreshes on focus instead.
   */
  onRecipientsChanged(handler: () => void): Promise<(() => Promise<void>) | null>;
  /** Calls `handler` whenever an attachment is added or removed (Mailbox 1.8), by the person or the add-in. */
  onAttachmentsChanged(handler: () => void): Promise<(() => Promise<void>) | null>;
  addToRecipients(recipients: Recipient[]): Promise<void>;
  getAttachments(): Promise<ItemAttachment[]>;
  /** The content of an attachment of the item (Mailbox 1.8), base64 for files. */
  getAttachmentContent(id: string): Promise<{ format: string; content: string }>;
  /** Adds a file attachment and resolves to its attachment id. */
  addFileAttachment(base64: string, fileName: string): Promise<string>;
  loadAttachedDocuments(): Promise<AttachedDocument[]>;
  saveAttachedDocuments(documents: readonly AttachedDocument[]): Promise<void>;
  /** What the Registered / Confidential command recorded on the draft (read only: the pane never sends). */
  loadSendState(): Promise<SendState>;
  getSubject(): Promise<string>;
  setSubject(subject: string): Promise<void>;
  /** The text selected in the subject or body, empty when only the cursor is placed. */
  getSelectedText(): Promise<string>;
  getBodyText(): Promise<string>;
  /** Inserts text at the cursor in the body (replacing a selection, so callers check getSelectedText first). */
  insertBodyText(text: string): Promise<void>;
};

type OfficeEventTarget = Pick<Office.MessageCompose, 'addHandlerAsync' | 'removeHandlerAsync'>;

/**
 * Registers the pane's one handler of an Outlook event (on the item or on the mailbox). Resolves to its
 * removal, or to null where the host refuses the event (RecipientsChanged below Mailbox 1.7, AttachmentsChanged
 * below 1.8): a supported case, not a failure; the caller then refreshes on focus instead.
 */
async function onOfficeEvent(
  target: OfficeEventTarget,
  type: Office.EventType,
  handler: () => void,
): Promise<(() => Promise<void>) | null> {
  if (typeof target.addHandlerAsync !== 'function') return null;
  try {
    await settle<void>('addHandlerAsync', (cb) => target.addHandlerAsync(type, () => handler(), cb));
  } catch (error) {
    if (error instanceof AppError && error.code === 'office_error') return null;
    throw error;
  }
  // Outlook removes every handler of the event type at once; the pane registers only this one.
  return () => settle<void>('removeHandlerAsync', (cb) => target.removeHandlerAsync(type, cb));
}

/**
 * The item the pane works on. A pinned pane stays open when the user moves on to another item (a new draft):
 * Outlook then raises ItemChanged on the mailbox (Mailbox 1.5), `Office.context.mailbox.item` being already
 * the new item, or null where there is none.
 */
export type ComposeMailbox = {
  currentItem(): ComposeItem | null;
  onItemChanged(handler: () => void): Promise<(() => Promise<void>) | null>;
};

export function createComposeMailbox(
  mailbox: Pick<Office.Mailbox, 'addHandlerAsync' | 'removeHandlerAsync'> & { item?: unknown },
): ComposeMailbox {
  let current: { item: Office.MessageCompose; compose: ComposeItem } | undefined;
  return {
    currentItem() {
      const item = mailbox.item as Office.MessageCompose | null | undefined;
      if (!item) return null;
      if (current?.item !== item) current = { item, compose: createComposeItem(item) };
      return current.compose;
    },
    onItemChanged: (handler) =>
      onOfficeEvent(mailbox as unknown as OfficeEventTarget, Office.EventType.ItemChanged, handler),
  };
}

export function createComposeItem(item: Office.MessageCompose): ComposeItem {
  const loadCustomProperties = () =>
    settle<Office.CustomProperties>('loadCustomPropertiesAsync', (cb) => item.loadCustomPropertiesAsync(cb));
  const onItemEvent = (type: Office.EventType, handler: () => void) => onOfficeEvent(item, type, handler);

  return {
    async getRecipients() {
      const [to, cc] = await Promise.all([
        settle<Office.EmailAddressDetails[]>('to.getAsync', (cb) => item.to.getAsync(cb)),
        settle<Office.EmailAddressDetails[]>('cc.getAsync', (cb) => item.cc.getAsync(cb)),
      ]);
      return { to: to.map(toRecipient), cc: cc.map(toRecipient) };
    },

    onRecipientsChanged: (handler) => onItemEvent(Office.EventType.RecipientsChanged, handler),
    onAttachmentsChanged: (handler) => onItemEvent(Office.EventType.AttachmentsChanged, handler),

    addToRecipients: (recipients) =>
      settle<void>('to.addAsync', (cb) =>
        item.to.addAsync(
          recipients.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName })),
          cb,
        ),
      ),

    async getAttachments() {
      const details = await settle<Office.AttachmentDetailsCompose[]>('getAttachmentsAsync', (cb) =>
        item.getAttachmentsAsync(cb),
      );
      return details.map((d) => ({ id: d.id, name: d.name, size: d.size, isInline: d.isInline }));
    },

    async getAttachmentContent(id) {
      const content = await settle<Office.AttachmentContent>('getAttachmentContentAsync', (cb) =>
        item.getAttachmentContentAsync(id, cb),
      );
      return { format: String(content.format), content: content.content };
    },

    addFileAttachment: (base64, fileName) =>
      settle<string>('addFileAttachmentFromBase64Async', (cb) =>
        item.addFileAttachmentFromBase64Async(base64, fileName, { isInline: false }, cb),
      ),

    async loadAttachedDocuments() {
      const properties = await loadCustomProperties();
      return parseAttachedDocuments(properties.get(ATTACHED_DOCUMENTS_KEY));
    },

    async saveAttachedDocuments(documents) {
      const value = serializeAttachedDocuments(documents);
      if (value.length > MAX_CUSTOM_PROPERTIES_LENGTH) {
        throw officeCallError(
          'customProperties.saveAsync',
          'too_long',
          `the list of attached documents needs ${value.length} characters, Outlook keeps ${MAX_CUSTOM_PROPERTIES_LENGTH}`,
        );
      }
      const properties = await loadCustomProperties();
      properties.set(ATTACHED_DOCUMENTS_KEY, value);
      await settle<void>('customProperties.saveAsync', (cb) => properties.saveAsync(cb));
    },

    loadSendState: async () => parseSendState((await loadCustomProperties()).get(SEND_STATE_KEY)),

    getSubject: () => settle<string>('subject.getAsync', (cb) => item.subject.getAsync(cb)),
    setSubject: (subject) => settle<void>('subject.setAsync', (cb) => item.subject.setAsync(subject, cb)),

    async getSelectedText() {
      const selected = await settle<{ data: string }>('getSelectedDataAsync', (cb) =>
        item.getSelectedDataAsync(Office.CoercionType.Text, cb as (result: Office.AsyncResult<unknown>) => void),
      );
      return selected?.data ?? '';
    },

    getBodyText: () => settle<string>('body.getAsync', (cb) => item.body.getAsync(Office.CoercionType.Text, cb)),

    insertBodyText: (text) =>
      settle<void>('body.setSelectedDataAsync', (cb) =>
        item.body.setSelectedDataAsync(text, { coercionType: Office.CoercionType.Text }, cb),
      ),
  };
}

function toRecipient(details: Office.EmailAddressDetails): Recipient {
  return { emailAddress: details.emailAddress, displayName: details.displayName };
}
