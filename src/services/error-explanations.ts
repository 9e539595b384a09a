import { AppError, type ErrorCode } from '../contract/errors';
import type { Language } from '../contract/locale';
import { SignInError, type SignInFailure } from './auth-dialog';

/**
 * What went wrong, in the user's language, for the task pane and the ribbon commands alike. Short enough for
 * an Outlook notification: the commands wrap each text in a sentence and Outlook cuts at 150 characters.
 */
export type ErrorExplanations = {
  byCode: Partial<Record<ErrorCode, string>>;
  /** Why signing in through the sign-in dialog gave no token (Outlooks without nested app authentication). */
  signIn: Record<SignInFailure, string>;
  /** Outlook refused a call; `code` is Office's own error code, empty when it gave none. */
  office: (code: string) => string;
  unexpected: string;
};

/** A sentence, as the commands' notifications wrap it: `Outlook refused the change (error 9041).` */
const refusal = (text: string, word: string, code: string) => (code ? `${text} (${word} ${code}).` : `${text}.`);

export const errorExplanations: Record<Language, ErrorExplanations> = {
  en: {
    byCode: {
      internal: 'The LedgerMail bridge hit an unexpected error.',
      malformed_response: 'The bridge sent an unreadable answer.',
      upstream_rejected: 'IncaMail refused the request.',
      bridge_unreachable: 'The LedgerMail bridge cannot be reached.',
      timeout: 'The LedgerMail bridge did not answer in time.',
      unauthorized: 'You are not signed in to LedgerMail.',
      forbidden: 'You may not send this message as its sender.',
      rate_limited: 'Too many sends in a short time; wait a minute.',
      mode_not_allowed: 'This mode is not enabled by your administrator.',
      upstream_unavailable: 'IncaMail cannot be reached right now.',
      accounting_unavailable: 'The accounting software cannot be reached right now; try again in a minute.',
      accounting_refused: 'The accounting software refused LedgerMail; ask your administrator to reconnect it.',
      payload_too_large: 'The message is too large.',
    },
    signIn: {
      cancelled: 'Sign-in was cancelled.',
      blocked: 'The browser blocked the sign-in window; allow pop-ups for Outlook.',
      busy: 'A sign-in window is already open.',
      failed: 'Signing in to LedgerMail failed; ask your administrator.',
    },
    office: (code) => refusal('Outlook refused the change', 'error', code),
    unexpected: 'An unexpected error occurred.',
  },
  de: {
    byCode: {
      internal: 'Unerwarteter Fehler in der LedgerMail-Bridge.',
      malformed_response: 'Unlesbare Antwort der Bridge.',
      upstream_rejected: 'IncaMail hat die Anfrage abgelehnt.',
      bridge_unreachable: 'Die LedgerMail-Bridge ist nicht erreichbar.',
      timeout: 'Die LedgerMail-Bridge antwortete nicht rechtzeitig.',
      unauthorized: 'Sie sind bei LedgerMail nicht angemeldet.',
      forbidden: 'Sie dürfen diese Nachricht nicht mit diesem Absender senden.',
      rate_limited: 'Zu viele Sendungen in kurzer Zeit. Warten Sie eine Minute.',
      mode_not_allowed: 'Diese Versandart ist von Ihrer Administration nicht freigegeben.',
      upstream_unavailable: 'IncaMail ist im Moment nicht erreichbar.',
      accounting_unavailable:
        'Die Buchhaltung ist im Moment nicht erreichbar; versuchen Sie es in einer Minute wieder.',
      accounting_refused: 'Die Buchhaltung hat LedgerMail abgewiesen; Ihre Administration muss sie neu verbinden.',
      payload_too_large: 'Die Nachricht ist zu gross.',
    },
    signIn: {
      cancelled: 'Die Anmeldung wurde abgebrochen.',
      blocked: 'Der Browser hat das Anmeldefenster blockiert; erlauben Sie Pop-ups für Outlook.',
      busy: 'Ein Anmeldefenster ist bereits geöffnet.',
      failed: 'Die Anmeldung bei LedgerMail ist fehlgeschlagen; wenden Sie sich an Ihre Administration.',
    },
    office: (code) => refusal('Outlook lehnte die Änderung ab', 'Fehler', code),
    unexpected: 'Ein unerwarteter Fehler ist aufgetreten.',
  },
  fr: {
    byCode: {
      internal: 'Erreur inattendue dans le pont LedgerMail.',
      malformed_response: 'Réponse illisible du pont.',
      upstream_rejected: 'IncaMail a refusé la demande.',
      bridge_unreachable: 'Le pont LedgerMail est injoignable.',
      timeout: "Le pont LedgerMail n'a pas répondu à temps.",
      unauthorized: "Vous n'êtes pas connecté à LedgerMail.",
      forbidden: 'Vous ne pouvez pas envoyer ce message avec cet expéditeur.',
      rate_limited: "Trop d'envois en peu de temps ; attendez une minute.",
      mode_not_allowed: "Ce mode n'est pas activé par votre administrateur.",
      upstream_unavailable: 'IncaMail est injoignable pour le moment.',
      accounting_unavailable: 'La comptabilité est injoignable pour le moment ; réessayez dans une minute.',
      accounting_refused: 'La comptabilité a refusé LedgerMail ; votre administrateur doit la reconnecter.',
      payload_too_large: 'Le message est trop volumineux.',
    },
    signIn: {
      cancelled: 'La connexion a été annulée.',
      blocked: 'Le navigateur a bloqué la fenêtre de connexion ; autorisez les pop-up pour Outlook.',
      busy: 'Une fenêtre de connexion est déjà ouverte.',
      failed: 'La connexion à LedgerMail a échoué ; contactez votre administrateur.',
    },
    office: (code) => refusal('Outlook a refusé la modification', 'erreur', code),
    unexpected: "Une erreur inattendue s'est produite.",
  },
  it: {
    byCode: {
      internal: 'Errore imprevisto nel ponte LedgerMail.',
      malformed_response: 'Risposta illeggibile dal ponte.',
      upstream_rejected: 'IncaMail ha rifiutato la richiesta.',
      bridge_unreachable: 'Il ponte LedgerMail non è raggiungibile.',
      timeout: 'Il ponte LedgerMail non ha risposto in tempo.',
      unauthorized: 'Non ha effettuato l’accesso a LedgerMail.',
      forbidden: 'Non può inviare questo messaggio con questo mittente.',
      rate_limited: 'Troppi invii in poco tempo; attenda un minuto.',
      mode_not_allowed: "Questa modalità non è abilitata dall'amministratore.",
      upstream_unavailable: 'IncaMail non è raggiungibile al momento.',
      accounting_unavailable: 'La contabilità non è raggiungibile al momento; riprovi tra un minuto.',
      accounting_refused: 'La contabilità ha rifiutato LedgerMail; l’amministrazione deve ricollegarla.',
      payload_too_large: 'Il messaggio è troppo grande.',
    },
    signIn: {
      cancelled: 'L’accesso è stato annullato.',
      blocked: 'Il browser ha bloccato la finestra di accesso; consenta i pop-up per Outlook.',
      busy: 'Una finestra di accesso è già aperta.',
      failed: 'L’accesso a LedgerMail non è riuscito; si rivolga all’amministratore.',
    },
    office: (code) => refusal('Outlook ha rifiutato la modifica', 'errore', code),
    unexpected: 'Si è verificato un errore imprevisto.',
  },
};

