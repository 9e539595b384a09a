import type { Language } from '../contract/locale';
import { SUBJECT_PREFIXES } from '../contract/marking';
import { describeOversizeMessage, formatMegabytes } from '../contract/message-size-wording';
import type { SecureMode } from '../contract/modes';
import type { GuardDecision, GuardReason, GuardReasonTag } from '../contract/send-guard';
import { fileDangerText } from './file-danger-strings';
import { commandStrings } from './strings';

/** Smart Alerts' `errorMessage` takes at most 500 characters of plain text (Office.js, Mailbox 1.12). */
export const MAX_GUARD_MESSAGE_LENGTH = 500;

/** One name in a list: an address may have 254 characters, which would crowd out every other sentence. */
const MAX_ITEM_LENGTH = 60;

/** Writes a list, showing at most as many items as the message has room for, and counting the rest. */
type ListOf = (items: readonly string[], separator?: string) => string;

type ReasonTexts = {
  [K in GuardReasonTag]: (reason: Extract<GuardReason, { reason: K }>, list: ListOf) => string;
};

type GuardTexts = {
  reasons: ReasonTexts;
  /** The fix the marking reasons share, said once after the last of them. */
  remark: string;
  /** Only a warning leaves Smart Alerts' "Send anyway": a block that also carries the advice does not. */
  sendAnyway: string;
  /** The alert's button that opens the task pane (`cancelLabel`): at most 20 characters. */
  openPane: string;
  andMore: (shown: string, more: number) => string;
  moreProblems: (count: number) => string;
};

const mode = (language: Language, m: SecureMode) => commandStrings[language].modeName[m];
/** The message's size rounded up (one byte over 10 MB reads 10.1), the advice down and without a needless decimal. */
const size = (bytes: number, language: Language) => formatMegabytes(bytes, language, 'up');
const mb = (bytes: number, language: Language) => formatMegabytes(bytes, language, 'down', 'when-needed');
const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const files = (language: Language) => (r: Extract<GuardReason, { reason: 'dangerous-file' }>, list: ListOf) =>
  list(r.files.map(fileDangerText[language]), '; ');

