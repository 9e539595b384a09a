import type { Language } from '../contract/locale';
import type { SecureMode } from '../contract/modes';
import { commandStrings } from './strings';

/** What the mailbox route's marking says on the item, each within Outlook's 150 characters. */
export type MarkingStrings = {
  /** Lasting: stays on the draft until it is sent or the marking removed, with the way back. */
  marked: (mode: SecureMode) => string;
  removed: string;
  notMarked: string;
  outlookFailed: (detail: string) => string;
};

const mode = (language: Language, m: SecureMode) => commandStrings[language].modeName[m];

export const markingStrings: Record<Language, MarkingStrings> = {
  en: {
    marked: (m) =>
      `Will go as ${mode('en', m)} mail through IncaMail when you click Send. To undo: LedgerMail › Remove marking.`,
    removed: 'IncaMail marking removed: subject and recipients are as you wrote them; the message goes as usual.',
    notMarked: 'This message is not marked for IncaMail; nothing to remove.',
    outlookFailed: (detail) => `Outlook could not change the message (${detail}); it is as it was.`,
  },
  de: {
    marked: (m) => `Geht beim Senden ${mode('de', m)} über IncaMail. Rückgängig: LedgerMail › Markierung entfernen.`,
    removed:
      'IncaMail-Markierung entfernt: Betreff und Empfänger wie von Ihnen geschrieben; die Nachricht geht normal.',
    notMarked: 'Diese Nachricht ist nicht für IncaMail markiert; nichts zu entfernen.',
    outlookFailed: (detail) => `Outlook konnte die Nachricht nicht ändern (${detail}); sie ist unverändert.`,
  },
  fr: {
    marked: (m) =>
      `Partira en ${mode('fr', m)} via IncaMail à l’envoi. Pour annuler : LedgerMail › Retirer le marquage.`,
    removed: 'Marquage IncaMail retiré : objet et destinataires tels que vous les avez écrits ; envoi normal.',
    notMarked: 'Ce message n’est pas marqué pour IncaMail ; rien à retirer.',
    outlookFailed: (detail) => `Outlook n’a pas pu modifier le message (${detail}) ; il est inchangé.`,
  },
  it: {
    marked: (m) =>
      `All’invio partirà come ${mode('it', m)} tramite IncaMail. Per annullare: LedgerMail › Rimuovi marcatura.`,
    removed: 'Marcatura IncaMail rimossa: oggetto e destinatari come li ha scritti; il messaggio parte normalmente.',
    notMarked: 'Questo messaggio non è marcato per IncaMail; niente da rimuovere.',
    outlookFailed: (detail) => `Outlook non ha potuto modificare il messaggio (${detail}); è invariato.`,
  },
};
