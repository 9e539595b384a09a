import type { DocumentKind, DocumentStatus } from '../../contract/documents.schemas';
import type { ErrorCode } from '../../contract/errors';
import type { SignInFailure } from '../../services/auth-dialog';

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
  all: { heading: string; empty: string; previous: string; next: string; page: (page: number) => string };
  status: Record<DocumentStatus, string>;
  reminderLevel: (level: number) => string;
  dueOn: (date: string) => string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** The switch to the reminder run; its own texts load with it (bulk/bulk-strings.ts). */
  bulk: { open: string; close: string };
  errors: {
    unreachable: string;
    timeout: string;
    malformed: string;
    office: (detail: string) => string;
    /** Signing in through the sign-in dialog gave no token (Outlooks without nested app authentication). */
    signIn: Record<SignInFailure, string>;
    /**
     * The bridge's refusals whose remedy is the same whatever caused them, in the pane's language. For the
     * others (a bad request, a document that is gone, a service that cannot be reached) the bridge's own
     * message names what is wrong.
     */
    byCode: Pick<Record<ErrorCode, string>, 'rate_limited' | 'payload_too_large' | 'internal'>;
  };
  attach: {
    action: (kind: DocumentKind, number: string) => string;
    attaching: (number: string) => string;
    attached: string;
    attachedAs: (fileName: string) => string;
    fileTooLarge: (megabytes: string) => string;
    totalTooLarge: (megabytes: string) => string;
  };
  fill: {
    action: (kind: DocumentKind, number: string) => string;
    done: string;
    nothingToDo: string;
    selectionPresent: string;
  };
  /** Texts for the recipient, in the customer's language. */
  message: {
    documentName: Record<DocumentKind, string>;
    subject: (kind: DocumentKind, number: string) => string;
    body: (kind: DocumentKind, number: string, amount: string, dueDate: string) => string;
  };
};
