import { BACKEND_NAMES } from './backend-names';
import { firstPaintStrings } from './first-paint';
import { errorExplanations } from '../../services/error-explanations';
import { pageRange, type PaneStrings } from './pane-strings';

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
    range: pageRange('de', { of: 'von', moreThan: 'über' }),
    source: ({ backend, pdfs }) =>
      `Aus ${BACKEND_NAMES.de[backend]}.${pdfs === 'ledgermail' && backend !== 'ledger' ? ' LedgerMail erstellt die PDFs aus den offenen Posten.' : ''}`,
  },
  status: { draft: 'Entwurf', open: 'Offen', overdue: 'Überfällig', paid: 'Bezahlt', cancelled: 'Storniert' },
  reminderLevel: (level) => `${level}. Mahnung`,
  dueOn: (date) => `Fällig am ${date}`,
  ...firstPaintStrings.de,
  retry: 'Erneut versuchen',
  moreRows: (shown, total) => `Weitere anzeigen (${shown} von ${total} angezeigt)`,
  noItem: 'Öffnen oder beginnen Sie eine Nachricht, um LedgerMail zu verwenden.',
  bulk: { open: 'Mahnlauf', close: 'Zurück zur Liste' },
  errors: errorExplanations.de,
  attach: {
    action: (kind, number) => `${kind === 'invoice' ? 'Rechnung' : 'Mahnung'} ${number} anhängen`,
    attaching: (number) => `${number} wird angehängt…`,
    attached: 'Angehängt',
    attachedAs: (fileName) => `Angehängt als ${fileName}.`,
    draft: (number) => `${number} ist ein Entwurf. Schliessen Sie ihn in der Buchhaltung ab, bevor Sie ihn senden.`,
    deadlinePassed: (number, date) =>
      `${number} verlangt Zahlung bis ${date}, und diese Frist ist abgelaufen. Datieren Sie die Mahnung in der Buchhaltung neu.`,
    fileTooLarge: (mb) => `Dieses PDF ist zu gross für Outlook (${mb} MB; höchstens 25 MB pro Datei).`,
    totalTooLarge: (mb) => `Die Anhänge der Nachricht kämen auf ${mb} MB; Outlook erlaubt insgesamt 25 MB.`,
  },
  fill: {
    action: (kind, number) => `Nachricht für ${kind === 'invoice' ? 'Rechnung' : 'Mahnung'} ${number} ausfüllen`,
    done: 'Die Nachricht wurde ergänzt, wo sie leer war.',
    nothingToDo: 'Empfänger, Betreff und Text sind schon vorhanden; nichts wurde geändert.',
    selectionPresent: 'Setzen Sie den Cursor in den Text, ohne etwas zu markieren, und versuchen Sie es erneut.',
  },
  earlierSend: {
    modeName: { registered: 'eingeschrieben', confidential: 'vertraulich', personal: 'persönlich' },
    button: { registered: '«Eingeschrieben»', confidential: '«Vertraulich»', personal: '«Persönlich»' },
    sent(mode, date, time, reference) {
      return `Diese Nachricht wurde am ${date} um ${time} ${this.modeName[mode]} über IncaMail gesendet (Referenz ${reference}). Den Entwurf können Sie löschen.`;
    },
    sentPartly: (date, time, reference, refused) =>
      `Diese Nachricht wurde am ${date} um ${time} über IncaMail gesendet (Referenz ${reference}), aber IncaMail hat diese Empfänger abgelehnt: ${refused}.`,
    sending(mode, time) {
      return `Diese Nachricht wird ${this.modeName[mode]} über IncaMail gesendet (übergeben um ${time}). Sie wird nie doppelt gesendet.`;
    },
    notReceivedYet(mode, time) {
      return `LedgerMail hat diese Nachricht noch nicht erhalten (Versand begonnen um ${time}). Wurde der Versand unterbrochen, klicken Sie erneut auf ${this.button[mode]}: Eine Nachricht wird nie doppelt gesendet.`;
    },
    notReceived(mode) {
      return `Diese Nachricht wurde nicht gesendet: Der Versand wurde unterbrochen, bevor sie LedgerMail erreichte. Klicken Sie auf ${this.button[mode]}, um sie zu senden.`;
    },
    refused(mode, reply) {
      return `Diese Nachricht wurde nicht gesendet: IncaMail hat sie abgelehnt (${reply}). Klicken Sie auf ${this.button[mode]}, um es erneut zu versuchen.`;
    },
    uncertain: (time) =>
      `Ob diese Nachricht IncaMail erreicht hat, ist unsicher: Die Verbindung brach nach der Übergabe um ${time} ab. Prüfen Sie Ihre Quittungen, bevor Sie sie erneut senden; ein neuer Versand wäre eine zweite Kopie.`,
    unknown(mode, reason) {
      return `LedgerMail konnte nicht prüfen, ob diese Nachricht schon gesendet wurde (${reason}). Ein erneuter Klick auf ${this.button[mode]} ist sicher: Eine Nachricht wird nie doppelt gesendet.`;
    },
  },
  message: {
    subject: (title, number) => `${title} ${number}`,
    // Rechnung, Zahlungserinnerung and Mahnung are all feminine: "die".
    body: (kind, title, number, amount, date, state) =>
      state === 'overdue'
        ? `Im Anhang finden Sie die ${title} ${number} über ${amount}, fällig seit dem ${date}.`
        : `Im Anhang finden Sie die ${title} ${number} über ${amount}, zahlbar bis ${date}.`,
  },
};
