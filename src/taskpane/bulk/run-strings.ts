import type { LevelKey, Placeholder } from '../../contract/batches.schemas';
import type { Language } from '../../contract/locale';

/** Texts of the run's message editor and preview, in the four languages (beside bulk-strings.ts). */
export type RunStrings = {
  grouping: { label: string; perCustomer: string; perReminder: string };
  editor: {
    level: string;
    levelName: Record<LevelKey, string>;
    body: string;
    insert: string;
    /** What each placeholder stands for, as its chip's accessible description. */
    placeholders: Record<Placeholder, string>;
    edited: string;
    reset: string;
    livePreview: string;
    noSample: (language: string) => string;
  };
  deadlinePassed: (count: number) => string;
  deadlineLine: (number: string, customer: string, date: string) => string;
  step: {
    position: (index: number, total: number) => string;
    previous: string;
    next: string;
    modeBecause: (mode: string, level: number) => string;
    attachments: (count: number) => string;
  };
};

export const runStrings: Record<Language, RunStrings> = {
  de: {
    grouping: {
      label: 'Versand',
      perCustomer: 'Eine Nachricht pro Kunde mit all seinen Mahnungen',
      perReminder: 'Eine Nachricht pro Mahnung',
    },
    editor: {
      level: 'Mahnstufe',
      levelName: { '1': 'Zahlungserinnerung', '2': '2. Mahnung', '3': '3. und letzte Mahnung' },
      body: 'Text',
      insert: 'Platzhalter einfügen',
      placeholders: {
        customerName: 'Name des Kunden',
        title: 'Titel der Mahnung, z. B. 2. Mahnung',
        number: 'Nummer der Mahnung',
        level: 'Mahnstufe (1–3)',
        invoiceNumber: 'Nummer der Rechnung',
        invoiceDate: 'Datum der Rechnung',
        invoiceDueDate: 'Ursprüngliche Fälligkeit der Rechnung',
        invoiceTotal: 'Rechnungsbetrag',
        openAmount: 'Offener Betrag ohne Gebühr',
        fee: 'Mahngebühr',
        amountDue: 'Zu bezahlen: offener Betrag plus Gebühr, wie auf dem QR-Einzahlungsschein',
        payBy: 'Neue Zahlungsfrist der Mahnung',
        currency: 'Währung',
        documentList: 'Liste der Mahnungen mit Betrag und Frist',
        companyName: 'Name Ihrer Firma',
        signature: 'Signatur: Firma, Adresse, Kontakt',
      },
      edited: 'Angepasst für diesen Lauf',
      reset: 'Vorlage wiederherstellen',
      livePreview: 'So liest es der Kunde',
      noSample: (language) => `Wählen Sie eine Mahnung auf ${language}, um die Vorschau zu sehen.`,
    },
    deadlinePassed: (count) => `Zahlungsfrist abgelaufen, nicht versendbar (${count})`,
    deadlineLine: (number, customer, date) =>
      `${number} · ${customer}: zahlbar bis ${date}. Datieren Sie die Mahnung in der Buchhaltung neu.`,
    step: {
      position: (index, total) => `Nachricht ${index} von ${total}`,
      previous: 'Vorherige',
      next: 'Nächste',
      modeBecause: (mode, level) => `${mode}, wie für Stufe ${level} eingestellt`,
      attachments: (count) => (count === 1 ? '1 Anhang' : `${count} Anhänge`),
    },
  },
  fr: {
    grouping: {
      label: 'Envoi',
      perCustomer: 'Un message par client avec tous ses rappels',
      perReminder: 'Un message par rappel',
    },
    editor: {
      level: 'Niveau de rappel',
      levelName: { '1': 'Rappel de paiement', '2': '2e rappel', '3': '3e et dernier rappel' },
      body: 'Texte',
      insert: 'Insérer un champ',
      placeholders: {
        customerName: 'Nom du client',
        title: 'Titre du rappel, p. ex. 2e rappel',
        number: 'Numéro du rappel',
        level: 'Niveau de rappel (1–3)',
        invoiceNumber: 'Numéro de la facture',
        invoiceDate: 'Date de la facture',
        invoiceDueDate: 'Échéance initiale de la facture',
        invoiceTotal: 'Montant de la facture',
        openAmount: 'Montant ouvert sans frais',
        fee: 'Frais de rappel',
        amountDue: 'À payer : montant ouvert plus frais, comme sur la QR-facture',
        payBy: 'Nouveau délai de paiement du rappel',
        currency: 'Monnaie',
        documentList: 'Liste des rappels avec montant et délai',
        companyName: 'Nom de votre entreprise',
        signature: 'Signature : entreprise, adresse, contact',
      },
      edited: 'Adapté pour cet envoi',
      reset: 'Rétablir le modèle',
      livePreview: 'Ce que lira le client',
      noSample: (language) => `Sélectionnez un rappel en ${language} pour voir l’aperçu.`,
    },
    deadlinePassed: (count) => `Délai de paiement échu, envoi impossible (${count})`,
    deadlineLine: (number, customer, date) =>
      `${number} · ${customer} : payable jusqu’au ${date}. Redatez le rappel dans la comptabilité.`,
    step: {
      position: (index, total) => `Message ${index} sur ${total}`,
      previous: 'Précédent',
      next: 'Suivant',
      modeBecause: (mode, level) => `${mode}, comme réglé pour le niveau ${level}`,
      attachments: (count) => (count === 1 ? '1 pièce jointe' : `${count} pièces jointes`),
    },
  },
  it: {
    grouping: {
      label: 'Invio',
      perCustomer: 'Un messaggio per cliente con tutti i suoi solleciti',
      perReminder: 'Un messaggio per sollecito',
    },
    editor: {
      level: 'Livello di sollecito',
      levelName: { '1': 'Promemoria di pagamento', '2': '2° sollecito', '3': '3° e ultimo sollecito' },
      body: 'Testo',
      insert: 'Inserisci un campo',
      placeholders: {
        customerName: 'Nome del cliente',
        title: 'Titolo del sollecito, p. es. 2° sollecito',
        number: 'Numero del sollecito',
        level: 'Livello di sollecito (1–3)',
        invoiceNumber: 'Numero della fattura',
        invoiceDate: 'Data della fattura',
        invoiceDueDate: 'Scadenza originale della fattura',
        invoiceTotal: 'Importo della fattura',
        openAmount: 'Importo aperto senza spese',
        fee: 'Spese di sollecito',
        amountDue: 'Da pagare: importo aperto più spese, come sulla QR-fattura',
        payBy: 'Nuovo termine di pagamento del sollecito',
        currency: 'Valuta',
        documentList: 'Elenco dei solleciti con importo e termine',
        companyName: 'Nome della vostra azienda',
        signature: 'Firma: azienda, indirizzo, contatto',
      },
      edited: 'Adattato per questo invio',
      reset: 'Ripristina il modello',
      livePreview: 'Ciò che leggerà il cliente',
      noSample: (language) => `Selezionate un sollecito in ${language} per vedere l’anteprima.`,
    },
    deadlinePassed: (count) => `Termine di pagamento scaduto, invio impossibile (${count})`,
    deadlineLine: (number, customer, date) =>
      `${number} · ${customer}: pagabile entro il ${date}. Ridatate il sollecito nella contabilità.`,
    step: {
      position: (index, total) => `Messaggio ${index} di ${total}`,
      previous: 'Precedente',
      next: 'Successivo',
      modeBecause: (mode, level) => `${mode}, come impostato per il livello ${level}`,
      attachments: (count) => (count === 1 ? '1 allegato' : `${count} allegati`),
    },
  },
  en: {
    grouping: {
      label: 'Sending',
      perCustomer: 'One message per customer with all their reminders',
      perReminder: 'One message per reminder',
    },
    editor: {
      level: 'Reminder level',
      levelName: { '1': 'Payment reminder', '2': 'Second reminder', '3': 'Final reminder' },
      body: 'Text',
      insert: 'Insert a field',
      placeholders: {
        customerName: 'Customer name',
        title: 'Title of the reminder, e.g. Second reminder',
        number: 'Reminder number',
        level: 'Reminder level (1–3)',
        invoiceNumber: 'Invoice number',
        invoiceDate: 'Invoice date',
        invoiceDueDate: 'Original due date of the invoice',
        invoiceTotal: 'Invoice total',
        openAmount: 'Open amount without fee',
        fee: 'Reminder fee',
        amountDue: 'Amount due: open amount plus fee, as on the QR-bill',
        payBy: 'The reminder’s new payment deadline',
        currency: 'Currency',
        documentList: 'List of the reminders with amount and deadline',
        companyName: 'Your company’s name',
        signature: 'Signature: company, address, contact',
      },
      edited: 'Changed for this run',
      reset: 'Restore the template',
      livePreview: 'What the customer reads',
      noSample: (language) => `Select a reminder in ${language} to see the preview.`,
    },
    deadlinePassed: (count) => `Payment deadline passed, cannot be sent (${count})`,
    deadlineLine: (number, customer, date) =>
      `${number} · ${customer}: payable by ${date}. Date the reminder anew in the accounting.`,
    step: {
      position: (index, total) => `Message ${index} of ${total}`,
      previous: 'Previous',
      next: 'Next',
      modeBecause: (mode, level) => `${mode}, as set for level ${level}`,
      attachments: (count) => (count === 1 ? '1 attachment' : `${count} attachments`),
    },
  },
};
