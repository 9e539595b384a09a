import { BACKEND_NAMES } from './backend-names';
import { firstPaintStrings } from './first-paint';
import { errorExplanations } from '../../services/error-explanations';
import { pageRange, type PaneStrings } from './pane-strings';

/** The task pane in French. */
export const fr: PaneStrings = {
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
    range: pageRange('fr', { of: 'sur', moreThan: 'plus de' }),
    source: ({ backend, pdfs }) =>
      `Depuis ${BACKEND_NAMES.fr[backend]}.${pdfs === 'ledgermail' && backend !== 'ledger' ? ' LedgerMail établit les PDF à partir des postes ouverts.' : ''}`,
  },
  status: { draft: 'Brouillon', open: 'Ouverte', overdue: 'En retard', paid: 'Payée', cancelled: 'Annulée' },
  reminderLevel: (level) => `Rappel ${level}`,
  dueOn: (date) => `Échéance ${date}`,
  ...firstPaintStrings.fr,
  retry: 'Réessayer',
  moreRows: (shown, total) => `Afficher plus (${shown} sur ${total} affichés)`,
  noItem: 'Ouvrez ou commencez un message pour utiliser LedgerMail.',
  bulk: { open: 'Envoi groupé', close: 'Retour à la liste' },
  errors: errorExplanations.fr,
  attach: {
    action: (kind, number) => `Joindre ${kind === 'invoice' ? 'la facture' : 'le rappel'} ${number}`,
    attaching: (number) => `${number} en cours d’ajout…`,
    attached: 'Joint',
    attachedAs: (fileName) => `Joint sous ${fileName}.`,
    draft: (number) => `${number} est un brouillon. Finalisez-le dans votre comptabilité avant de l’envoyer.`,
    deadlinePassed: (number, date) =>
      `${number} demande un paiement jusqu’au ${date}, délai échu. Redatez le rappel dans votre comptabilité.`,
    fileTooLarge: (mb) => `Ce PDF est trop volumineux pour Outlook (${mb} Mo ; 25 Mo au plus par fichier).`,
    totalTooLarge: (mb) => `Les pièces jointes atteindraient ${mb} Mo ; Outlook en permet 25 Mo au total.`,
  },
  fill: {
    action: (kind, number) => `Remplir le message pour ${kind === 'invoice' ? 'la facture' : 'le rappel'} ${number}`,
    done: 'Le message a été complété là où il était vide.',
    nothingToDo: 'Destinataire, objet et texte sont déjà là ; rien n’a été modifié.',
    selectionPresent: 'Placez le curseur dans le texte sans rien sélectionner, puis réessayez.',
  },
  earlierSend: {
    modeName: { registered: 'recommandé', confidential: 'confidentiel', personal: 'personnel' },
    button: { registered: '« Recommandé »', confidential: '« Confidentiel »', personal: '« Personnel »' },
    sent(mode, date, time, reference) {
      return `Ce message a été envoyé en ${this.modeName[mode]} via IncaMail le ${date} à ${time} (référence ${reference}). Vous pouvez supprimer ce brouillon.`;
    },
    sentPartly: (date, time, reference, refused) =>
      `Ce message a été envoyé via IncaMail le ${date} à ${time} (référence ${reference}), mais IncaMail a refusé ces destinataires : ${refused}.`,
    sending(mode, time) {
      return `Ce message est en cours d’envoi en ${this.modeName[mode]} via IncaMail (remis à ${time}). Il n’est jamais envoyé deux fois.`;
    },
    notReceivedYet(mode, time) {
      return `LedgerMail n’a pas encore reçu ce message (envoi commencé à ${time}). Si l’envoi a été interrompu, cliquez à nouveau sur ${this.button[mode]} : un message n’est jamais envoyé deux fois.`;
    },
    notReceived(mode) {
      return `Ce message n’a pas été envoyé : l’envoi a été interrompu avant qu’il n’atteigne LedgerMail. Cliquez sur ${this.button[mode]} pour l’envoyer.`;
    },
    refused(mode, reply) {
      return `Ce message n’a pas été envoyé : IncaMail l’a refusé (${reply}). Cliquez sur ${this.button[mode]} pour réessayer.`;
    },
    uncertain: (time) =>
      `Il n’est pas certain que ce message ait atteint IncaMail : la connexion a été coupée après sa remise à ${time}. Vérifiez vos quittances avant de le renvoyer ; un nouvel envoi serait une seconde copie.`,
    unknown(mode, reason) {
      return `LedgerMail n’a pas pu vérifier si ce message a déjà été envoyé (${reason}). Cliquer à nouveau sur ${this.button[mode]} est sans risque : un message n’est jamais envoyé deux fois.`;
    },
  },
  message: {
    subject: (title, number) => `${title} ${number}`,
    body: (kind, title, number, amount, date, state) => {
      const named = `${kind === 'invoice' ? 'la' : 'le'} ${title.toLowerCase()} ${number} de ${amount}`;
      return state === 'overdue'
        ? `Veuillez trouver ci-joint ${named}, échu${kind === 'invoice' ? 'e' : ''} le ${date}.`
        : `Veuillez trouver ci-joint ${named}, payable jusqu’au ${date}.`;
    },
  },
};
