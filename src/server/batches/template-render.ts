import type { MessageTemplate, Placeholder } from '../../contract/batches.schemas.js';
import type { DocumentSummary } from '../../contract/documents.schemas.js';
import { INTL_LOCALE, type Language } from '../../contract/locale.js';

export type PlaceholderValues = Record<Placeholder, string>;

const formatters = new Map<string, Intl.NumberFormat | Intl.DateTimeFormat>();

function cached<T extends Intl.NumberFormat | Intl.DateTimeFormat>(key: string, create: () => T): T {
  let formatter = formatters.get(key);
  if (!formatter) formatters.set(key, (formatter = create()));
  return formatter as T;
}

/**
 * `CHF 1’234.50` in de-CH, `1 234.50 CHF` in fr-CH: the customer reads amounts as their region writes them.
 * Always the ISO code (`EUR`, not `€`), as on the QR-bill the message comes with.
 */
export function formatMoney(value: number, currency: string, language: Language): string {
  const locale = INTL_LOCALE[language];
  return cached(
    `money:${locale}:${currency}`,
    () => new Intl.NumberFormat(locale, { style: 'currency', currency, currencyDisplay: 'code' }),
  ).format(value);
}

/** `15. April 2026`, `15 avril 2026`: spelled out, so no customer misreads day and month. */
export function formatLongDate(isoDate: string, language: Language): string {
  const locale = INTL_LOCALE[language];
  // Calendar dates carry no time zone; reading them as UTC midnight and formatting in UTC keeps the day.
  return cached(`date:${locale}`, () => new Intl.DateTimeFormat(locale, { dateStyle: 'long', timeZone: 'UTC' })).format(
    new Date(`${isoDate}T00:00:00Z`),
  );
}

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
