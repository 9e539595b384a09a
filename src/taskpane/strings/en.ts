import { BACKEND_NAMES } from './backend-names';
import { firstPaintStrings } from './first-paint';
import { errorExplanations } from '../../services/error-explanations';
import { pageRange, type PaneStrings } from './pane-strings';

/** The task pane in English. */
export const en: PaneStrings = {
  title: 'LedgerMail',
  tabs: { invoice: 'Invoices', reminder: 'Reminders' },
  search: { label: 'Search documents', placeholder: 'Number or customer' },
  filters: {
    show: 'Filters',
    hide: 'Hide filters',
    status: 'Status',
    anyStatus: 'Any status',
    level: 'Reminder level',
    anyLevel: 'Any level',
    levelOption: (level) => `Level ${level}`,
    overdueSince: 'Overdue since',
    anyTime: 'Any time',
    overdueDays: (days) => `More than ${days} days`,
  },
  forThisMessage: {
    heading: 'For this message',
    noRecipients: 'Add recipients to see their documents here first.',
    empty: 'No documents for these recipients.',
    refresh: 'Refresh recipients',
  },
  all: {
    heading: 'All documents',
    empty: 'No documents match.',
    previous: 'Previous page',
    next: 'Next page',
    range: pageRange('en', { of: 'of', moreThan: 'more than' }),
    source: ({ backend, pdfs }) =>
      `From ${BACKEND_NAMES.en[backend]}.${pdfs === 'ledgermail' && backend !== 'ledger' ? ' LedgerMail produces the PDFs from its open items.' : ''}`,
  },
  status: { draft: 'Draft', open: 'Open', overdue: 'Overdue', paid: 'Paid', cancelled: 'Cancelled' },
  reminderLevel: (level) => `Reminder ${level}`,
  dueOn: (date) => `Due ${date}`,
  ...firstPaintStrings.en,
  retry: 'Retry',
  moreRows: (shown, total) => `Show more (${shown} of ${total} shown)`,
  noItem: 'Open or start a message to use LedgerMail.',
  bulk: { open: 'Send in bulk', close: 'Back to the list' },
  errors: errorExplanations.en,
  attach: {
    action: (kind, number) => `Attach ${kind === 'invoice' ? 'invoice' : 'reminder'} ${number}`,
    attaching: (number) => `Attaching ${number}…`,
    attached: 'Attached',
    attachedAs: (fileName) => `Attached as ${fileName}.`,
    draft: (number) => `${number} is a draft. Finalise it in your accounting before you send it.`,
    deadlinePassed: (number, date) =>
      `${number} asks for payment by ${date}, which has passed. Date the reminder anew in your accounting.`,
    fileTooLarge: (mb) => `This PDF is too large for Outlook (${mb} MB; at most 25 MB per file).`,
    totalTooLarge: (mb) => `The message's attachments would reach ${mb} MB; Outlook allows 25 MB in total.`,
  },
  fill: {
    action: (kind, number) => `Fill the message for ${kind === 'invoice' ? 'invoice' : 'reminder'} ${number}`,
    done: 'Message filled in where it was empty.',
    nothingToDo: 'Recipient, subject and text are already there; nothing was changed.',
    selectionPresent: 'Place the cursor in the text without selecting anything, then try again.',
  },
  earlierSend: {
    modeName: { registered: 'registered', confidential: 'confidential', personal: 'personal' },
    button: { registered: 'Registered', confidential: 'Confidential', personal: 'Personal' },
    sent(mode, date, time, reference) {
      return `This message was sent as ${this.modeName[mode]} e-mail through IncaMail on ${date} at ${time} (reference ${reference}). You can delete this draft.`;
    },
    sentPartly: (date, time, reference, refused) =>
      `This message was sent through IncaMail on ${date} at ${time} (reference ${reference}), but IncaMail refused these recipients: ${refused}.`,
    sending(mode, time) {
      return `This message is being sent as ${this.modeName[mode]} e-mail through IncaMail (handed over at ${time}). It is never sent twice.`;
    },
    notReceivedYet(mode, time) {
      return `LedgerMail has not received this message yet (sending began at ${time}). If sending was interrupted, click ${this.button[mode]} again: a message is never sent twice.`;
    },
    notReceived(mode) {
      return `This message was not sent: sending was interrupted before it reached LedgerMail. Click ${this.button[mode]} to send it.`;
    },
    refused(mode, reply) {
      return `This message was not sent: IncaMail refused it (${reply}). Click ${this.button[mode]} to try again.`;
    },
    uncertain: (time) =>
      `It is not certain whether this message reached IncaMail: the connection broke after it was handed over at ${time}. Check your receipts before sending it again; a new send would be a second copy.`,
    unknown(mode, reason) {
      return `LedgerMail could not check whether this message was already sent (${reason}). Clicking ${this.button[mode]} again is safe: a message is never sent twice.`;
    },
  },
  message: {
    subject: (title, number) => `${title} ${number}`,
    body: (kind, title, number, amount, date, state) => {
      const named = `${kind === 'invoice' ? title.toLowerCase() : `the ${title.toLowerCase()}`} ${number} for ${amount}`;
      return state === 'overdue'
        ? `Please find attached ${named}, which was due on ${date}.`
        : `Please find attached ${named}, payable by ${date}.`;
    },
  },
};
