import type { DocumentKind, ReminderLevel } from './documents.schemas.js';
import type { Language } from './locale.js';

/**
 * What a document is called, in the customer's language: the PDF's title, the message's subject, the pane's
 * lists and the sentence Fill the message writes all use these words, so a "3. und letzte Mahnung" is never
 * announced as a "Zahlungserinnerung".
 */
export const DOCUMENT_TITLES: Record<Language, { invoice: string; reminder: Record<ReminderLevel, string> }> = {
  de: { invoice: 'Rechnung', reminder: { 1: 'Zahlungserinnerung', 2: '2. Mahnung', 3: '3. und letzte Mahnung' } },
  fr: { invoice: 'Facture', reminder: { 1: 'Rappel de paiement', 2: '2e rappel', 3: '3e et dernier rappel' } },
  it: {
    invoice: 'Fattura',
    reminder: { 1: 'Promemoria di pagamento', 2: '2° sollecito', 3: '3° e ultimo sollecito' },
  },
  en: { invoice: 'Invoice', reminder: { 1: 'Payment reminder', 2: 'Second reminder', 3: 'Final reminder' } },
};

export function documentTitle(
  document: { kind: DocumentKind; level: ReminderLevel | null },
  language: Language,
): string {
  const titles = DOCUMENT_TITLES[language];
  return document.kind === 'reminder' && document.level !== null ? titles.reminder[document.level] : titles.invoice;
}
