import { BACKEND_NAMES } from './backend-names';
import { firstPaintStrings } from './first-paint';
import { errorExplanations } from '../../services/error-explanations';
import { pageRange, type PaneStrings } from './pane-strings';

/** The task pane in Italian. */
export const it: PaneStrings = {
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
    range: pageRange('it', { of: 'di', moreThan: 'oltre' }),
    source: ({ backend, pdfs }) =>
      `Da ${BACKEND_NAMES.it[backend]}.${pdfs === 'ledgermail' && backend !== 'ledger' ? ' LedgerMail crea i PDF dalle partite aperte.' : ''}`,
  },
  status: { draft: 'Bozza', open: 'Aperta', overdue: 'Scaduta', paid: 'Pagata', cancelled: 'Annullata' },
  reminderLevel: (level) => `Sollecito ${level}`,
  dueOn: (date) => `Scadenza ${date}`,
  ...firstPaintStrings.it,
  retry: 'Riprova',
  moreRows: (shown, total) => `Mostra altri (${shown} di ${total} mostrati)`,
  noItem: 'Apra o inizi un messaggio per usare LedgerMail.',
  bulk: { open: 'Invio multiplo', close: 'Torna all’elenco' },
  errors: errorExplanations.it,
  attach: {
    action: (kind, number) => `Allega ${kind === 'invoice' ? 'la fattura' : 'il sollecito'} ${number}`,
    attaching: (number) => `${number} in allegamento…`,
    attached: 'Allegato',
    attachedAs: (fileName) => `Allegato come ${fileName}.`,
    draft: (number) => `${number} è una bozza. Finalizzarla nella contabilità prima di inviarla.`,
    deadlinePassed: (number, date) =>
      `${number} chiede il pagamento entro il ${date}, termine scaduto. Ridatate il sollecito nella contabilità.`,
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
  earlierSend: {
    modeName: { registered: 'raccomandata', confidential: 'confidenziale', personal: 'personale' },
    button: { registered: '«Raccomandata»', confidential: '«Confidenziale»', personal: '«Personale»' },
    sent(mode, date, time, reference) {
      return `Questo messaggio è stato inviato come ${this.modeName[mode]} tramite IncaMail il ${date} alle ${time} (riferimento ${reference}). Può eliminare questa bozza.`;
    },
    sentPartly: (date, time, reference, refused) =>
      `Questo messaggio è stato inviato tramite IncaMail il ${date} alle ${time} (riferimento ${reference}), ma IncaMail ha rifiutato questi destinatari: ${refused}.`,
    sending(mode, time) {
      return `Questo messaggio è in corso di invio come ${this.modeName[mode]} tramite IncaMail (consegnato alle ${time}). Non viene mai inviato due volte.`;
    },
    notReceivedYet(mode, time) {
      return `LedgerMail non ha ancora ricevuto questo messaggio (invio iniziato alle ${time}). Se l’invio è stato interrotto, clicchi di nuovo su ${this.button[mode]}: un messaggio non viene mai inviato due volte.`;
    },
    notReceived(mode) {
      return `Questo messaggio non è stato inviato: l’invio si è interrotto prima che raggiungesse LedgerMail. Clicchi su ${this.button[mode]} per inviarlo.`;
    },
    refused(mode, reply) {
      return `Questo messaggio non è stato inviato: IncaMail lo ha rifiutato (${reply}). Clicchi su ${this.button[mode]} per riprovare.`;
    },
    uncertain: (time) =>
      `Non è certo che questo messaggio abbia raggiunto IncaMail: la connessione si è interrotta dopo la consegna alle ${time}. Verifichi le ricevute prima di inviarlo di nuovo; un nuovo invio sarebbe una seconda copia.`,
    unknown(mode, reason) {
      return `LedgerMail non ha potuto verificare se questo messaggio è già stato inviato (${reason}). Cliccare di nuovo su ${this.button[mode]} è sicuro: un messaggio non viene mai inviato due volte.`;
    },
  },
  message: {
    subject: (title, number) => `${title} ${number}`,
    body: (kind, title, number, amount, date, state) => {
      const named = `${kind === 'invoice' ? 'la' : 'il'} ${title.toLowerCase()} ${number} di ${amount}`;
      return state === 'overdue'
        ? `In allegato trova ${named}, scadut${kind === 'invoice' ? 'a' : 'o'} il ${date}.`
        : `In allegato trova ${named}, pagabile entro il ${date}.`;
    },
  },
};
