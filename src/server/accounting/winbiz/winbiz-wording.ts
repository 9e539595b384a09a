import type { Language } from '../../../contract/locale.js';

/**
 * The lines of a document LedgerMail produced from WinBIZ's open item, which has no positions: the invoice as
 * WinBIZ booked it, or a reminder's open amount. Where the document comes from is printed beneath, by the PDF
 * code (`producedFrom`). The line column is about 270 points wide at 9 points, one line each.
 */
const STATEMENT: Record<Language, (number: string) => string> = {
  de: (n) => `Rechnung ${n} gemäss Buchhaltung`,
  fr: (n) => `Facture ${n} selon la comptabilité`,
  it: (n) => `Fattura ${n} secondo la contabilità`,
  en: (n) => `Invoice ${n} as booked`,
};

/** The one line of an invoice statement: the invoice's gross total as WinBIZ booked it. */
export const statementLine = (language: Language, number: string) => STATEMENT[language](number);
