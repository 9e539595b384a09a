import { OfficeMockObject } from 'office-addin-mock';

/**
 * An Outlook message in compose mode built on office-addin-mock, behaving like Mailbox 1.8 for the calls
 * LedgerMail makes: recipients, subject, body selection, attachments with their content, custom properties
 * and the RecipientsChanged event. Callbacks run asynchronously, as in Outlook.
 */
export type MockRecipient = { emailAddress: string; displayName: string };
export type MockAttachment = { id: string; name: string; size: number; isInline: boolean; contentBase64: string };

export type ComposeMockOptions = {
  to?: MockRecipient[];
  cc?: MockRecipient[];
  subject?: string;
  body?: string;
  /** Attachments already on the item; `size` in bytes. */
  attachments?: Omit<MockAttachment, 'id'>[];
  customProperties?: Record<string, unknown>;
  /** false: the host is below Mailbox 1.7 and refuses the RecipientsChanged event. */
  recipientsChangedSupported?: boolean;
};

type Callback<T> = (result: Office.AsyncResult<T>) => void;

const SUCCEEDED = 'succeeded';
const FAILED = 'failed';

function succeed<T>(callback: Callback<T> | undefined, value: T): void {
  setTimeout(() => callback?.({ status: SUCCEEDED, value } as unknown as Office.AsyncResult<T>), 0);
}

function fail<T>(callback: Callback<T> | undefined, code: number, message: string): void {
  setTimeout(() => callback?.({ status: FAILED, error: { code, message, name: 'Error' } } as any), 0);
}

/** Office.js passes options before the callback; these calls accept both shapes. */
function lastCallback<T>(args: unknown[]): Callback<T> | undefined {
  const last = args[args.length - 1];
  return typeof last === 'function' ? (last as Callback<T>) : undefined;
}

export function createComposeMock(options: ComposeMockOptions = {}) {
  const state = {
    to: [...(options.to ?? [])],
    cc: [...(options.cc ?? [])],
    subject: options.subject ?? '',
    body: options.body ?? '',
    /** Where the cursor is in the body; text is inserted here. */
    cursor: (options.body ?? '').length,
    selection: '',
    attachments: (options.attachments ?? []).map((a, i) => ({ ...a, id: `existing-${i}` })) as MockAttachment[],
    customProperties: { ...(options.customProperties ?? {}) } as Record<string, unknown>,
    recipientsChangedHandlers: [] as (() => void)[],
    /** How many addFileAttachmentFromBase64Async calls were made, refused ones included. */
    attachCalls: 0,
  };
  let nextId = 1;

  const recipientsField = (field: 'to' | 'cc') => ({
    getAsync: (...args: unknown[]) =>
      succeed(
        lastCallback(args),
        state[field].map((r) => ({ ...r })),
      ),
    addAsync: (recipients: MockRecipient[], ...args: unknown[]) => {
      state[field].push(...recipients.map((r) => ({ emailAddress: r.emailAddress, displayName: r.displayName })));
      succeed(lastCallback(args), undefined);
      fireRecipientsChanged();
    },
  });

  function fireRecipientsChanged() {
    for (const handler of state.recipientsChangedHandlers) setTimeout(handler, 0);
  }

  const item = {
    itemType: 'message',
    to: recipientsField('to'),
    cc: recipientsField('cc'),
    subject: {
      getAsync: (...args: unknown[]) => succeed(lastCallback(args), state.subject),
      setAsync: (value: string, ...args: unknown[]) => {
        state.subject = value;
        succeed(lastCallback(args), undefined);
      },
    },
    body: {
      getAsync: (_coercion: unknown, ...args: unknown[]) => succeed(lastCallback(args), state.body),
      setSelectedDataAsync: (text: string, ...args: unknown[]) => {
        state.body = state.body.slice(0, state.cursor) + text + state.body.slice(state.cursor + state.selection.length);
        state.cursor += text.length;
        state.selection = '';
        succeed(lastCallback(args), undefined);
      },
    },
    getSelectedDataAsync: (_coercion: unknown, ...args: unknown[]) =>
      succeed(lastCallback(args), { data: state.selection, sourceProperty: 'body' }),
    getAttachmentsAsync: (...args: unknown[]) =>
      succeed(
        lastCallback(args),
        state.attachments.map(({ id, name, size, isInline }) => ({ id, name, size, isInline, attachmentType: 'file' })),
      ),
    getAttachmentContentAsync: (id: string, ...args: unknown[]) => {
      const attachment = state.attachments.find((a) => a.id === id);
      if (!attachment) return fail(lastCallback(args), 9043, 'The attachment does not exist.');
      succeed(lastCallback(args), { format: 'base64', content: attachment.contentBase64 });
    },
    addFileAttachmentFromBase64Async: (base64: string, name: string, ...args: unknown[]) => {
      state.attachCalls++;
      // Outlook's own refusal, in case the add-in forgot to check: error 9005 "attachment too large".
      if (base64.length > 34_865_152) return fail(lastCallback(args), 9005, 'The attachment is too large.');
      const id = `att-${nextId++}`;
      const size = Math.floor((base64.length * 3) / 4) - (base64.endsWith('==') ? 2 : base64.endsWith('=') ? 1 : 0);
      state.attachments.push({ id, name, size, isInline: false, contentBase64: base64 });
      succeed(lastCallback(args), id);
    },
    loadCustomPropertiesAsync: (...args: unknown[]) => {
      // A snapshot, like Outlook: changes count only after saveAsync.
      const draft = { ...state.customProperties };
      succeed(lastCallback(args), {
        get: (key: string) => draft[key],
        set: (key: string, value: unknown) => {
          draft[key] = value;
        },
        remove: (key: string) => {
          delete draft[key];
        },
        getAll: () => ({ ...draft }),
        saveAsync: (...saveArgs: unknown[]) => {
          state.customProperties = { ...draft };
          succeed(lastCallback(saveArgs), undefined);
        },
      });
    },
    addHandlerAsync: (_type: unknown, handler: () => void, ...args: unknown[]) => {
      if (options.recipientsChangedSupported === false) {
        return fail(lastCallback(args), 5000, 'The event is not supported.');
      }
      state.recipientsChangedHandlers.push(handler);
      succeed(lastCallback(args), undefined);
    },
    removeHandlerAsync: (_type: unknown, ...args: unknown[]) => {
      state.recipientsChangedHandlers = [];
      succeed(lastCallback(args), undefined);
    },
  };

  const office = new OfficeMockObject({
    // office-addin-mock treats values as loaded (no load/sync dance) only when told the host is Outlook.
    host: 'outlook',
    AsyncResultStatus: { Succeeded: SUCCEEDED, Failed: FAILED },
    EventType: { RecipientsChanged: 'olkRecipientsChanged' },
    CoercionType: { Text: 'text', Html: 'html' },
    context: { displayLanguage: 'en-US', mailbox: { item } },
  });

  return {
    /** Install as the global `Office` before the code under test runs. */
    office: office as unknown as typeof Office,
    item: item as unknown as Office.MessageCompose,
    state,
    /** What Outlook does when the user edits To or Cc. */
    setRecipients(field: 'to' | 'cc', recipients: MockRecipient[]) {
      state[field] = [...recipients];
      fireRecipientsChanged();
    },
    /** The user removes an attachment in the compose window. */
    removeAttachment(id: string) {
      state.attachments = state.attachments.filter((a) => a.id !== id);
    },
  };
}

export type ComposeMock = ReturnType<typeof createComposeMock>;
