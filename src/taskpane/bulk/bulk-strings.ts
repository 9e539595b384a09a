import type { BatchItemStatus } from '../../contract/batches.schemas';
import type { Language } from '../../contract/locale';
import type { SecureMode } from '../../contract/modes';

/**
 * The texts of the bulk reminder run, in the four languages. A catalog of its own, typed like the pane's
 * (strings/), so they load with the bulk chunk and cost nothing on the pane's first paint.
 */
export type BulkStrings = {
  selection: {
    heading: string;
    levels: string;
    level: (level: number) => string;
    overdueDays: string;
    customer: string;
    amountFrom: string;
    amountTo: string;
    language: string;
    anyLanguage: string;
    notSent: string;
    selectAll: string;
    empty: string;
    reminderLabel: (number: string, customer: string, amount: string) => string;
  };
  languageNames: Record<Language, string>;
  modeNames: Record<SecureMode, string>;
  summary: {
    heading: string;
    selected: (count: number) => string;
    messages: (count: number, recipients: number) => string;
    byMode: (mode: string, count: number) => string;
    /** `size` is formatted with its unit (formatFileSize). */
    totalSize: (size: string) => string;
    withoutEmail: (count: number) => string;
  };
  template: {
    heading: string;
    language: string;
    subject: string;
    modeForLevel: (level: number) => string;
  };
  preview: { action: string; heading: (recipient: string) => string; frameTitle: string };
  send: { action: (count: number) => string; sending: string };
  progress: {
    heading: string;
    label: (done: number, total: number) => string;
    counts: (counts: { accepted: number; failed: number; uncertain: number; open: number }) => string;
    results: string;
    status: Record<BatchItemStatus, string>;
    retryFailed: (count: number) => string;
    newRun: string;
  };
};

