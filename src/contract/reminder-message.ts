import type { Company, Grouping, MessageTemplate, Placeholder } from './batches.schemas.js';
import { amountDueCents } from './amount-due.js';
import { DOCUMENT_TITLES, documentTitle } from './document-titles.js';
import type { Currency, DocumentStatus, ReminderLevel } from './documents.schemas.js';
import type { Language } from './locale.js';
import { formatDate, formatMoney } from './swiss-format.js';

/** One reminder as a message speaks of it, with the invoice it reminds of. */
export type ReminderFacts = {
  number: string;
  level: ReminderLevel;
  status: DocumentStatus;
  currency: Currency;
  openAmount: number;
  fee: number | null;
  /** The reminder's own deadline: the pay-by date printed on its PDF. */
  dueDate: string;
  invoice: { number: string; issueDate: string; dueDate: string; total: number };
};

/** What one message of a run is about: one customer, one currency, one or more reminders. */
export type MessageFacts = {
  customerName: string;
  language: Language;
  reminders: readonly ReminderFacts[];
  company: Company;
};

export type PlaceholderValues = Record<Placeholder, string>;

/** A reminder of a run must ask for payment by a day after the run's: one due today or earlier cannot go. */
export function deadlinePassed(reminder: { dueDate: string }, today: string): boolean {
  return reminder.dueDate <= today;
}

/**
 * The messages a run makes of its reminders, in their order: one per customer and currency (so amounts add
 * up), or one per reminder. The pane counts with it what the bridge will send.
 */
export function groupIntoMessages<T>(
  items: readonly T[],
  grouping: Grouping,
  reminderOf: (item: T) => { customer: { id: string }; currency: string },
): T[][] {
  if (grouping === 'per-reminder') return items.map((item) => [item]);
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const { customer, currency } = reminderOf(item);
    const key = `${customer.id}\u0000${currency}`;
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return [...groups.values()];
}

const PAY_BY: Record<Language, string> = {
  de: 'zahlbar bis',
  fr: 'payable jusqu’au',
  it: 'pagabile entro il',
  en: 'payable by',
};

const sumCents = (values: readonly number[]) => values.reduce((sum, value) => sum + value, 0);
const cents = (value: number) => Math.round(value * 100);

/**
 * The placeholder values of a message, in the customer's language. Amounts and dates are written as the
 * attached PDFs write them: `{amountDue}` is the sum of what their QR-bills ask, `{payBy}` the earliest of
 * their deadlines, so the text never asks for more, less or later than the documents it carries.
 */
export function placeholderValues(facts: MessageFacts): PlaceholderValues {
  const { language, reminders, company } = facts;
  const first = reminders[0];
  if (!first) throw new Error('A message speaks of at least one reminder.');
  const currency = first.currency;
  if (reminders.some((r) => r.currency !== currency)) throw new Error('A message asks for one currency.');
  const money = (valueCents: number) => formatMoney(valueCents / 100, currency, language);
  const top = reminders.reduce((a, b) => (b.level > a.level ? b : a));
  const payBy = reminders.map((r) => r.dueDate).reduce((a, b) => (b < a ? b : a));
  const list = (pick: (r: ReminderFacts) => string) => reminders.map(pick).join(', ');
  const dueCents = (r: ReminderFacts) => amountDueCents(r) ?? 0;
  return {
    customerName: facts.customerName,
    title: documentTitle({ kind: 'reminder', level: top.level }, language),
    number: list((r) => r.number),
    level: String(top.level),
    invoiceNumber: list((r) => r.invoice.number),
    invoiceDate: list((r) => formatDate(r.invoice.issueDate, language)),
    invoiceDueDate: list((r) => formatDate(r.invoice.dueDate, language)),
    invoiceTotal: money(sumCents(reminders.map((r) => cents(r.invoice.total)))),
    openAmount: money(sumCents(reminders.map((r) => cents(r.openAmount)))),
    fee: money(sumCents(reminders.map((r) => cents(r.fee ?? 0)))),
    amountDue: money(sumCents(reminders.map(dueCents))),
    payBy: formatDate(payBy, language),
    currency,
    documentList: reminders
      .map(
        (r) =>
          `– ${documentTitle({ kind: 'reminder', level: r.level }, language)} ${r.number}` +
          (r.invoice.number ? ` (${DOCUMENT_TITLES[language].invoice} ${r.invoice.number})` : '') +
          `: ${money(dueCents(r))}, ${PAY_BY[language]} ${formatDate(r.dueDate, language)}`,
      )
      .join('\n'),
    companyName: company.name,
    signature: company.signature.join('\n'),
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

export type RenderedMessage = { subject: string; html: string; text: string };

/**
 * A plain-text template as the customer reads it: the text part as written, and HTML with one paragraph per
 * blank-line-separated block and a line break per line. The values come from the accounting (a customer
 * named `Müller & <Söhne>`) and are escaped in the HTML; in the subject, a header, line breaks become commas
 * so no value can start a header of its own.
 */
export function renderTemplate(template: MessageTemplate, values: PlaceholderValues): RenderedMessage {
  const body = template.body.replace(/\r\n?/g, '\n').trim();
  const paragraphs = body.split(/\n[ \t]*\n+/);
  const lines = (value: string) => value.replace(/\r\n?/g, '\n');
  const html = paragraphs
    .map((paragraph) => fill(escapeHtml(paragraph), values, (value) => escapeHtml(lines(value))))
    .map((paragraph) => `<p>${paragraph.replace(/\n/g, '<br>\n')}</p>`)
    .join('\n');
  return {
    subject: fill(template.subject, values, (value) => value.replace(/\s*[\r\n]+\s*/g, ', ')).trim(),
    html,
    text: fill(body, values, lines),
  };
}
