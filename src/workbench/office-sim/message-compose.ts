import { parseCommonParameters } from './async-result';
import { createAttachmentApi } from './attachments';
import { bodyAs, htmlToText, textToHtml, type BodyType, type RecipientField, type SimRecipient } from './compose-state';
import { createCustomProperties } from './custom-properties';
import { createNotificationMessages } from './notifications';
import { OfficeArgumentError, throwIfOutOfRange } from './office-errors';
import { savedDraftOf } from './drafts-folder';
import { answer, answerWhenDone, versionAtLeast, type SimRuntime } from './sim-runtime';

/** Outlook's limits: 255 characters of subject, 1,000,000 characters of body per call, 100 recipients per call, 500 per field. */
export const MAX_OUTLOOK_SUBJECT_LENGTH = 255;
export const MAX_BODY_LENGTH = 1_000_000;
const MAX_RECIPIENTS_PER_CALL = 100;
const MAX_RECIPIENTS_PER_FIELD = 500;

/** The part of Office.MessageCompose that LedgerMail uses, typed by @types/office-js. */
export type SimulatedMessageCompose = Pick<
  Office.MessageCompose,
  | 'itemType'
  | 'to'
  | 'cc'
  | 'bcc'
  | 'subject'
  | 'body'
  | 'notificationMessages'
  | 'addFileAttachmentFromBase64Async'
  | 'getAttachmentsAsync'
  | 'removeAttachmentAsync'
  | 'getAttachmentContentAsync'
  | 'loadCustomPropertiesAsync'
  | 'saveAsync'
  | 'getSelectedDataAsync'
  | 'addHandlerAsync'
  | 'removeHandlerAsync'
> &
  Partial<Pick<Office.MessageCompose, 'closeAsync'>>;

/** Outlook's item ids are unique in the mailbox, not per window: add-ins key their state on them. */
const newItemId = () => `AAMkSimulatedDraft-${crypto.randomUUID()}`;

function toRecipients(value: unknown): SimRecipient[] {
  if (!Array.isArray(value)) throw new OfficeArgumentError('Sys.ArgumentException', 'recipients');
  throwIfOutOfRange(value.length, 0, MAX_RECIPIENTS_PER_CALL, 'recipients.length');
  return value.map((entry, index) => {
    if (typeof entry === 'string') return { emailAddress: entry, displayName: entry };
    if (
      typeof entry === 'object' &&
      entry !== null &&
      typeof (entry as { emailAddress?: unknown }).emailAddress === 'string'
    ) {
      const { emailAddress, displayName } = entry as { emailAddress: string; displayName?: unknown };
      return { emailAddress, displayName: typeof displayName === 'string' && displayName ? displayName : emailAddress };
    }
    throw new OfficeArgumentError('Sys.ArgumentException', `recipients[${index}]`);
  });
}

/** Compose mode reports recipients it has not resolved against the directory as `other`. */
function toDetails(recipient: SimRecipient): Office.EmailAddressDetails {
  return { ...recipient, recipientType: 'other' } as unknown as Office.EmailAddressDetails;
}

function createRecipients(runtime: SimRuntime, field: RecipientField): Office.Recipients {
  const { state } = runtime;
  const write = (api: string, mode: 'set' | 'add', recipients: unknown, rest: unknown[]) => {
    const parsed = toRecipients(recipients);
    const { callback, asyncContext } = parseCommonParameters(rest, false);
    answer<void>(runtime, `${field}.${api}`, callback, asyncContext, () => {
      const next = mode === 'set' ? parsed : [...state.get()[field], ...parsed];
      if (next.length > MAX_RECIPIENTS_PER_FIELD) return { error: 'NumberOfRecipientsExceeded' };
      state.update({ [field]: next });
      runtime.fireRecipientsChanged([field]);
      return { value: undefined };
    });
  };
  const recipients: Pick<Office.Recipients, 'getAsync' | 'setAsync' | 'addAsync'> = {
    getAsync(...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<Office.EmailAddressDetails[]>(runtime, `${field}.getAsync`, callback, asyncContext, () => ({
        value: state.get()[field].map(toDetails),
      }));
    },
    setAsync: (value: unknown, ...rest: unknown[]) => write('setAsync', 'set', value, rest),
    addAsync: (value: unknown, ...rest: unknown[]) => write('addAsync', 'add', value, rest),
  };
  return recipients as Office.Recipients;
}

