import type { Language } from '../contract/locale';
import { formatMegabytes } from '../contract/message-size-wording';
import { localDateAndTime } from '../contract/swiss-format';
import type { SecureMode } from '../contract/modes';
import { errorExplanations, type ErrorExplanations } from '../services/error-explanations';
import type { MessageProblem } from './checks';
import { describeProblem } from './problem-strings';

/** Notifications of the Registered and Confidential commands. Outlook shows at most 150 characters. */
export type CommandStrings = {
  modeName: Record<SecureMode, string>;
  checking: string;
  sending: (mode: SecureMode) => string;
  problem: (problem: MessageProblem) => string;
  /**
   * Registered mail over the bridge's advice: the message's size as IncaMail counts it and the advice, and
   * that a second click sends it anyway (see docs/decisions/009).
   */
  largeRegistered: (bytes: number, adviceBytes: number) => string;
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
  /** A click on a draft whose earlier send IncaMail accepted (the command that sent it was interrupted). */
  sentEarlier: (mode: SecureMode, acceptedAt: string, reference: string) => string;
  /** A click on a draft whose earlier send the bridge is still submitting: the command waits for it. */
  stillSending: (mode: SecureMode, handedOverAt: string) => string;
  unknownOutcome: (reason: string) => string;
  /** IncaMail took the message but refused some recipients; the list comes last, so a long one is cut, not the rest. */
  partlyRefused: (reference: string, refused: string) => string;
  /** Explanations of failures, shared with the task pane. */
  errors: ErrorExplanations;
};

/** The message's size rounded up (one byte over 10 MB reads 10.1), the advice down and without a needless decimal. */
const size = (bytes: number, language: Language) => formatMegabytes(bytes, language, 'up');
const mb = (bytes: number, language: Language) => formatMegabytes(bytes, language, 'down', 'when-needed');

const day = (moment: string) => localDateAndTime(moment).date;
const time = (moment: string) => localDateAndTime(moment).time;

