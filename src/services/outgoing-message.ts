import {
  ATTACHED_DOCUMENTS_KEY,
  parseAttachedDocuments,
  parseSendState,
  MARKING_STATE_KEY,
  parseMarkingState,
  SEND_STATE_KEY,
  serializeMarkingState,
  serializeSendState,
  type MarkingState,
  type SendState,
} from '../contract/item-state';
import type { MessageMarking } from '../contract/marking';
import { settle, showNotification, type NotificationKind } from './office-item';

/** The message as it stands in the compose window, read for a secure send. Nothing here changes the item. */
export type OutgoingMessage = {
  from: string;
  to: string[];
  cc: string[];
  bcc: string[];
  subject: string;
  html: string;
  attachments: OutgoingAttachment[];
  /** Accounting documents the task pane attached and that are still on the item. */
  documentIds: string[];
};

export type OutgoingAttachment =
  | { kind: 'file'; name: string; size: number; contentBase64: string }
  | { kind: 'unsupported'; name: string; reason: 'item' | 'cloud' | 'inline' };

/**
 * The compose item as the Registered and Confidential commands use it: read everything that leaves,
 * remember the send key, tell the user, and discard the draft once IncaMail accepted the message.
 */
export type OutgoingItem = {
  read(): Promise<OutgoingMessage>;
  /** Subject and recipients alone, without the attachments' content: what the marking changes. */
  readAddressing(): Promise<Pick<OutgoingMessage, 'subject' | 'to' | 'cc' | 'bcc'>>;
  /**
   * Saves the draft and resolves to its item id: the same draft always has the same id, so two clicks on
   * the same draft (even at once, from two runtimes) agree on one send. Saving does not change the content.
   */
  draftId(): Promise<string>;
  loadSendState(): Promise<SendState>;
  saveSendState(state: SendState): Promise<void>;
  notify(kind: NotificationKind, message: string): Promise<void>;
  /** Closes the compose window and discards the draft (Mailbox 1.14). */
  discard(): Promise<void>;
  /** The mailbox route's marking of this draft, if LedgerMail marked it. */
  loadMarking(): Promise<MarkingState | undefined>;
  /**
   * Writes subject and recipients (display names kept) and the marking's memory, or removes the memory
   * (`undefined`). Only the mailbox route changes the draft itself; the relay route never does.
   */
  writeMarking(draft: MessageMarking, state: MarkingState | undefined): Promise<void>;
};

const NOTIFICATION_KEY = 'ledgermail-send';

export function createOutgoingItem(item: Office.MessageCompose, userEmail: string): OutgoingItem {
  const loadProperties = () =>
    settle<Office.CustomProperties>('loadCustomPropertiesAsync', (cb) => item.loadCustomPropertiesAsync(cb));
  const addresses = (field: Office.Recipients, name: string) =>
    settle<Office.EmailAddressDetails[]>(`${name}.getAsync`, (cb) => field.getAsync(cb)).then((list) =>
      list.map((r) => r.emailAddress),
    );

  const readAddressing = async () => {
    const [to, cc, bcc, subject] = await Promise.all([
      addresses(item.to, 'to'),
      addresses(item.cc, 'cc'),
      addresses(item.bcc, 'bcc'),
      settle<string>('subject.getAsync', (cb) => item.subject.getAsync(cb)),
    ]);
    return { subject, to, cc, bcc };
  };

  return {
    async read() {
      const [{ to, cc, bcc, subject }, html, details, properties] = await Promise.all([
        readAddressing(),
        settle<string>('body.getAsync', (cb) => item.body.getAsync(Office.CoercionType.Html, cb)),
        settle<Office.AttachmentDetailsCompose[]>('getAttachmentsAsync', (cb) => item.getAttachmentsAsync(cb)),
        loadProperties(),
      ]);
      // One at a time: Outlook on the web allows few concurrent attachment calls, and a 25 MB read is heavy.
      const attachments: OutgoingAttachment[] = [];
      for (const detail of details) {
        if (detail.isInline) {
          attachments.push({ kind: 'unsupported', name: detail.name, reason: 'inline' });
          continue;
        }
        if (detail.attachmentType === Office.MailboxEnums.AttachmentType.Item) {
          attachments.push({ kind: 'unsupported', name: detail.name, reason: 'item' });
          continue;
        }
        if (detail.attachmentType === Office.MailboxEnums.AttachmentType.Cloud) {
          attachments.push({ kind: 'unsupported', name: detail.name, reason: 'cloud' });
          continue;
        }
        const content = await settle<Office.AttachmentContent>('getAttachmentContentAsync', (cb) =>
          item.getAttachmentContentAsync(detail.id, cb),
        );
        if (content.format !== Office.MailboxEnums.AttachmentContentFormat.Base64) {
          attachments.push({ kind: 'unsupported', name: detail.name, reason: 'cloud' });
          continue;
        }
        attachments.push({ kind: 'file', name: detail.name, size: detail.size, contentBase64: content.content });
      }
      const present = new Set(details.map((d) => d.id));
      const documentIds = parseAttachedDocuments(properties.get(ATTACHED_DOCUMENTS_KEY))
        .filter((d) => present.has(d.attachmentId))
        .map((d) => d.documentId);
      return { from: userEmail, to, cc, bcc, subject, html, attachments, documentIds: [...new Set(documentIds)] };
    },

    readAddressing,

    draftId: () => settle<string>('saveAsync', (cb) => item.saveAsync(cb)),

    loadSendState: async () => parseSendState((await loadProperties()).get(SEND_STATE_KEY)),

    async saveSendState(state: SendState) {
      const properties = await loadProperties();
      properties.set(SEND_STATE_KEY, serializeSendState(state));
      await settle<void>('customProperties.saveAsync', (cb) => properties.saveAsync(cb));
    },

    notify: (kind, message) => showNotification(item, NOTIFICATION_KEY, kind, message),

    discard: () => settle<void>('closeAsync', (cb) => item.closeAsync({ discardItem: true }, cb)),

    loadMarking: async () => parseMarkingState((await loadProperties()).get(MARKING_STATE_KEY)),

    async writeMarking(draft, state) {
      const fields = [
        ['to', item.to, draft.recipients.to],
        ['cc', item.cc, draft.recipients.cc],
        ['bcc', item.bcc, draft.recipients.bcc],
      ] as const;
      for (const [name, field, addresses] of fields) {
        const before = await settle<Office.EmailAddressDetails[]>(`${name}.getAsync`, (cb) => field.getAsync(cb));
        // The same person at the same place keeps the name Outlook shows for them.
        const named = addresses.map((emailAddress, index) => ({
          emailAddress,
          displayName:
            before[index]?.displayName && before[index]?.displayName !== before[index]?.emailAddress
              ? before[index]!.displayName
              : emailAddress,
        }));
        await settle<void>(`${name}.setAsync`, (cb) => field.setAsync(named, cb));
      }
      await settle<void>('subject.setAsync', (cb) => item.subject.setAsync(draft.subject, cb));
      const properties = await loadProperties();
      if (state) properties.set(MARKING_STATE_KEY, serializeMarkingState(state));
      else properties.remove(MARKING_STATE_KEY);
      await settle<void>('customProperties.saveAsync', (cb) => properties.saveAsync(cb));
    },
  };
}