function createSubject(runtime: SimRuntime): Office.Subject {
  const { state } = runtime;
  const subject: Office.Subject = {
    getAsync(...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<string>(runtime, 'subject.getAsync', callback, asyncContext, () => ({ value: state.get().subject }));
    },
    setAsync(value: unknown, ...rest: unknown[]) {
      if (typeof value !== 'string') throw new OfficeArgumentError('Sys.ArgumentException', 'data');
      throwIfOutOfRange(value.length, 0, MAX_OUTLOOK_SUBJECT_LENGTH, 'data');
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'subject.setAsync', callback, asyncContext, () => {
        state.update({ subject: value });
        return { value: undefined };
      });
    },
  };
  return subject;
}

/**
 * Without a selection the cursor sits at the end of the body: inside its last block for HTML, so inserted
 * text joins the line. A selection is replaced by what is inserted, as in Outlook.
 */
function insertAtCursor(
  body: { type: BodyType; content: string },
  data: string,
  type: BodyType,
  selection = '',
): string {
  if (selection !== '') {
    const selected = body.type === 'html' ? textToHtml(selection).replace(/^<div>|<\/div>$/g, '') : selection;
    const replacement =
      body.type === 'html'
        ? type === 'html'
          ? data
          : textToHtml(data).replace(/^<div>|<\/div>$/g, '')
        : type === 'text'
          ? data
          : htmlToText(data);
    return body.content.replace(selected, () => replacement);
  }
  if (body.type === 'text') return body.content + (type === 'text' ? data : htmlToText(data));
  const fragment = type === 'html' ? data : textToHtml(data).replace(/^<div>|<\/div>$/g, '');
  return body.content.endsWith('</div>')
    ? `${body.content.slice(0, -'</div>'.length)}${fragment}</div>`
    : body.content + fragment;
}

function coercionOf(value: unknown): BodyType | undefined {
  return value === 'html' || value === 'text' ? value : undefined;
}

function createBody(runtime: SimRuntime): Office.Body {
  const { state } = runtime;
  const checkData = (data: unknown): string => {
    if (typeof data !== 'string') throw new OfficeArgumentError('Sys.ArgumentException', 'data');
    throwIfOutOfRange(data.length, 0, MAX_BODY_LENGTH, 'data');
    return data;
  };
  const body: Pick<Office.Body, 'getAsync' | 'setAsync' | 'setSelectedDataAsync' | 'getTypeAsync'> = {
    getAsync(coercionType: unknown, ...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      const type = coercionOf(coercionType);
      answer<string>(runtime, 'body.getAsync', callback, asyncContext, () =>
        type ? { value: bodyAs(state.get().body, type) } : { error: 'InvalidCoercionType' },
      );
    },
    setAsync(data: unknown, ...rest: unknown[]) {
      const text = checkData(data);
      const { options, callback, asyncContext } = parseCommonParameters(rest, false);
      const type = coercionOf(options?.coercionType ?? 'text');
      answer<void>(runtime, 'body.setAsync', callback, asyncContext, () => {
        if (!type) return { error: 'InvalidCoercionType' };
        state.update({ body: { type, content: text } });
        return { value: undefined };
      });
    },
    setSelectedDataAsync(data: unknown, ...rest: unknown[]) {
      const text = checkData(data);
      const { options, callback, asyncContext } = parseCommonParameters(rest, false);
      const type = coercionOf(options?.coercionType ?? 'text');
      answer<void>(runtime, 'body.setSelectedDataAsync', callback, asyncContext, () => {
        if (!type) return { error: 'InvalidCoercionType' };
        const current = state.get().body;
        const content = insertAtCursor(current, text, type, runtime.selection);
        runtime.selection = '';
        state.update({ body: { type: current.type, content } });
        return { value: undefined };
      });
    },
    getTypeAsync(...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<Office.CoercionType>(runtime, 'body.getTypeAsync', callback, asyncContext, () => ({
        value: state.get().body.type as unknown as Office.CoercionType,
      }));
    },
  };
  return body as Office.Body;
}

