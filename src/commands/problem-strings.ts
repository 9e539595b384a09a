import type { Language } from '../contract/locale';
import { describeOversizeMessage } from '../contract/message-size-wording';
import type { MessageProblem } from './checks';
import { fileDangerText } from './file-danger-strings';

type ProblemTexts = { [K in MessageProblem['problem']]: (problem: Extract<MessageProblem, { problem: K }>) => string };

/** Why a message was not sent, found before it left Outlook: one text per problem and language. */
const PROBLEM_TEXTS: Record<Language, ProblemTexts> = {
  en: {
    'no-recipients': () => 'Not sent: add at least one recipient.',
    'bad-address': (p) => `Not sent: not an e-mail address: ${p.addresses.join(', ')}. Correct it.`,
    'no-subject': () => 'Not sent: add a subject; the recipient sees it before accepting the message.',
    'subject-too-long': (p) => `Not sent: the subject has ${p.length} characters; IncaMail takes ${p.max}. Shorten it.`,
    'too-large': (p) => `Not sent: ${describeOversizeMessage('en', p.size)}`,
    'dangerous-file': (p) => `Not sent: IncaMail refuses ${p.files.map(fileDangerText.en).join('; ')}. Remove it.`,
    'inline-image': (p) =>
      `Not sent: images in the text (${p.names.join(', ')}) cannot go through IncaMail yet. Remove them or attach them.`,
    'unsupported-attachment': (p) =>
      `Not sent: attach files directly, not Outlook items or cloud links (${p.names.join(', ')}).`,
  },
  de: {
    'no-recipients': () => 'Nicht gesendet: Bitte mindestens einen Empfänger angeben.',
    'bad-address': (p) => `Nicht gesendet: keine E-Mail-Adresse: ${p.addresses.join(', ')}. Bitte korrigieren.`,
    'no-subject': () => 'Nicht gesendet: Bitte einen Betreff angeben; der Empfänger sieht ihn vor dem Annehmen.',
    'subject-too-long': (p) =>
      `Nicht gesendet: Der Betreff hat ${p.length} Zeichen; IncaMail nimmt ${p.max}. Bitte kürzen.`,
    'too-large': (p) => `Nicht gesendet: ${describeOversizeMessage('de', p.size)}`,
    'dangerous-file': (p) => `Nicht gesendet: IncaMail lehnt ab: ${p.files.map(fileDangerText.de).join('; ')}.`,
    'inline-image': (p) =>
      `Nicht gesendet: Bilder im Text (${p.names.join(', ')}) gehen noch nicht über IncaMail. Entfernen oder anhängen.`,
    'unsupported-attachment': (p) =>
      `Nicht gesendet: Dateien direkt anhängen, keine Outlook-Elemente oder Cloud-Links (${p.names.join(', ')}).`,
  },
  fr: {
    'no-recipients': () => 'Non envoyé : ajoutez au moins un destinataire.',
    'bad-address': (p) => `Non envoyé : adresse e-mail invalide : ${p.addresses.join(', ')}. Corrigez-la.`,
    'no-subject': () => 'Non envoyé : ajoutez un objet ; le destinataire le voit avant d’accepter le message.',
    'subject-too-long': (p) =>
      `Non envoyé : l’objet a ${p.length} caractères ; IncaMail en accepte ${p.max}. Raccourcissez-le.`,
    'too-large': (p) => `Non envoyé : ${describeOversizeMessage('fr', p.size)}`,
    'dangerous-file': (p) => `Non envoyé : IncaMail refuse ${p.files.map(fileDangerText.fr).join(' ; ')}.`,
    'inline-image': (p) =>
      `Non envoyé : les images dans le texte (${p.names.join(', ')}) ne passent pas encore par IncaMail. Retirez-les ou joignez-les.`,
    'unsupported-attachment': (p) =>
      `Non envoyé : joignez des fichiers, pas des éléments Outlook ni des liens cloud (${p.names.join(', ')}).`,
  },
  it: {
    'no-recipients': () => 'Non inviato: aggiungere almeno un destinatario.',
    'bad-address': (p) => `Non inviato: indirizzo e-mail non valido: ${p.addresses.join(', ')}. Correggerlo.`,
    'no-subject': () => 'Non inviato: aggiungere un oggetto; il destinatario lo vede prima di accettare il messaggio.',
    'subject-too-long': (p) =>
      `Non inviato: l’oggetto ha ${p.length} caratteri; IncaMail ne accetta ${p.max}. Accorciarlo.`,
    'too-large': (p) => `Non inviato: ${describeOversizeMessage('it', p.size)}`,
    'dangerous-file': (p) => `Non inviato: IncaMail rifiuta ${p.files.map(fileDangerText.it).join('; ')}.`,
    'inline-image': (p) =>
      `Non inviato: le immagini nel testo (${p.names.join(', ')}) non passano ancora da IncaMail. Rimuoverle o allegarle.`,
    'unsupported-attachment': (p) =>
      `Non inviato: allegare file, non elementi di Outlook o link cloud (${p.names.join(', ')}).`,
  },
};

export function describeProblem(language: Language, problem: MessageProblem): string {
  const text = PROBLEM_TEXTS[language][problem.problem] as (p: MessageProblem) => string;
  return text(problem);
}
