import type { DocumentKind, DocumentStatus } from '../contract/documents.schemas';
import type { Language } from '../contract/locale';
import type { SignInFailure } from '../services/auth-dialog';

/**
 * Every text of the task pane, in the four languages. The pane speaks Office's display language; the
 * `message` texts (subject, body, file name) go to the customer and are taken in the customer's language.
 */
export type PaneStrings = {
  title: string;
  tabs: Record<DocumentKind, string>;
  search: { label: string; placeholder: string };
  filters: {
    show: string;
    hide: string;
    status: string;
    anyStatus: string;
    level: string;
    anyLevel: string;
    levelOption: (level: number) => string;
    overdueSince: string;
    anyTime: string;
    overdueDays: (days: number) => string;
  };
  forThisMessage: {
    heading: string;
    noRecipients: string;
    empty: string;
    refresh: string;
  };
  all: { heading: string; empty: string; previous: string; next: string; page: (page: number) => string };
  status: Record<DocumentStatus, string>;
  reminderLevel: (level: number) => string;
  dueOn: (date: string) => string;
  loading: string;
  loadFailed: string;
  retry: string;
  /** The switch to the reminder run; its own texts load with it (bulk/bulk-strings.ts). */
  bulk: { open: string; close: string };
  errors: {
    unreachable: string;
    timeout: string;
    malformed: string;
    office: (detail: string) => string;
    /** Signing in through the sign-in dialog gave no token (Outlooks without nested app authentication). */
    signIn: Record<SignInFailure, string>;
  };
  attach: {
    action: (kind: DocumentKind, number: string) => string;
    attaching: (number: string) => string;
    attached: string;
    attachedAs: (fileName: string) => string;
    fileTooLarge: (megabytes: string) => string;
    totalTooLarge: (megabytes: string) => string;
  };
  fill: {
    action: (kind: DocumentKind, number: string) => string;
    done: string;
    nothingToDo: string;
    selectionPresent: string;
  };
  /** Texts for the recipient, in the customer's language. */
  message: {
    documentName: Record<DocumentKind, string>;
    subject: (kind: DocumentKind, number: string) => string;
    body: (kind: DocumentKind, number: string, amount: string, dueDate: string) => string;
  };
};

