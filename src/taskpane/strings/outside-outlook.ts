import type { Language } from '../../contract/language';

export type OutsideOutlookText = { title: string; howTo: string };

/**
 * The page opened outside Outlook (a browser tab): LedgerMail works only as Outlook's task pane, reached from
 * a message being written. The names are the ribbon's (manifest.xml: group LedgerMail, button Invoices).
 */
export const outsideOutlookStrings: Record<Language, OutsideOutlookText> = {
  en: {
    title: 'Open LedgerMail in Outlook',
    howTo:
      'LedgerMail works only inside Outlook. In Outlook, start a new message, then choose “Invoices” in the LedgerMail group of the ribbon.',
  },
  de: {
    title: 'LedgerMail in Outlook öffnen',
    howTo:
      'LedgerMail funktioniert nur in Outlook. Erstellen Sie in Outlook eine neue Nachricht und wählen Sie im Menüband in der Gruppe LedgerMail «Rechnungen».',
  },
  fr: {
    title: 'Ouvrez LedgerMail dans Outlook',
    howTo:
      'LedgerMail fonctionne uniquement dans Outlook. Dans Outlook, créez un nouveau message, puis choisissez « Factures » dans le groupe LedgerMail du ruban.',
  },
  it: {
    title: 'Apra LedgerMail in Outlook',
    howTo:
      'LedgerMail funziona solo in Outlook. In Outlook crei un nuovo messaggio, poi scelga «Fatture» nel gruppo LedgerMail della barra multifunzione.',
  },
};
