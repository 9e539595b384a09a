import { firstPaintStrings } from './first-paint';
import { errorExplanations } from '../../services/error-explanations';
import type { PaneStrings } from './pane-strings';

/** The task pane in German (Swiss usage: ss for ß). */
export const de: PaneStrings = {
  title: 'LedgerMail',
  tabs: { invoice: 'Rechnungen', reminder: 'Mahnungen' },
  search: { label: 'Dokumente suchen', placeholder: 'Nummer oder Kunde' },
  filters: {
    show: 'Filter',
    hide: 'Filter ausblenden',
    status: 'Status',
    anyStatus: 'Alle Status',
    level: 'Mahnstufe',
    anyLevel: 'Alle Stufen',
    levelOption: (level) => `Stufe ${level}`,
    overdueSince: 'Überfällig seit',
    anyTime: 'Beliebig',
    overdueDays: (days) => `Mehr als ${days} Tagen`,
  },
  forThisMessage: {
    heading: 'Für diese Nachricht',
    noRecipients: 'Fügen Sie Empfänger hinzu, um deren Dokumente hier zuerst zu sehen.',
    empty: 'Keine Dokumente für diese Empfänger.',
    refresh: 'Empfänger aktualisieren',
  },
  all: {
    heading: 'Alle Dokumente',
    empty: 'Keine passenden Dokumente.',
    previous: 'Vorherige Seite',
    next: 'Nächste Seite',
    page: (page) => `Seite ${page}`,
  },
  status: { draft: 'Entwurf', open: 'Offen', overdue: 'Überfällig', paid: 'Bezahlt', cancelled: 'Storniert' },
  reminderLevel: (level) => `${level}. Mahnung`,
  dueOn: (date) => `Fällig am ${date}`,
  ...firstPaintStrings.de,
  retry: 'Erneut versuchen',
  noItem: 'Öffnen oder beginnen Sie eine Nachricht, um LedgerMail zu verwenden.',
  bulk: { open: 'Mahnlauf', close: 'Zurück zur Liste' },
  errors: errorExplanations.de,
  attach: {
    action: (kind, number) => `${kind === 'invoice' ? 'Rechnung' : 'Mahnung'} ${number} anhängen`,
    attaching: (number) => `${number} wird angehängt…`,
    attached: 'Angehängt',
    attachedAs: (fileName) => `Angehängt als ${fileName}.`,
    draft: (number) => `${number} ist ein Entwurf. Schliessen Sie ihn in der Buchhaltung ab, bevor Sie ihn senden.`,
    fileTooLarge: (mb) => `Dieses PDF ist zu gross für Outlook (${mb} MB; höchstens 25 MB pro Datei).`,
    totalTooLarge: (mb) => `Die Anhänge der Nachricht kämen auf ${mb} MB; Outlook erlaubt insgesamt 25 MB.`,
  },
  fill: {
    action: (kind, number) => `Nachricht für ${kind === 'invoice' ? 'Rechnung' : 'Mahnung'} ${number} ausfüllen`,
    done: 'Die Nachricht wurde ergänzt, wo sie leer war.',
    nothingToDo: 'Empfänger, Betreff und Text sind schon vorhanden; nichts wurde geändert.',
    selectionPresent: 'Setzen Sie den Cursor in den Text, ohne etwas zu markieren, und versuchen Sie es erneut.',
  },
  message: {
    documentName: { invoice: 'Rechnung', reminder: 'Zahlungserinnerung' },
    subject(kind, number) {
      return `${this.documentName[kind]} ${number}`;
    },
    body: (kind, number, amount, dueDate) =>
      kind === 'invoice'
        ? `Im Anhang finden Sie die Rechnung ${number} über ${amount}, zahlbar bis ${dueDate}.`
        : `Im Anhang finden Sie die Zahlungserinnerung ${number} über ${amount}, zahlbar bis ${dueDate}.`,
  },
};