export const commandStrings: Record<Language, CommandStrings> = {
  en: {
    modeName: { registered: 'registered', confidential: 'confidential', personal: 'personal' },
    checking: 'Checking the message for IncaMail…',
    sending: (mode) => `Sending as ${commandStrings.en.modeName[mode]} e-mail through IncaMail…`,
    problem: (p) => describeProblem('en', p),
    largeRegistered: (bytes, advice) =>
      `IncaMail advises against registered mail over ${mb(advice, 'en')} MB (encryption can double it); this one has ${size(bytes, 'en')} MB. Click again to send it anyway.`,
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
    sentEarlier: (mode, at, ref) =>
      `Already sent as ${commandStrings.en.modeName[mode]} via IncaMail on ${day(at)} at ${time(at)} (ref. ${ref}); nothing was sent again. You can delete this draft.`,
    stillSending: (mode, at) =>
      `Still being sent as ${commandStrings.en.modeName[mode]} e-mail through IncaMail (handed over at ${time(at)})…`,
    unknownOutcome: (reason) =>
      `Send not confirmed: ${reason} Draft unchanged. Click again to check; it is never sent twice.`,
    partlyRefused: (ref, refused) =>
      `Sent via IncaMail (ref. ${ref}); the draft is kept. Refused recipients: ${refused}`,
    errors: errorExplanations.en,
  },
  de: {
    modeName: { registered: 'eingeschrieben', confidential: 'vertraulich', personal: 'persönlich' },
    checking: 'Nachricht wird für IncaMail geprüft…',
    sending: (mode) => `Wird ${commandStrings.de.modeName[mode]} über IncaMail gesendet…`,
    problem: (p) => describeProblem('de', p),
    largeRegistered: (bytes, advice) =>
      `IncaMail rät von Eingeschriebenen über ${mb(advice, 'de')} MB ab (Verschlüsselung kann sie verdoppeln); diese hat ${size(bytes, 'de')} MB. Erneut klicken sendet sie trotzdem.`,
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
    sentEarlier: (mode, at, ref) =>
      `Bereits am ${day(at)} um ${time(at)} über IncaMail ${commandStrings.de.modeName[mode]} gesendet (Ref. ${ref}); nichts erneut gesendet. Den Entwurf können Sie löschen.`,
    stillSending: (mode, at) =>
      `Wird noch ${commandStrings.de.modeName[mode]} über IncaMail gesendet (übergeben um ${time(at)})…`,
    unknownOutcome: (reason) =>
      `Versand nicht bestätigt: ${reason} Entwurf unverändert. Erneut klicken zum Prüfen – nie doppelt gesendet.`,
    partlyRefused: (ref, refused) =>
      `Über IncaMail gesendet (Ref. ${ref}); der Entwurf bleibt erhalten. Abgelehnte Empfänger: ${refused}`,
    errors: errorExplanations.de,
  },
  fr: {
    modeName: { registered: 'recommandé', confidential: 'confidentiel', personal: 'personnel' },
    checking: 'Vérification du message pour IncaMail…',
    sending: (mode) => `Envoi en ${commandStrings.fr.modeName[mode]} via IncaMail…`,
    problem: (p) => describeProblem('fr', p),
    largeRegistered: (bytes, advice) =>
      `IncaMail déconseille un recommandé de plus de ${mb(advice, 'fr')} Mo (le chiffrement peut le doubler) ; celui-ci fait ${size(bytes, 'fr')} Mo. Un second clic l’envoie quand même.`,
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
    sentEarlier: (mode, at, ref) =>
      `Déjà envoyé en ${commandStrings.fr.modeName[mode]} via IncaMail le ${day(at)} à ${time(at)} (réf. ${ref}) ; rien n’a été renvoyé. Vous pouvez supprimer ce brouillon.`,
    stillSending: (mode, at) =>
      `Envoi en ${commandStrings.fr.modeName[mode]} via IncaMail toujours en cours (remis à ${time(at)})…`,
    unknownOutcome: (reason) =>
      `Envoi non confirmé : ${reason} Brouillon inchangé. Cliquez à nouveau pour vérifier ; jamais envoyé deux fois.`,
    partlyRefused: (ref, refused) =>
      `Envoyé via IncaMail (réf. ${ref}) ; le brouillon est conservé. Destinataires refusés : ${refused}`,
    errors: errorExplanations.fr,
  },
  it: {
    modeName: { registered: 'raccomandata', confidential: 'confidenziale', personal: 'personale' },
    checking: 'Verifica del messaggio per IncaMail…',
    sending: (mode) => `Invio come e-mail ${commandStrings.it.modeName[mode]} tramite IncaMail…`,
    problem: (p) => describeProblem('it', p),
    largeRegistered: (bytes, advice) =>
      `IncaMail sconsiglia le raccomandate oltre ${mb(advice, 'it')} MB (la cifratura può raddoppiarle); questa ha ${size(bytes, 'it')} MB. Cliccare di nuovo per inviarla comunque.`,
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
    sentEarlier: (mode, at, ref) =>
      `Già inviato come ${commandStrings.it.modeName[mode]} tramite IncaMail il ${day(at)} alle ${time(at)} (rif. ${ref}); nulla è stato reinviato. Può eliminare questa bozza.`,
    stillSending: (mode, at) =>
      `Invio come ${commandStrings.it.modeName[mode]} tramite IncaMail ancora in corso (consegnato alle ${time(at)})…`,
    unknownOutcome: (reason) =>
      `Invio non confermato: ${reason} Bozza invariata. Cliccare di nuovo per verificare: mai inviato due volte.`,
    partlyRefused: (ref, refused) =>
      `Inviato tramite IncaMail (rif. ${ref}); la bozza è conservata. Destinatari rifiutati: ${refused}`,
    errors: errorExplanations.it,
  },
};
