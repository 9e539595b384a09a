import { AppError, type ErrorCode } from '../contract/errors';
import { INTL_LOCALE, type Language } from '../contract/locale';
import { SignInError } from '../services/auth-dialog';
import { OfficeCallError } from '../services/office-item';
import type { PaneStrings } from './strings';

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
