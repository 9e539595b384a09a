import type { Language } from '../../../contract/locale.js';
import { WORDING } from '../../pdf/wording.js';

/**
 * What a document LedgerMail produced from WinBIZ says about where it comes from, in the customer's language.
 * The PDF's line column is about 270 points wide at 9 points and does not wrap its row height, so each text
 * stays short enough for one line (about 55 characters with a 12-character document number).
 */
const STATEMENT: Record<Language, (number: string) => string> = {
  de: (n) => `Rechnung ${n} (Auszug LedgerMail aus WinBIZ)`,
  fr: (n) => `Facture ${n} (extrait LedgerMail de WinBIZ)`,
  it: (n) => `Fattura ${n} (estratto LedgerMail da WinBIZ)`,
  en: (n) => `Invoice ${n} (LedgerMail statement from WinBIZ)`,
};

/** The one line of an invoice statement: the invoice's gross total as WinBIZ booked it. */
export const statementLine = (language: Language, number: string) => STATEMENT[language](number);

/** A reminder's first line: the ledger's "open amount of invoice …", marked as WinBIZ's open item. */
export const reminderLine = (language: Language, number: string) =>
  `${WORDING[language].labels.openAmountOf(number)} (WinBIZ)`;

/**
 * The plain sentence the pane and the PDF should carry once the PDF code can print a document's origin
 * (proposed to the lead as a DocumentDetail field); kept here so both say the same.
 */
export const PRODUCED_FROM_OPEN_ITEM: Record<Language, string> = {
  de: 'LedgerMail hat dieses Dokument aus dem offenen Posten in WinBIZ erstellt.',
  fr: 'LedgerMail a établi ce document à partir du poste ouvert dans WinBIZ.',
  it: 'LedgerMail ha prodotto questo documento dalla partita aperta in WinBIZ.',
  en: "LedgerMail produced this document from WinBIZ's open item.",
};
