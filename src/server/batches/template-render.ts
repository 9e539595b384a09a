import type { MessageTemplate, Placeholder } from '../../contract/batches.schemas.js';
import type { DocumentSummary } from '../../contract/documents.schemas.js';
import type { Language } from '../../contract/locale.js';
import { formatLongDate, formatMoney } from '../../contract/swiss-format.js';

export type PlaceholderValues = Record<Placeholder, string>;

export function placeholderValues(
  reminder: Pick<
    DocumentSummary,
    'customer' | 'number' | 'total' | 'openAmount' | 'fee' | 'currency' | 'dueDate' | 'issueDate' | 'level'
  >,
  invoiceNumber: string,
  language: Language,
): PlaceholderValues {
  const money = (value: number) => formatMoney(value, reminder.currency, language);
  return {
    customerName: reminder.customer.name,
    number: reminder.number,
    invoiceNumber,
    amount: money(reminder.total),
    openAmount: money(reminder.openAmount),
    fee: money(reminder.fee ?? 0),
    currency: reminder.currency,
    dueDate: formatLongDate(reminder.dueDate, language),
    issueDate: formatLongDate(reminder.issueDate, language),
    level: String(reminder.level ?? ''),
  };
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

function fill(text: string, values: PlaceholderValues, encode: (value: string) => string): string {
  return text.replace(/\{([A-Za-z]+)\}/g, (whole, name: string) =>
    Object.hasOwn(values, name) ? encode(values[name as Placeholder]) : whole,
  );
}

/**
 * The values come from the accounting (a customer named `Müller & <Söhne>`): escaped in the HTML body, and
 * in the subject, a header, stripped of line breaks so no value can start a header of its own.
 */
export function renderMessage(template: MessageTemplate, values: PlaceholderValues): { subject: string; html: string } {
  return {
    subject: fill(template.subject, values, (value) => value.replace(/[\r\n]+/g, ' ')),
    html: fill(template.html, values, escapeHtml),
  };
}