const TEXTS: Record<Language, GuardTexts> = {
  en: {
    reasons: {
      'marked-by-hand-on-relay': (r) =>
        `${r.mode ? `Marked for IncaMail by hand (${SUBJECT_PREFIXES[r.mode]})` : 'Addresses marked for IncaMail by hand'}: remove the marking and use LedgerMail's ribbon buttons.`,
      'prefix-removed': (r) =>
        `The subject lost its ${SUBJECT_PREFIXES[r.mode]} prefix${r.mode === 'confidential' ? '' : `, so IncaMail would send it confidential, not ${mode('en', r.mode)}`}.`,
      'prefix-changed': (r) =>
        `LedgerMail marked it ${mode('en', r.mode)}, but the subject now starts with ${SUBJECT_PREFIXES[r.subjectMode]}.`,
      'unsuffixed-recipients': (r, list) =>
        `These recipients would get plain e-mail, outside IncaMail: ${list(r.addresses)}.`,
      'mode-not-allowed': (r) => `${capitalized(mode('en', r.mode))} e-mail is not enabled by your administrator.`,
      'paid-since-attached': (r, list) =>
        `Paid since ${r.numbers.length === 1 ? 'it was' : 'they were'} attached: ${list(r.numbers)}. Remove ${r.numbers.length === 1 ? 'it' : 'them'}.`,
      'cancelled-since-attached': (r, list) =>
        `Cancelled since ${r.numbers.length === 1 ? 'it was' : 'they were'} attached: ${list(r.numbers)}. Remove ${r.numbers.length === 1 ? 'it' : 'them'}.`,
      'level3-needs-registered': (r, list) =>
        `Your administrator requires level-3 reminders to go registered: ${list(r.numbers)}. Use the Registered button.`,
      'dangerous-file': (r, list) =>
        `IncaMail refuses ${files('en')(r, list)}. Remove ${r.files.length === 1 ? 'it' : 'them'}.`,
      'too-large': (r) => describeOversizeMessage('en', r.size),
      'large-registered': (r) =>
        `IncaMail advises against registered mail over ${mb(r.adviceBytes, 'en')} MB (encryption can double it); this one has ${size(r.encodedBytes, 'en')} MB.`,
    },
    remark: 'Mark the message again with LedgerMail.',
    sendAnyway: 'You can send it anyway.',
    openPane: 'Open LedgerMail',
    andMore: (shown, more) => `${shown} and ${more} more`,
    moreProblems: (count) => `And ${count} more ${count === 1 ? 'problem' : 'problems'}.`,
  },
  de: {
    reasons: {
      'marked-by-hand-on-relay': (r) =>
        `${r.mode ? `Von Hand für IncaMail markiert (${SUBJECT_PREFIXES[r.mode]})` : 'Adressen von Hand für IncaMail markiert'}: Bitte die Markierung entfernen und die LedgerMail-Schaltflächen nutzen.`,
      'prefix-removed': (r) =>
        `Der Betreff hat sein Präfix ${SUBJECT_PREFIXES[r.mode]} verloren${r.mode === 'confidential' ? '' : `: IncaMail würde vertraulich statt ${mode('de', r.mode)} senden`}.`,
      'prefix-changed': (r) =>
        `LedgerMail hat «${mode('de', r.mode)}» markiert, doch der Betreff beginnt jetzt mit ${SUBJECT_PREFIXES[r.subjectMode]}.`,
      'unsuffixed-recipients': (r, list) =>
        `Diese Empfänger erhielten eine gewöhnliche E-Mail ausserhalb von IncaMail: ${list(r.addresses)}.`,
      'mode-not-allowed': (r) => `«${capitalized(mode('de', r.mode))}» ist von Ihrer Administration nicht freigegeben.`,
      'paid-since-attached': (r, list) =>
        `Seit dem Anhängen bezahlt: ${list(r.numbers)}. Bitte aus der Nachricht entfernen.`,
      'cancelled-since-attached': (r, list) =>
        `Seit dem Anhängen storniert: ${list(r.numbers)}. Bitte aus der Nachricht entfernen.`,
      'level3-needs-registered': (r, list) =>
        `Ihre Administration verlangt 3. Mahnungen eingeschrieben: ${list(r.numbers)}. Bitte «Eingeschrieben» verwenden.`,
      'dangerous-file': (r, list) => `IncaMail lehnt ab: ${files('de')(r, list)}. Bitte entfernen.`,
      'too-large': (r) => describeOversizeMessage('de', r.size),
      'large-registered': (r) =>
        `IncaMail rät von Eingeschriebenen über ${mb(r.adviceBytes, 'de')} MB ab (Verschlüsselung kann sie verdoppeln); diese hat ${size(r.encodedBytes, 'de')} MB.`,
    },
    remark: 'Bitte die Nachricht mit LedgerMail neu markieren.',
    sendAnyway: 'Sie können sie trotzdem senden.',
    openPane: 'LedgerMail öffnen',
    andMore: (shown, more) => `${shown} und ${more} weitere`,
    moreProblems: (count) => `Und ${count} ${count === 1 ? 'weiteres Problem' : 'weitere Probleme'}.`,
  },
  fr: {
    reasons: {
      'marked-by-hand-on-relay': (r) =>
        `${r.mode ? `Marqué à la main pour IncaMail (${SUBJECT_PREFIXES[r.mode]})` : 'Adresses marquées à la main pour IncaMail'} : retirez le marquage et utilisez les boutons LedgerMail du ruban.`,
      'prefix-removed': (r) =>
        `L’objet a perdu son préfixe ${SUBJECT_PREFIXES[r.mode]}${r.mode === 'confidential' ? '' : ` : IncaMail l’enverrait en confidentiel et non en ${mode('fr', r.mode)}`}.`,
      'prefix-changed': (r) =>
        `LedgerMail l’a marqué en ${mode('fr', r.mode)}, mais l’objet commence maintenant par ${SUBJECT_PREFIXES[r.subjectMode]}.`,
      'unsuffixed-recipients': (r, list) =>
        `Ces destinataires recevraient un e-mail ordinaire, hors d’IncaMail : ${list(r.addresses)}.`,
      'mode-not-allowed': (r) => `L’envoi ${mode('fr', r.mode)} n’est pas activé par votre administrateur.`,
      'paid-since-attached': (r, list) =>
        r.numbers.length === 1
          ? `Document payé depuis son ajout : ${list(r.numbers)}. Retirez-le du message.`
          : `Documents payés depuis leur ajout : ${list(r.numbers)}. Retirez-les du message.`,
      'cancelled-since-attached': (r, list) =>
        r.numbers.length === 1
          ? `Document annulé depuis son ajout : ${list(r.numbers)}. Retirez-le du message.`
          : `Documents annulés depuis leur ajout : ${list(r.numbers)}. Retirez-les du message.`,
      'level3-needs-registered': (r, list) =>
        `Votre administrateur exige le recommandé pour les rappels de niveau 3 : ${list(r.numbers)}. Utilisez « Recommandé ».`,
      'dangerous-file': (r, list) =>
        `IncaMail refuse ${files('fr')(r, list)}. Retirez-${r.files.length === 1 ? 'le' : 'les'}.`,
      'too-large': (r) => describeOversizeMessage('fr', r.size),
      'large-registered': (r) =>
        `IncaMail déconseille un recommandé de plus de ${mb(r.adviceBytes, 'fr')} Mo (le chiffrement peut le doubler) ; celui-ci fait ${size(r.encodedBytes, 'fr')} Mo.`,
    },
    remark: 'Marquez à nouveau le message avec LedgerMail.',
    sendAnyway: 'Vous pouvez l’envoyer quand même.',
    openPane: 'Ouvrir LedgerMail',
    andMore: (shown, more) => `${shown} et ${more} ${more === 1 ? 'autre' : 'autres'}`,
    moreProblems: (count) => `Et ${count} ${count === 1 ? 'autre problème' : 'autres problèmes'}.`,
  },
  it: {
    reasons: {
      'marked-by-hand-on-relay': (r) =>
        `${r.mode ? `Contrassegnata a mano per IncaMail (${SUBJECT_PREFIXES[r.mode]})` : 'Indirizzi contrassegnati a mano per IncaMail'}: rimuovere il contrassegno e usare i pulsanti LedgerMail.`,
      'prefix-removed': (r) =>
        `L’oggetto ha perso il prefisso ${SUBJECT_PREFIXES[r.mode]}${r.mode === 'confidential' ? '' : `: IncaMail invierebbe l’e-mail come confidenziale, non ${mode('it', r.mode)}`}.`,
      'prefix-changed': (r) =>
        `LedgerMail l’ha contrassegnata come ${mode('it', r.mode)}, ma l’oggetto ora inizia con ${SUBJECT_PREFIXES[r.subjectMode]}.`,
      'unsuffixed-recipients': (r, list) =>
        `Questi destinatari riceverebbero un’e-mail normale, fuori da IncaMail: ${list(r.addresses)}.`,
      'mode-not-allowed': (r) => `L’e-mail ${mode('it', r.mode)} non è abilitata dall’amministratore.`,
      'paid-since-attached': (r, list) =>
        r.numbers.length === 1
          ? `Documento pagato dopo essere stato allegato: ${list(r.numbers)}. Rimuoverlo dal messaggio.`
          : `Documenti pagati dopo essere stati allegati: ${list(r.numbers)}. Rimuoverli dal messaggio.`,
      'cancelled-since-attached': (r, list) =>
        r.numbers.length === 1
          ? `Documento annullato dopo essere stato allegato: ${list(r.numbers)}. Rimuoverlo dal messaggio.`
          : `Documenti annullati dopo essere stati allegati: ${list(r.numbers)}. Rimuoverli dal messaggio.`,
      'level3-needs-registered': (r, list) =>
        `L’amministratore richiede la raccomandata per i solleciti di livello 3: ${list(r.numbers)}. Usare «Raccomandata».`,
      'dangerous-file': (r, list) =>
        `IncaMail rifiuta ${files('it')(r, list)}. ${r.files.length === 1 ? 'Rimuoverlo' : 'Rimuoverli'}.`,
      'too-large': (r) => describeOversizeMessage('it', r.size),
      'large-registered': (r) =>
        `IncaMail sconsiglia le raccomandate oltre ${mb(r.adviceBytes, 'it')} MB (la cifratura può raddoppiarle); questa ha ${size(r.encodedBytes, 'it')} MB.`,
    },
    remark: 'Contrassegnare di nuovo il messaggio con LedgerMail.',
    sendAnyway: 'Può inviarla comunque.',
    openPane: 'Apri LedgerMail',
    andMore: (shown, more) => `${shown} ${more === 1 ? 'e un altro' : `e altri ${more}`}`,
    moreProblems: (count) => `E ${count === 1 ? 'un altro problema' : `altri ${count} problemi`}.`,
  },
};

