import type { ErrorCode } from '../contract/errors';
import type { Language } from '../contract/locale';
import type { SecureMode } from '../contract/modes';
import type { SignInFailure } from '../services/auth-dialog';
import type { MessageProblem } from './checks';
import { fileDangerText } from './file-danger-strings';

/** Notifications of the Registered and Confidential commands. Outlook shows at most 150 characters. */
export type CommandStrings = {
  modeName: Record<SecureMode, string>;
  checking: string;
  sending: (mode: SecureMode) => string;
  problem: (problem: MessageProblem) => string;
  largeRegistered: (megabytes: string) => string;
  modeNotAllowed: (mode: SecureMode) => string;
  notSent: (reason: string) => string;
  accepted: (mode: SecureMode, reference: string) => string;
  acceptedKeepDraft: (mode: SecureMode, reference: string) => string;
  refused: (reply: string) => string;
  uncertain: string;
  pending: string;
  outlookFailed: (detail: string) => string;
  noRelay: string;
  alreadySent: string;
  unknownOutcome: (reason: string) => string;
  /** IncaMail took the message but refused some recipients; the list comes last, so a long one is cut, not the rest. */
  partlyRefused: (reference: string, refused: string) => string;
  /** Why signing in through the sign-in dialog gave no token (Outlooks without nested app authentication). */
  signIn: Record<SignInFailure, string>;
  errorCode: Partial<Record<ErrorCode, string>>;
  outlookCode: (code: string) => string;
  unexpected: string;
};

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