export const bulkStrings: Record<Language, BulkStrings> = {
  en: {
    selection: {
      heading: 'Select reminders',
      levels: 'Levels',
      level: (level) => `Level ${level}`,
      overdueDays: 'Overdue for at least (days)',
      customer: 'Customer',
      amountFrom: 'Amount from',
      amountTo: 'Amount to',
      language: 'Language',
      anyLanguage: 'Any language',
      notSent: 'Not yet sent',
      selectAll: 'Select all',
      empty: 'No reminders match these filters.',
      reminderLabel: (number, customer, amount) => `${number}, ${customer}, ${amount}`,
    },
    languageNames: { de: 'German', fr: 'French', it: 'Italian', en: 'English' },
    modeNames: { registered: 'Registered', confidential: 'Confidential', personal: 'Personal' },
    summary: {
      heading: 'Summary',
      selected: (count) => `${count} selected`,
      messages: (count, recipients) => `${count} messages to ${recipients} recipients`,
      byMode: (mode, count) => `${mode}: ${count}`,
      totalSize: (size) => `Total size ${size}`,
      withoutEmail: (count) => `Without e-mail address, not sent (${count})`,
    },
    template: {
      heading: 'Message',
      language: 'Template language',
      subject: 'Subject',
      modeForLevel: (level) => `Mode for level ${level}`,
    },
    preview: { action: 'Preview', heading: (recipient) => `Preview for ${recipient}`, frameTitle: 'Message preview' },
    send: { action: (count) => `Send ${count} messages`, sending: 'Starting…' },
    progress: {
      heading: 'Reminder run',
      label: (done, total) => `${done} of ${total} processed`,
      counts: ({ accepted, failed, uncertain, open }) =>
        `${accepted} accepted, ${failed} failed, ${uncertain} uncertain, ${open} open`,
      results: 'Results',
      status: {
        queued: 'Queued',
        sending: 'Sending',
        accepted: 'Accepted',
        failed: 'Failed',
        uncertain: 'Uncertain',
      },
      retryFailed: (count) => `Retry failed (${count})`,
      newRun: 'New run',
    },
  },
  de: {
    selection: {
      heading: 'Mahnungen auswählen',
      levels: 'Stufen',
      level: (level) => `Stufe ${level}`,
      overdueDays: 'Überfällig seit mindestens (Tage)',
      customer: 'Kunde',
      amountFrom: 'Betrag ab',
      amountTo: 'Betrag bis',
      language: 'Sprache',
      anyLanguage: 'Alle Sprachen',
      notSent: 'Noch nicht versendet',
      selectAll: 'Alle auswählen',
      empty: 'Keine Mahnungen entsprechen diesen Filtern.',
      reminderLabel: (number, customer, amount) => `${number}, ${customer}, ${amount}`,
    },
    languageNames: { de: 'Deutsch', fr: 'Französisch', it: 'Italienisch', en: 'Englisch' },
    modeNames: { registered: 'Eingeschrieben', confidential: 'Vertraulich', personal: 'Persönlich' },
    summary: {
      heading: 'Übersicht',
      selected: (count) => `${count} ausgewählt`,
      messages: (count, recipients) => `${count} Nachrichten an ${recipients} Empfänger`,
      byMode: (mode, count) => `${mode}: ${count}`,
      totalSize: (size) => `Gesamtgrösse ${size}`,
      withoutEmail: (count) => `Ohne E-Mail-Adresse, nicht versendet (${count})`,
    },
    template: {
      heading: 'Nachricht',
      language: 'Sprache der Vorlage',
      subject: 'Betreff',
      modeForLevel: (level) => `Versandart für Stufe ${level}`,
    },
    preview: {
      action: 'Vorschau',
      heading: (recipient) => `Vorschau für ${recipient}`,
      frameTitle: 'Vorschau der Nachricht',
    },
    send: { action: (count) => `${count} Nachrichten senden`, sending: 'Wird gestartet…' },
    progress: {
      heading: 'Mahnlauf',
      label: (done, total) => `${done} von ${total} abgeschlossen`,
      counts: ({ accepted, failed, uncertain, open }) =>
        `${accepted} angenommen, ${failed} fehlgeschlagen, ${uncertain} ungewiss, ${open} offen`,
      results: 'Ergebnisse',
      status: {
        queued: 'Wartet',
        sending: 'Wird gesendet',
        accepted: 'Angenommen',
        failed: 'Fehlgeschlagen',
        uncertain: 'Ungewiss',
      },
      retryFailed: (count) => `Fehlgeschlagene wiederholen (${count})`,
      newRun: 'Neuer Lauf',
    },
  },
  fr: {
    selection: {
      heading: 'Choisir les rappels',
      levels: 'Niveaux',
      level: (level) => `Niveau ${level}`,
      overdueDays: 'En retard depuis au moins (jours)',
      customer: 'Client',
      amountFrom: 'Montant dès',
      amountTo: 'Montant jusqu’à',
      language: 'Langue',
      anyLanguage: 'Toutes les langues',
      notSent: 'Pas encore envoyés',
      selectAll: 'Tout sélectionner',
      empty: 'Aucun rappel ne correspond à ces filtres.',
      reminderLabel: (number, customer, amount) => `${number}, ${customer}, ${amount}`,
    },
    languageNames: { de: 'Allemand', fr: 'Français', it: 'Italien', en: 'Anglais' },
    modeNames: { registered: 'Recommandé', confidential: 'Confidentiel', personal: 'Personnel' },
    summary: {
      heading: 'Résumé',
      selected: (count) => `${count} sélectionné(s)`,
      messages: (count, recipients) => `${count} messages à ${recipients} destinataires`,
      byMode: (mode, count) => `${mode} : ${count}`,
      totalSize: (size) => `Taille totale ${size}`,
      withoutEmail: (count) => `Sans adresse e-mail, non envoyés (${count})`,
    },
    template: {
      heading: 'Message',
      language: 'Langue du modèle',
      subject: 'Objet',
      modeForLevel: (level) => `Mode pour le niveau ${level}`,
    },
    preview: { action: 'Aperçu', heading: (recipient) => `Aperçu pour ${recipient}`, frameTitle: 'Aperçu du message' },
    send: { action: (count) => `Envoyer ${count} messages`, sending: 'Démarrage…' },
    progress: {
      heading: 'Envoi des rappels',
      label: (done, total) => `${done} sur ${total} terminés`,
      counts: ({ accepted, failed, uncertain, open }) =>
        `${accepted} acceptés, ${failed} échoués, ${uncertain} incertains, ${open} en cours`,
      results: 'Résultats',
      status: {
        queued: 'En attente',
        sending: 'Envoi',
        accepted: 'Accepté',
        failed: 'Échoué',
        uncertain: 'Incertain',
      },
      retryFailed: (count) => `Renvoyer les échecs (${count})`,
      newRun: 'Nouvel envoi',
    },
  },
  it: {
    selection: {
      heading: 'Scegliere i solleciti',
      levels: 'Livelli',
      level: (level) => `Livello ${level}`,
      overdueDays: 'Scaduti da almeno (giorni)',
      customer: 'Cliente',
      amountFrom: 'Importo da',
      amountTo: 'Importo fino a',
      language: 'Lingua',
      anyLanguage: 'Tutte le lingue',
      notSent: 'Non ancora inviati',
      selectAll: 'Seleziona tutti',
      empty: 'Nessun sollecito corrisponde a questi filtri.',
      reminderLabel: (number, customer, amount) => `${number}, ${customer}, ${amount}`,
    },
    languageNames: { de: 'Tedesco', fr: 'Francese', it: 'Italiano', en: 'Inglese' },
    modeNames: { registered: 'Raccomandata', confidential: 'Confidenziale', personal: 'Personale' },
    summary: {
      heading: 'Riepilogo',
      selected: (count) => `${count} selezionati`,
      messages: (count, recipients) => `${count} messaggi a ${recipients} destinatari`,
      byMode: (mode, count) => `${mode}: ${count}`,
      totalSize: (size) => `Dimensione totale ${size}`,
      withoutEmail: (count) => `Senza indirizzo e-mail, non inviati (${count})`,
    },
    template: {
      heading: 'Messaggio',
      language: 'Lingua del modello',
      subject: 'Oggetto',
      modeForLevel: (level) => `Modalità per il livello ${level}`,
    },
    preview: {
      action: 'Anteprima',
      heading: (recipient) => `Anteprima per ${recipient}`,
      frameTitle: 'Anteprima del messaggio',
    },
    send: { action: (count) => `Invia ${count} messaggi`, sending: 'Avvio…' },
    progress: {
      heading: 'Invio dei solleciti',
      label: (done, total) => `${done} di ${total} conclusi`,
      counts: ({ accepted, failed, uncertain, open }) =>
        `${accepted} accettati, ${failed} falliti, ${uncertain} incerti, ${open} aperti`,
      results: 'Risultati',
      status: {
        queued: 'In attesa',
        sending: 'Invio',
        accepted: 'Accettato',
        failed: 'Fallito',
        uncertain: 'Incerto',
      },
      retryFailed: (count) => `Riprova i falliti (${count})`,
      newRun: 'Nuovo invio',
    },
  },
};