/** Cut by code points, so an emoji or a non-BMP character is never split in half. */
function shorten(text: string, max: number = MAX_ITEM_LENGTH): string {
  const characters = Array.from(text);
  return characters.length <= max ? text : `${characters.slice(0, max - 1).join('')}…`;
}

function listWithin(texts: GuardTexts, shown: number): ListOf {
  return (items, separator = ', ') =>
    items.length <= shown
      ? items.join(separator)
      : texts.andMore(items.slice(0, shown).join(separator), items.length - shown);
}

/** The names a reason lists, each cut to a length that leaves room for the others. */
function shortened(reason: GuardReason): GuardReason {
  switch (reason.reason) {
    case 'unsuffixed-recipients':
      return { ...reason, addresses: reason.addresses.map((a) => shorten(a)) };
    case 'dangerous-file':
      return {
        ...reason,
        files: reason.files.map(({ name, danger }) => ({
          name: shorten(name),
          danger: danger.danger === 'archive-member' ? { ...danger, member: shorten(danger.member) } : danger,
        })),
      };
    case 'paid-since-attached':
    case 'cancelled-since-attached':
    case 'level3-needs-registered':
      return { ...reason, numbers: reason.numbers.map((n) => shorten(n)) };
    default:
      return reason;
  }
}

/** Reasons whose fix is marking the message again: one click on LedgerMail's button mends them all. */
const NEEDS_REMARK: ReadonlySet<GuardReasonTag> = new Set([
  'prefix-removed',
  'prefix-changed',
  'unsuffixed-recipients',
]);

