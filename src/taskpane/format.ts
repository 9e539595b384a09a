import type { Currency } from '../contract/documents.schemas';
import { AppError, type ErrorCode } from '../contract/errors';
import { INTL_LOCALE, type Language } from '../contract/locale';
import { SignInError } from '../services/auth-dialog';
import { OfficeCallError } from '../services/office-item';
import type { PaneStrings } from './strings';

const amountFormats = new Map<string, Intl.NumberFormat>();
const dateFormats = new Map<Language, Intl.DateTimeFormat>();

/** `CHF 1’234.50` in de-CH, `1 234,50 CHF` in fr-CH: Intl knows each language's Swiss conventions. */
export function formatAmount(amount: number, currency: Currency, language: Language): string {
  const key = `${language}:${currency}`;
  let format = amountFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[language], { style: 'currency', currency });
    amountFormats.set(key, format);
  }
  return format.format(amount);
}

/** Calendar dates (YYYY-MM-DD) in UTC, so no time zone can move a due date to the day before. */
export function formatDate(isoDate: string, language: Language): string {
  let format = dateFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_LOCALE[language], {
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      timeZone: 'UTC',
    });
    dateFormats.set(language, format);
  }
  return format.format(new Date(`${isoDate}T00:00:00Z`));
}

export function formatMegabytes(bytes: number, language: Language): string {
  return new Intl.NumberFormat(INTL_LOCALE[language], { maximumFractionDigits: 1 }).format(bytes / (1024 * 1024));
}

/**
 * What the pane says about a failure, in the pane's language: failures the pane detected itself (no
 * connection, time-out, unreadable answer, sign-in), and the bridge's refusals whose remedy does not depend
 * on the detail. Other refusals (a bad request, a document that is gone) show the bridge's own message,
 * which names the specifics.
 */
export function describeError(error: unknown, strings: PaneStrings): string {
  if (error instanceof SignInError) return strings.errors.signIn[error.failure];
  if (error instanceof AppError) {
    switch (error.code) {
      case 'bridge_unreachable':
        return strings.errors.unreachable;
      case 'timeout':
        return strings.errors.timeout;
      case 'malformed_response':
        return strings.errors.malformed;
      default: {
        const localized: Partial<Record<ErrorCode, string>> = strings.errors.byCode;
        return localized[error.code] ?? error.message;
      }
    }
  }
  if (error instanceof OfficeCallError) return strings.errors.office(error.message);
  return error instanceof Error ? error.message : String(error);
}

/** Whether retrying may help: the connection failed rather than the bridge refusing the request. */
export function isConnectionProblem(error: unknown): boolean {
  return error instanceof AppError && (error.code === 'bridge_unreachable' || error.code === 'timeout');
}