/**
 * Codes whose remedy does not depend on the bridge's detail. For the others (a bad request, a document that
 * is gone, a route that is not configured) the pane shows the bridge's own words, which name the specifics;
 * a notification has no room for them and explains the code.
 */
const GENERIC_CODES = new Set<ErrorCode>([
  'bridge_unreachable',
  // The accounting's trouble is the administrator's to fix; the user reads it in their language.
  'accounting_unavailable',
  'accounting_refused',
  'timeout',
  'malformed_response',
  'rate_limited',
  'payload_too_large',
  'internal',
]);

/** `when-specific`: the bridge's message where it names the specifics (the pane); `never`: always ours. */
export type BridgeWords = 'when-specific' | 'never';

/** Office's own code of a failed Office call (`office_error`), as text; empty for any other error. */
export function officeCodeOf(error: unknown): string {
  return error instanceof AppError && error.code === 'office_error' ? String(error.officeCode ?? '') : '';
}

/** The one explanation of a failure: sign-in, Outlook, the bridge's refusals, anything else. */
export function describeError(error: unknown, explanations: ErrorExplanations, bridgeWords: BridgeWords): string {
  if (error instanceof SignInError) return explanations.signIn[error.failure];
  if (!(error instanceof AppError)) return explanations.unexpected;
  if (error.code === 'office_error') return explanations.office(officeCodeOf(error));
  const ours = explanations.byCode[error.code];
  if (bridgeWords === 'when-specific' && !GENERIC_CODES.has(error.code)) return error.message;
  return ours ?? error.message;
}