export function createMessageCompose(runtime: SimRuntime): SimulatedMessageCompose {
  const { state } = runtime;
  const attachments = createAttachmentApi(runtime);
  const item: SimulatedMessageCompose = {
    itemType: 'message' as Office.MailboxEnums.ItemType,
    to: createRecipients(runtime, 'to'),
    cc: createRecipients(runtime, 'cc'),
    bcc: createRecipients(runtime, 'bcc'),
    subject: createSubject(runtime),
    body: createBody(runtime),
    notificationMessages: createNotificationMessages(runtime),
    addFileAttachmentFromBase64Async: attachments.addFileAttachmentFromBase64Async,
    getAttachmentsAsync: attachments.getAttachmentsAsync,
    removeAttachmentAsync: attachments.removeAttachmentAsync,
    getAttachmentContentAsync: attachments.getAttachmentContentAsync,
    loadCustomPropertiesAsync(callback: unknown, userContext?: unknown) {
      if (typeof callback !== 'function') throw new OfficeArgumentError('Sys.ArgumentNullException', 'callback');
      answer(runtime, 'loadCustomPropertiesAsync', callback as never, userContext, () => ({
        value: createCustomProperties(runtime),
      }));
    },
    saveAsync(...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answerWhenDone<string>(
        runtime,
        'saveAsync',
        callback,
        asyncContext,
        async () => {
          const itemId = state.get().itemId ?? newItemId();
          state.update({ itemId, lifecycle: state.get().lifecycle === 'open' ? 'saved' : state.get().lifecycle });
          // The callback comes once the draft is in the Drafts folder, as Outlook answers once it is saved.
          await runtime.drafts.save(savedDraftOf(state.get(), itemId, new Date()));
          return { value: itemId };
        },
        'SaveError',
      );
    },
    getSelectedDataAsync(coercionType: unknown, ...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, true);
      answer<unknown>(runtime, 'getSelectedDataAsync', callback, asyncContext, () =>
        coercionOf(coercionType)
          ? { value: { data: runtime.selection, sourceProperty: 'body' } }
          : { error: 'InvalidCoercionType' },
      );
    },
    addHandlerAsync(eventType: unknown, handler: unknown, ...rest: unknown[]) {
      if (typeof handler !== 'function') throw new OfficeArgumentError('Sys.ArgumentException', 'handler');
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'addHandlerAsync', callback, asyncContext, () => {
        if (eventType === 'olkRecipientsChanged') runtime.recipientsChangedHandlers.add(handler as never);
        else if (eventType === 'olkAttachmentsChanged' && versionAtLeast(runtime.version(), '1.8')) {
          runtime.attachmentsChangedHandlers.add(handler as never);
        } else return { error: 'EventRegistrationError' };
        return { value: undefined };
      });
    },
    removeHandlerAsync(eventType: unknown, ...rest: unknown[]) {
      const { callback, asyncContext } = parseCommonParameters(rest, false);
      answer<void>(runtime, 'removeHandlerAsync', callback, asyncContext, () => {
        // Outlook removes every handler of the event type at once.
        if (eventType === 'olkRecipientsChanged') runtime.recipientsChangedHandlers.clear();
        else if (eventType === 'olkAttachmentsChanged') runtime.attachmentsChangedHandlers.clear();
        else return { error: 'EventRegistrationError' };
        return { value: undefined };
      });
    },
  };
  // closeAsync exists from Mailbox 1.14 on (Outlook on Mac tops out there; 1.13 hosts have no such method).
  if (versionAtLeast(runtime.version(), '1.14')) {
    item.closeAsync = (...rest: unknown[]) => {
      const { options, callback, asyncContext } = parseCommonParameters(rest, false);
      answerWhenDone<void>(
        runtime,
        'closeAsync',
        callback,
        asyncContext,
        async () => {
          // Without discardItem the person is asked to save; the workbench answers "save" for them.
          const discard = options?.discardItem === true;
          const itemId = state.get().itemId ?? (discard ? undefined : newItemId());
          state.update({ itemId, lifecycle: discard ? 'discarded' : 'closed' });
          if (itemId && discard) await runtime.drafts.remove(itemId);
          else if (itemId) await runtime.drafts.save(savedDraftOf(state.get(), itemId, new Date()));
          return { value: undefined };
        },
        'InternalFormatError',
      );
    };
  }
  return item;
}