/** A sentence of the alert: a reason (a list item in Markdown) or a note that applies to them all. */
type Part = { kind: 'reason' | 'note'; text: string };

function sentences(texts: GuardTexts, reasons: readonly GuardReason[], list: ListOf): Part[] {
  const last = reasons.findLastIndex((r) => NEEDS_REMARK.has(r.reason));
  return reasons.flatMap((r, i): Part[] => {
    const said: Part = { kind: 'reason', text: sentence(texts, r, list) };
    return i === last ? [said, { kind: 'note', text: texts.remark }] : [said];
  });
}

function sentence(texts: GuardTexts, reason: GuardReason, list: ListOf): string {
  return (texts.reasons[reason.reason] as (r: GuardReason, l: ListOf) => string)(shortened(reason), list);
}

const plain = (parts: readonly Part[]) => parts.map((p) => p.text).join(' ');

/**
 * The sentences that fit Smart Alerts' 500 characters, in the decision's order (most important first). When
 * they do not fit, lists shrink to fewer names ("a, b and 3 more"), then the last reasons give way to a count,
 * so the first reasons always stay whole.
 */
function fittingParts(decision: Exclude<GuardDecision, { action: 'allow' }>, language: Language): Part[] {
  const texts = TEXTS[language];
  const closing: Part[] = decision.action === 'warn' ? [{ kind: 'note', text: texts.sendAnyway }] : [];
  const fits = (parts: Part[]) => plain(parts).length <= MAX_GUARD_MESSAGE_LENGTH;
  const longest = Math.max(1, ...decision.reasons.map(listLength));
  for (const shown of [longest, 3, 2, 1].filter((n) => n <= longest)) {
    const parts = [...sentences(texts, decision.reasons, listWithin(texts, shown)), ...closing];
    if (fits(parts)) return parts;
  }
  const { reasons } = decision;
  const shortest = (kept: number) => sentences(texts, reasons.slice(0, kept), listWithin(texts, 1));
  for (let kept = reasons.length - 1; kept >= 1; kept--) {
    const parts: Part[] = [...shortest(kept), { kind: 'note', text: texts.moreProblems(reasons.length - kept) }];
    if (fits([...parts, ...closing])) return [...parts, ...closing];
  }
  // One reason alone is far below the limit with its names shortened; the cut only guards against a future text.
  return [{ kind: 'reason', text: shorten(plain(shortest(1)), MAX_GUARD_MESSAGE_LENGTH) }];
}

/** The Smart Alert's plain text (`errorMessage`, Mailbox 1.12): one sentence per reason. */
export function guardMessage(decision: Exclude<GuardDecision, { action: 'allow' }>, language: Language): string {
  return plain(fittingParts(decision, language));
}

/**
 * Outlook's Markdown (1.15) knows emphasis, lists and links only: a backslash keeps an address's or a file
 * name's `_`, `*` or brackets as they are.
 */
const escapeMarkdown = (text: string) => text.replace(/[\\*_[\]]/g, (c) => `\\${c}`);

/**
 * The same sentences for `errorMessageMarkdown` (Mailbox 1.15): several reasons as a list (each item ended by
 * `\r`, as Outlook's Markdown wants), the notes after it. Undefined when the escapes would pass 500 characters:
 * the plain text is shown then, which says the same.
 */
export function guardMarkdown(
  decision: Exclude<GuardDecision, { action: 'allow' }>,
  language: Language,
): string | undefined {
  const parts = fittingParts(decision, language);
  const reasons = parts.filter((p) => p.kind === 'reason').map((p) => escapeMarkdown(p.text));
  const notes = parts.filter((p) => p.kind === 'note').map((p) => escapeMarkdown(p.text));
  const body = reasons.length > 1 ? reasons.map((r) => `- ${r}\r`).join('') : reasons.join(' ');
  const markdown = notes.length > 0 ? `${body}\n\n${notes.join(' ')}` : body;
  return markdown.length <= MAX_GUARD_MESSAGE_LENGTH ? markdown : undefined;
}

function listLength(reason: GuardReason): number {
  if (reason.reason === 'unsuffixed-recipients') return reason.addresses.length;
  if (reason.reason === 'dangerous-file') return reason.files.length;
  return 'numbers' in reason ? reason.numbers.length : 0;
}

/** Smart Alerts' `cancelLabel` takes at most 20 characters (Office.js, Mailbox 1.14). */
export const MAX_CANCEL_LABEL_LENGTH = 20;

export function guardPaneLabel(language: Language): string {
  return TEXTS[language].openPane;
}
