import type { AccountingSource, DocumentCount, DocumentKind, DocumentStatus } from '../../contract/documents.schemas';
import type { Language } from '../../contract/locale';
import type { SecureMode } from '../../contract/modes';
import { formatCount } from '../../contract/swiss-format';
import type { ErrorExplanations } from '../../services/error-explanations';

/**
 * Every text of the task pane, in the four languages. The pane speaks Office's display language; the
 * `message` texts (subject, body, file name) go to the customer and are taken in the customer's language.
 */
export type PaneStrings = {
  title: string;
  tabs: Record<DocumentKind, string>;
  search: { label: string; placeholder: string };
  filters: {
    show: string;
    hide: string;
    status: string;
    anyStatus: string;
    level: string;
    anyLevel: string;
    levelOption: (level: number) => string;
    overdueSince: string;
    anyTime: string;
    overdueDays: (days: number) => string;
  };
  forThisMessage: {
    heading: string;
    noRecipients: string;
    empty: string;
    refresh: string;
  };
  all: {
    heading: string;
    empty: string;
    previous: string;
    next: string;
    /** Which documents a page shows, and of how many when the count is known: `51–100 of 320`. */
    range: (first: number, last: number, total: DocumentCount | undefined) => string;
    /** Names the accounting the documents come from, and says when LedgerMail produced their PDFs. */
    source: (source: AccountingSource) => string;
  };
  status: Record<DocumentStatus, string>;
  reminderLevel: (level: number) => string;
  dueOn: (date: string) => string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** The button under a long list that draws its next rows (scrolling near it does the same). */
  moreRows: (shown: number, total: number) => string;
  /** A pinned pane where Outlook shows no message being written (Office.context.mailbox.item is null). */
  noItem: string;
  /** The switch to the reminder run; its own texts load with it (bulk/bulk-strings.ts). */
  bulk: { open: string; close: string };
  /** Explanations of failures, shared with the ribbon commands. */
  errors: ErrorExplanations;
  attach: {
    action: (kind: DocumentKind, number: string) => string;
    attaching: (number: string) => string;
    attached: string;
    attachedAs: (fileName: string) => string;
    fileTooLarge: (megabytes: string) => string;
    /** A draft is not a document the customer may receive yet. */
    draft: (number: string) => string;
    /** A reminder whose own deadline has passed asks for the impossible: it is neither attached nor filled in. */
    deadlinePassed: (number: string, date: string) => string;
    totalTooLarge: (megabytes: string) => string;
  };
  fill: {
    action: (kind: DocumentKind, number: string) => string;
    done: string;
    nothingToDo: string;
    selectionPresent: string;
  };
  /**
   * What became of a send the Registered / Confidential command started on this draft and could not finish
   * telling (a reload, a closed window): the pane asks the bridge when it opens. `date` and `time` are the
   * reader's (`03.12.2026`, `14:05`), `reference` the start of the send's id, `button` the ribbon button.
   */
  earlierSend: {
    modeName: Record<SecureMode, string>;
    button: Record<SecureMode, string>;
    sent: (mode: SecureMode, date: string, time: string, reference: string) => string;
    sentPartly: (date: string, time: string, reference: string, refused: string) => string;
    sending: (mode: SecureMode, time: string) => string;
    notReceivedYet: (mode: SecureMode, time: string) => string;
    notReceived: (mode: SecureMode) => string;
    refused: (mode: SecureMode, reply: string) => string;
    uncertain: (time: string) => string;
    unknown: (mode: SecureMode, reason: string) => string;
  };
  /** Texts for the recipient, in the customer's language. */
  message: {
    /** `title` is the document's name (documentTitle): Rechnung, Zahlungserinnerung, 2. Mahnung… */
    subject: (title: string, number: string) => string;
    /** `date` is when it is to be paid by (`due`) or was due (`overdue`, an invoice past its due date). */
    body: (
      kind: DocumentKind,
      title: string,
      number: string,
      amount: string,
      date: string,
      state: 'due' | 'overdue',
    ) => string;
  };
};

/**
 * `51–100 of 320`, `1–50 of more than 1’000`, and `51–100` alone while the count is not known: numbers
 * grouped as the pane's amounts are, the words of one language.
 */
export function pageRange(language: Language, words: { of: string; moreThan: string }): PaneStrings['all']['range'] {
  const n = (count: number) => formatCount(count, language);
  return (first, last, total) => {
    const range = `${n(first)}–${n(last)}`;
    if (total === undefined) return range;
    return `${range} ${words.of} ${total.exact ? '' : `${words.moreThan} `}${n(total.count)}`;
  };
}