export const paneStrings: Record<Language, PaneStrings> = {
  en: {
    title: 'LedgerMail',
    tabs: { invoice: 'Invoices', reminder: 'Reminders' },
    search: { label: 'Search documents', placeholder: 'Number or customer' },
    filters: {
      show: 'Filters',
      hide: 'Hide filters',
      status: 'Status',
      anyStatus: 'Any status',
      level: 'Reminder level',
      anyLevel: 'Any level',
      levelOption: (level) => `Level ${level}`,
      overdueSince: 'Overdue since',
      anyTime: 'Any time',
      overdueDays: (days) => `More than ${days} days`,
    },
    forThisMessage: {
      heading: 'For this message',
      noRecipients: 'Add recipients to see their documents here first.',
      empty: 'No documents for these recipients.',
      refresh: 'Refresh recipients',
    },
    all: {
      heading: 'All documents',
      empty: 'No documents match.',
      previous: 'Previous page',
      next: 'Next page',
      page: (page) => `Page ${page}`,
    },
    status: { draft: 'Draft', open: 'Open', overdue: 'Overdue', paid: 'Paid', cancelled: 'Cancelled' },
    reminderLevel: (level) => `Reminder ${level}`,
    dueOn: (date) => `Due ${date}`,
    loading: 'Loading documents…',
    loadFailed: 'LedgerMail could not be loaded. Close the pane and open it again.',
    retry: 'Retry',
    bulk: { open: 'Send in bulk', close: 'Back to the list' },
    errors: {
      unreachable: 'The LedgerMail bridge cannot be reached. Check the connection and try again.',
      timeout: 'The LedgerMail bridge did not answer in time.',
      malformed: 'The LedgerMail bridge sent an answer the pane cannot read.',
      office: (detail) => `Outlook refused the change: ${detail}`,
      signIn: {
        cancelled: 'Signing in to LedgerMail was cancelled. Try again to continue.',
        blocked: 'Your browser blocked the LedgerMail sign-in window. Allow pop-ups for Outlook and try again.',
        busy: 'A LedgerMail sign-in window is already open. Finish signing in there.',
        failed: 'Signing in to LedgerMail failed. Ask your administrator to check the Microsoft Entra ID setup.',
      },
    },
    attach: {
      action: (kind, number) => `Attach ${kind === 'invoice' ? 'invoice' : 'reminder'} ${number}`,
      attaching: (number) => `Attaching ${number}…`,
      attached: 'Attached',
      attachedAs: (fileName) => `Attached as ${fileName}.`,
      fileTooLarge: (mb) => `This PDF is too large for Outlook (${mb} MB; at most 25 MB per file).`,
      totalTooLarge: (mb) => `The message's attachments would reach ${mb} MB; Outlook allows 25 MB in total.`,
    },
    fill: {
      action: (kind, number) => `Fill the message for ${kind === 'invoice' ? 'invoice' : 'reminder'} ${number}`,
      done: 'Message filled in where it was empty.',
      nothingToDo: 'Recipient, subject and text are already there; nothing was changed.',
      selectionPresent: 'Place the cursor in the text without selecting anything, then try again.',
    },
    message: {
      documentName: { invoice: 'Invoice', reminder: 'Payment reminder' },
      subject(kind, number) {
        return `${this.documentName[kind]} ${number}`;
      },
      body: (kind, number, amount, dueDate) =>
        kind === 'invoice'
          ? `Please find attached invoice ${number} for ${amount}, payable by ${dueDate}.`
          : `Please find attached the payment reminder ${number} for ${amount}, payable by ${dueDate}.`,
    },
  },
  de: {
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
    loading: 'Dokumente werden geladen…',
    loadFailed: 'LedgerMail konnte nicht geladen werden. Schliessen Sie den Bereich und öffnen Sie ihn erneut.',
    retry: 'Erneut versuchen',
    bulk: { open: 'Mahnlauf', close: 'Zurück zur Liste' },
    errors: {
      unreachable: 'Die LedgerMail-Bridge ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es erneut.',
      timeout: 'Die LedgerMail-Bridge hat nicht rechtzeitig geantwortet.',
      malformed: 'Die LedgerMail-Bridge hat eine unlesbare Antwort gesendet.',
      office: (detail) => `Outlook hat die Änderung abgelehnt: ${detail}`,
      signIn: {
        cancelled: 'Die Anmeldung bei LedgerMail wurde abgebrochen. Versuchen Sie es erneut, um fortzufahren.',
        blocked:
          'Ihr Browser hat das Anmeldefenster von LedgerMail blockiert. Erlauben Sie Pop-ups für Outlook und versuchen Sie es erneut.',
        busy: 'Ein Anmeldefenster von LedgerMail ist bereits geöffnet. Schliessen Sie die Anmeldung dort ab.',
        failed:
          'Die Anmeldung bei LedgerMail ist fehlgeschlagen. Bitten Sie Ihre Administration, die Einrichtung von Microsoft Entra ID zu prüfen.',
      },
    },
    attach: {
      action: (kind, number) => `${kind === 'invoice' ? 'Rechnung' : 'Mahnung'} ${number} anhängen`,
      attaching: (number) => `${number} wird angehängt…`,
      attached: 'Angehängt',
      attachedAs: (fileName) => `Angehängt als ${fileName}.`,
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
  },
  fr: {
    title: 'LedgerMail',
    tabs: { invoice: 'Factures', reminder: 'Rappels' },
    search: { label: 'Rechercher des documents', placeholder: 'Numéro ou client' },
    filters: {
      show: 'Filtres',
      hide: 'Masquer les filtres',
      status: 'Statut',
      anyStatus: 'Tous les statuts',
      level: 'Niveau de rappel',
      anyLevel: 'Tous les niveaux',
      levelOption: (level) => `Niveau ${level}`,
      overdueSince: 'En retard depuis',
      anyTime: 'Peu importe',
      overdueDays: (days) => `Plus de ${days} jours`,
    },
    forThisMessage: {
      heading: 'Pour ce message',
      noRecipients: 'Ajoutez des destinataires pour voir d’abord leurs documents ici.',
      empty: 'Aucun document pour ces destinataires.',
      refresh: 'Actualiser les destinataires',
    },
    all: {
      heading: 'Tous les documents',
      empty: 'Aucun document ne correspond.',
      previous: 'Page précédente',
      next: 'Page suivante',
      page: (page) => `Page ${page}`,
    },
    status: { draft: 'Brouillon', open: 'Ouverte', overdue: 'En retard', paid: 'Payée', cancelled: 'Annulée' },
    reminderLevel: (level) => `Rappel ${level}`,
    dueOn: (date) => `Échéance ${date}`,
    loading: 'Chargement des documents…',
    loadFailed: 'LedgerMail n’a pas pu être chargé. Fermez le volet et rouvrez-le.',
    retry: 'Réessayer',
    bulk: { open: 'Envoi groupé', close: 'Retour à la liste' },
    errors: {
      unreachable: 'Le pont LedgerMail est injoignable. Vérifiez la connexion et réessayez.',
      timeout: 'Le pont LedgerMail n’a pas répondu à temps.',
      malformed: 'Le pont LedgerMail a envoyé une réponse illisible.',
      office: (detail) => `Outlook a refusé la modification : ${detail}`,
      signIn: {
        cancelled: 'La connexion à LedgerMail a été annulée. Réessayez pour continuer.',
        blocked:
          'Votre navigateur a bloqué la fenêtre de connexion de LedgerMail. Autorisez les pop-up pour Outlook et réessayez.',
        busy: 'Une fenêtre de connexion LedgerMail est déjà ouverte. Terminez la connexion dans celle-ci.',
        failed:
          'La connexion à LedgerMail a échoué. Demandez à votre administrateur de vérifier la configuration de Microsoft Entra ID.',
      },
    },
    attach: {
      action: (kind, number) => `Joindre ${kind === 'invoice' ? 'la facture' : 'le rappel'} ${number}`,
      attaching: (number) => `${number} en cours d’ajout…`,
      attached: 'Joint',
      attachedAs: (fileName) => `Joint sous ${fileName}.`,
      fileTooLarge: (mb) => `Ce PDF est trop volumineux pour Outlook (${mb} Mo ; 25 Mo au plus par fichier).`,
      totalTooLarge: (mb) => `Les pièces jointes atteindraient ${mb} Mo ; Outlook en permet 25 Mo au total.`,
    },
    fill: {
      action: (kind, number) => `Remplir le message pour ${kind === 'invoice' ? 'la facture' : 'le rappel'} ${number}`,
      done: 'Le message a été complété là où il était vide.',
      nothingToDo: 'Destinataire, objet et texte sont déjà là ; rien n’a été modifié.',
      selectionPresent: 'Placez le curseur dans le texte sans rien sélectionner, puis réessayez.',
    },
    message: {
      documentName: { invoice: 'Facture', reminder: 'Rappel de paiement' },
      subject(kind, number) {
        return `${this.documentName[kind]} ${number}`;
      },
      body: (kind, number, amount, dueDate) =>
        kind === 'invoice'
          ? `Veuillez trouver ci-joint la facture ${number} de ${amount}, payable jusqu’au ${dueDate}.`
          : `Veuillez trouver ci-joint le rappel de paiement ${number} de ${amount}, payable jusqu’au ${dueDate}.`,
    },
  },
  it: {
    title: 'LedgerMail',
    tabs: { invoice: 'Fatture', reminder: 'Solleciti' },
    search: { label: 'Cerca documenti', placeholder: 'Numero o cliente' },
    filters: {
      show: 'Filtri',
      hide: 'Nascondi filtri',
      status: 'Stato',
      anyStatus: 'Tutti gli stati',
      level: 'Livello di sollecito',
      anyLevel: 'Tutti i livelli',
      levelOption: (level) => `Livello ${level}`,
      overdueSince: 'Scaduto da',
      anyTime: 'Qualsiasi',
      overdueDays: (days) => `Più di ${days} giorni`,
    },
    forThisMessage: {
      heading: 'Per questo messaggio',
      noRecipients: 'Aggiunga dei destinatari per vedere qui per primi i loro documenti.',
      empty: 'Nessun documento per questi destinatari.',
      refresh: 'Aggiorna destinatari',
    },
    all: {
      heading: 'Tutti i documenti',
      empty: 'Nessun documento corrisponde.',
      previous: 'Pagina precedente',
      next: 'Pagina successiva',
      page: (page) => `Pagina ${page}`,
    },
    status: { draft: 'Bozza', open: 'Aperta', overdue: 'Scaduta', paid: 'Pagata', cancelled: 'Annullata' },
    reminderLevel: (level) => `Sollecito ${level}`,
    dueOn: (date) => `Scadenza ${date}`,
    loading: 'Caricamento dei documenti…',
    loadFailed: 'Non è stato possibile caricare LedgerMail. Chiuda il riquadro e lo riapra.',
    retry: 'Riprova',
    bulk: { open: 'Invio multiplo', close: 'Torna all’elenco' },
    errors: {
      unreachable: 'Il ponte LedgerMail non è raggiungibile. Verifichi la connessione e riprovi.',
      timeout: 'Il ponte LedgerMail non ha risposto in tempo.',
      malformed: 'Il ponte LedgerMail ha inviato una risposta illeggibile.',
      office: (detail) => `Outlook ha rifiutato la modifica: ${detail}`,
      signIn: {
        cancelled: 'L’accesso a LedgerMail è stato annullato. Riprovi per continuare.',
        blocked:
          'Il browser ha bloccato la finestra di accesso di LedgerMail. Consenta i pop-up per Outlook e riprovi.',
        busy: 'Una finestra di accesso di LedgerMail è già aperta. Completi l’accesso in quella finestra.',
        failed:
          'L’accesso a LedgerMail non è riuscito. Chieda all’amministratore di verificare la configurazione di Microsoft Entra ID.',
      },
    },
    attach: {
      action: (kind, number) => `Allega ${kind === 'invoice' ? 'la fattura' : 'il sollecito'} ${number}`,
      attaching: (number) => `${number} in allegamento…`,
      attached: 'Allegato',
      attachedAs: (fileName) => `Allegato come ${fileName}.`,
      fileTooLarge: (mb) => `Questo PDF è troppo grande per Outlook (${mb} MB; al massimo 25 MB per file).`,
      totalTooLarge: (mb) => `Gli allegati del messaggio arriverebbero a ${mb} MB; Outlook ne consente 25 MB in tutto.`,
    },
    fill: {
      action: (kind, number) =>
        `Compila il messaggio per ${kind === 'invoice' ? 'la fattura' : 'il sollecito'} ${number}`,
      done: 'Il messaggio è stato completato dove era vuoto.',
      nothingToDo: 'Destinatario, oggetto e testo ci sono già; non è stato cambiato nulla.',
      selectionPresent: 'Posizioni il cursore nel testo senza selezionare nulla, poi riprovi.',
    },
    message: {
      documentName: { invoice: 'Fattura', reminder: 'Sollecito di pagamento' },
      subject(kind, number) {
        return `${this.documentName[kind]} ${number}`;
      },
      body: (kind, number, amount, dueDate) =>
        kind === 'invoice'
          ? `In allegato trova la fattura ${number} di ${amount}, pagabile entro il ${dueDate}.`
          : `In allegato trova il sollecito di pagamento ${number} di ${amount}, pagabile entro il ${dueDate}.`,
    },
  },
};