export const commandStrings: Record<Language, CommandStrings> = {
  en: {
    modeName: { registered: 'registered', confidential: 'confidential', personal: 'personal' },
    checking: 'Checking the message for IncaMail…',
    sending: (mode) => `Sending as ${commandStrings.en.modeName[mode]} e-mail through IncaMail…`,
    problem: (p) =>
      p.problem === 'no-recipients'
        ? 'Not sent: add at least one recipient.'
        : p.problem === 'too-large'
          ? `Not sent: the message has ${mb(p.bytes)} MB; IncaMail accepts at most 30 MB.`
          : p.problem === 'dangerous-file'
            ? `Not sent: IncaMail refuses ${p.files.map(fileDangerText.en).join('; ')}. Remove it.`
            : p.problem === 'inline-image'
              ? `Not sent: images in the text (${p.names.join(', ')}) cannot go through IncaMail yet. Remove them or attach them.`
              : `Not sent: attach files directly, not Outlook items or cloud links (${p.names.join(', ')}).`,
    largeRegistered: (size) => `The message has ${size} MB; registered mail over 10 MB is discouraged.`,
    modeNotAllowed: (mode) =>
      `Not sent: ${commandStrings.en.modeName[mode]} e-mail is not enabled by your administrator.`,
    notSent: (reason) => `Not sent: ${reason} Your draft is unchanged.`,
    accepted: (mode, ref) => `Sent as ${commandStrings.en.modeName[mode]} via IncaMail (ref. ${ref}).`,
    acceptedKeepDraft: (mode, ref) =>
      `Sent as ${commandStrings.en.modeName[mode]} via IncaMail (ref. ${ref}). You can delete this draft.`,
    refused: (reply) => `Not sent: IncaMail refused the message (${reply}). Your draft is unchanged.`,
    uncertain:
      'Delivery uncertain: the connection broke after handing over the message. Check your receipts; clicking again sends a second copy.',
    pending:
      'IncaMail has not confirmed yet; the bridge keeps trying. Your draft is unchanged. Click again to see the result.',
    outlookFailed: (detail) => `Not sent: Outlook could not read the message (${detail}).`,
    noRelay: 'Not sent: this LedgerMail bridge has no IncaMail relay configured. Ask your administrator.',
    alreadySent: 'This draft was already sent through IncaMail. To send changed content, start a new message.',
    unknownOutcome: (reason) =>
      `Send not confirmed: ${reason} Draft unchanged. Click again to check; it is never sent twice.`,
    partlyRefused: (ref, refused) =>
      `Sent via IncaMail (ref. ${ref}); the draft is kept. Refused recipients: ${refused}`,
    signIn: {
      cancelled: 'Sign-in was cancelled.',
      blocked: 'The browser blocked the sign-in window; allow pop-ups for Outlook.',
      busy: 'A sign-in window is already open.',
      failed: 'Signing in to LedgerMail failed; ask your administrator.',
    },
    errorCode: {
      internal: 'The LedgerMail bridge hit an unexpected error.',
      malformed_response: 'The bridge sent an unreadable answer.',
      upstream_rejected: 'IncaMail refused the request.',
      bridge_unreachable: 'The LedgerMail bridge cannot be reached.',
      timeout: 'The LedgerMail bridge did not answer in time.',
      unauthorized: 'You are not signed in to LedgerMail.',
      forbidden: 'You may not send this message as its sender.',
      rate_limited: 'Too many secure sends in a short time; wait a minute.',
      mode_not_allowed: 'This mode is not enabled by your administrator.',
      upstream_unavailable: 'IncaMail cannot be reached right now.',
      payload_too_large: 'The message is too large.',
    },
    outlookCode: (code) => `Outlook error ${code}`.trim(),
    unexpected: 'an unexpected error occurred.',
  },
  de: {
    modeName: { registered: 'eingeschrieben', confidential: 'vertraulich', personal: 'persönlich' },
    checking: 'Nachricht wird für IncaMail geprüft…',
    sending: (mode) => `Wird ${commandStrings.de.modeName[mode]} über IncaMail gesendet…`,
    problem: (p) =>
      p.problem === 'no-recipients'
        ? 'Nicht gesendet: Bitte mindestens einen Empfänger angeben.'
        : p.problem === 'too-large'
          ? `Nicht gesendet: Die Nachricht hat ${mb(p.bytes)} MB; IncaMail nimmt höchstens 30 MB an.`
          : p.problem === 'dangerous-file'
            ? `Nicht gesendet: IncaMail lehnt ab: ${p.files.map(fileDangerText.de).join('; ')}.`
            : p.problem === 'inline-image'
              ? `Nicht gesendet: Bilder im Text (${p.names.join(', ')}) gehen noch nicht über IncaMail. Entfernen oder anhängen.`
              : `Nicht gesendet: Dateien direkt anhängen, keine Outlook-Elemente oder Cloud-Links (${p.names.join(', ')}).`,
    largeRegistered: (size) => `Die Nachricht hat ${size} MB; eingeschrieben über 10 MB wird nicht empfohlen.`,
    modeNotAllowed: (mode) =>
      `Nicht gesendet: «${commandStrings.de.modeName[mode]}» ist von Ihrer Administration nicht freigegeben.`,
    notSent: (reason) => `Nicht gesendet: ${reason} Ihr Entwurf ist unverändert.`,
    accepted: (mode, ref) => `Über IncaMail ${commandStrings.de.modeName[mode]} gesendet (Ref. ${ref}).`,
    acceptedKeepDraft: (mode, ref) =>
      `Über IncaMail ${commandStrings.de.modeName[mode]} gesendet (Ref. ${ref}). Den Entwurf können Sie löschen.`,
    refused: (reply) => `Nicht gesendet: IncaMail hat die Nachricht abgelehnt (${reply}). Ihr Entwurf ist unverändert.`,
    uncertain:
      'Zustellung unsicher: Die Verbindung brach nach der Übergabe ab. Prüfen Sie Ihre Quittungen; erneutes Klicken sendet eine zweite Kopie.',
    pending:
      'IncaMail hat noch nicht bestätigt; die Bridge versucht es weiter. Entwurf unverändert. Später erneut klicken.',
    outlookFailed: (detail) => `Nicht gesendet: Outlook konnte die Nachricht nicht lesen (${detail}).`,
    noRelay:
      'Nicht gesendet: Auf dieser LedgerMail-Bridge ist kein IncaMail-Versand eingerichtet. Wenden Sie sich an Ihre Administration.',
    alreadySent:
      'Dieser Entwurf wurde bereits über IncaMail gesendet. Für geänderten Inhalt eine neue Nachricht beginnen.',
    unknownOutcome: (reason) =>
      `Versand nicht bestätigt: ${reason} Entwurf unverändert. Erneut klicken zum Prüfen – nie doppelt gesendet.`,
    partlyRefused: (ref, refused) =>
      `Über IncaMail gesendet (Ref. ${ref}); der Entwurf bleibt erhalten. Abgelehnte Empfänger: ${refused}`,
    signIn: {
      cancelled: 'Die Anmeldung wurde abgebrochen.',
      blocked: 'Der Browser hat das Anmeldefenster blockiert; erlauben Sie Pop-ups für Outlook.',
      busy: 'Ein Anmeldefenster ist bereits geöffnet.',
      failed: 'Die Anmeldung bei LedgerMail ist fehlgeschlagen; wenden Sie sich an Ihre Administration.',
    },
    errorCode: {
      internal: 'Unerwarteter Fehler in der LedgerMail-Bridge.',
      malformed_response: 'Unlesbare Antwort der Bridge.',
      upstream_rejected: 'IncaMail hat die Anfrage abgelehnt.',
      bridge_unreachable: 'Die LedgerMail-Bridge ist nicht erreichbar.',
      timeout: 'Die LedgerMail-Bridge antwortete nicht rechtzeitig.',
      unauthorized: 'Sie sind bei LedgerMail nicht angemeldet.',
      forbidden: 'Sie dürfen diese Nachricht nicht mit diesem Absender senden.',
      rate_limited: 'Zu viele sichere Sendungen in kurzer Zeit; bitte eine Minute warten.',
      mode_not_allowed: 'Diese Versandart ist von Ihrer Administration nicht freigegeben.',
      upstream_unavailable: 'IncaMail ist im Moment nicht erreichbar.',
      payload_too_large: 'Die Nachricht ist zu gross.',
    },
    outlookCode: (code) => `Outlook-Fehler ${code}`.trim(),
    unexpected: 'ein unerwarteter Fehler ist aufgetreten.',
  },
  fr: {
    modeName: { registered: 'recommandé', confidential: 'confidentiel', personal: 'personnel' },
    checking: 'Vérification du message pour IncaMail…',
    sending: (mode) => `Envoi en ${commandStrings.fr.modeName[mode]} via IncaMail…`,
    problem: (p) =>
      p.problem === 'no-recipients'
        ? 'Non envoyé : ajoutez au moins un destinataire.'
        : p.problem === 'too-large'
          ? `Non envoyé : le message fait ${mb(p.bytes)} Mo ; IncaMail accepte au plus 30 Mo.`
          : p.problem === 'dangerous-file'
            ? `Non envoyé : IncaMail refuse ${p.files.map(fileDangerText.fr).join(' ; ')}.`
            : p.problem === 'inline-image'
              ? `Non envoyé : les images dans le texte (${p.names.join(', ')}) ne passent pas encore par IncaMail. Retirez-les ou joignez-les.`
              : `Non envoyé : joignez des fichiers, pas des éléments Outlook ni des liens cloud (${p.names.join(', ')}).`,
    largeRegistered: (size) => `Le message fait ${size} Mo ; un recommandé de plus de 10 Mo est déconseillé.`,
    modeNotAllowed: (mode) =>
      `Non envoyé : l'envoi ${commandStrings.fr.modeName[mode]} n'est pas activé par votre administrateur.`,
    notSent: (reason) => `Non envoyé : ${reason} Votre brouillon est inchangé.`,
    accepted: (mode, ref) => `Envoyé en ${commandStrings.fr.modeName[mode]} via IncaMail (réf. ${ref}).`,
    acceptedKeepDraft: (mode, ref) =>
      `Envoyé en ${commandStrings.fr.modeName[mode]} via IncaMail (réf. ${ref}). Vous pouvez supprimer ce brouillon.`,
    refused: (reply) => `Non envoyé : IncaMail a refusé le message (${reply}). Votre brouillon est inchangé.`,
    uncertain:
      'Remise incertaine : la connexion a été coupée après la remise. Vérifiez vos quittances ; cliquer à nouveau envoie une seconde copie.',
    pending:
      "IncaMail n'a pas encore confirmé ; le pont réessaie. Brouillon inchangé. Cliquez plus tard pour voir le résultat.",
    outlookFailed: (detail) => `Non envoyé : Outlook n'a pas pu lire le message (${detail}).`,
    noRelay:
      "Non envoyé : ce pont LedgerMail n'a pas de relais IncaMail configuré. Adressez-vous à votre administrateur.",
    alreadySent: 'Ce brouillon a déjà été envoyé via IncaMail. Pour un contenu modifié, commencez un nouveau message.',
    unknownOutcome: (reason) =>
      `Envoi non confirmé : ${reason} Brouillon inchangé. Cliquez à nouveau pour vérifier ; jamais envoyé deux fois.`,
    partlyRefused: (ref, refused) =>
      `Envoyé via IncaMail (réf. ${ref}) ; le brouillon est conservé. Destinataires refusés : ${refused}`,
    signIn: {
      cancelled: 'La connexion a été annulée.',
      blocked: 'Le navigateur a bloqué la fenêtre de connexion ; autorisez les pop-up pour Outlook.',
      busy: 'Une fenêtre de connexion est déjà ouverte.',
      failed: 'La connexion à LedgerMail a échoué ; contactez votre administrateur.',
    },
    errorCode: {
      internal: 'Erreur inattendue dans le pont LedgerMail.',
      malformed_response: 'Réponse illisible du pont.',
      upstream_rejected: 'IncaMail a refusé la demande.',
      bridge_unreachable: 'Le pont LedgerMail est injoignable.',
      timeout: "Le pont LedgerMail n'a pas répondu à temps.",
      unauthorized: "Vous n'êtes pas connecté à LedgerMail.",
      forbidden: 'Vous ne pouvez pas envoyer ce message avec cet expéditeur.',
      rate_limited: "Trop d'envois sécurisés en peu de temps ; attendez une minute.",
      mode_not_allowed: "Ce mode n'est pas activé par votre administrateur.",
      upstream_unavailable: 'IncaMail est injoignable pour le moment.',
      payload_too_large: 'Le message est trop volumineux.',
    },
    outlookCode: (code) => `erreur Outlook ${code}`.trim(),
    unexpected: "une erreur inattendue s'est produite.",
  },
  it: {
    modeName: { registered: 'raccomandata', confidential: 'confidenziale', personal: 'personale' },
    checking: 'Verifica del messaggio per IncaMail…',
    sending: (mode) => `Invio come e-mail ${commandStrings.it.modeName[mode]} tramite IncaMail…`,
    problem: (p) =>
      p.problem === 'no-recipients'
        ? 'Non inviato: aggiungere almeno un destinatario.'
        : p.problem === 'too-large'
          ? `Non inviato: il messaggio ha ${mb(p.bytes)} MB; IncaMail accetta al massimo 30 MB.`
          : p.problem === 'dangerous-file'
            ? `Non inviato: IncaMail rifiuta ${p.files.map(fileDangerText.it).join('; ')}.`
            : p.problem === 'inline-image'
              ? `Non inviato: le immagini nel testo (${p.names.join(', ')}) non passano ancora da IncaMail. Rimuoverle o allegarle.`
              : `Non inviato: allegare file, non elementi di Outlook o link cloud (${p.names.join(', ')}).`,
    largeRegistered: (size) => `Il messaggio ha ${size} MB; una raccomandata oltre 10 MB è sconsigliata.`,
    modeNotAllowed: (mode) =>
      `Non inviato: l'invio ${commandStrings.it.modeName[mode]} non è abilitato dall'amministratore.`,
    notSent: (reason) => `Non inviato: ${reason} La bozza è invariata.`,
    accepted: (mode, ref) => `Inviato come ${commandStrings.it.modeName[mode]} tramite IncaMail (rif. ${ref}).`,
    acceptedKeepDraft: (mode, ref) =>
      `Inviato come ${commandStrings.it.modeName[mode]} tramite IncaMail (rif. ${ref}). Può eliminare questa bozza.`,
    refused: (reply) => `Non inviato: IncaMail ha rifiutato il messaggio (${reply}). La bozza è invariata.`,
    uncertain:
      'Consegna incerta: la connessione si è interrotta dopo la consegna. Verifichi le ricevute; un nuovo clic invia una seconda copia.',
    pending: 'IncaMail non ha ancora confermato; il ponte riprova. Bozza invariata. Cliccare di nuovo più tardi.',
    outlookFailed: (detail) => `Non inviato: Outlook non ha potuto leggere il messaggio (${detail}).`,
    noRelay:
      "Non inviato: su questo ponte LedgerMail non è configurato l'invio IncaMail. Si rivolga all'amministratore.",
    alreadySent:
      'Questa bozza è già stata inviata tramite IncaMail. Per un contenuto modificato inizi un nuovo messaggio.',
    unknownOutcome: (reason) =>
      `Invio non confermato: ${reason} Bozza invariata. Cliccare di nuovo per verificare: mai inviato due volte.`,
    partlyRefused: (ref, refused) =>
      `Inviato tramite IncaMail (rif. ${ref}); la bozza è conservata. Destinatari rifiutati: ${refused}`,
    signIn: {
      cancelled: 'L’accesso è stato annullato.',
      blocked: 'Il browser ha bloccato la finestra di accesso; consenta i pop-up per Outlook.',
      busy: 'Una finestra di accesso è già aperta.',
      failed: 'L’accesso a LedgerMail non è riuscito; si rivolga all’amministratore.',
    },
    errorCode: {
      internal: 'Errore imprevisto nel ponte LedgerMail.',
      malformed_response: 'Risposta illeggibile dal ponte.',
      upstream_rejected: 'IncaMail ha rifiutato la richiesta.',
      bridge_unreachable: 'Il ponte LedgerMail non è raggiungibile.',
      timeout: 'Il ponte LedgerMail non ha risposto in tempo.',
      unauthorized: 'Non ha effettuato l’accesso a LedgerMail.',
      forbidden: 'Non può inviare questo messaggio con questo mittente.',
      rate_limited: 'Troppi invii sicuri in poco tempo; attenda un minuto.',
      mode_not_allowed: "Questa modalità non è abilitata dall'amministratore.",
      upstream_unavailable: 'IncaMail non è raggiungibile al momento.',
      payload_too_large: 'Il messaggio è troppo grande.',
    },
    outlookCode: (code) => `errore di Outlook ${code}`.trim(),
    unexpected: 'si è verificato un errore imprevisto.',
  },
};
