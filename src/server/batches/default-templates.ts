import type { TemplateSet } from '../../contract/batches.schemas.js';

/**
 * The messages a run sends unless the user (or, later, the admin) words them differently: per language and
 * per level, escalating as the PDFs do, from a friendly reminder to a final demand that names debt
 * collection. The body speaks of "the amounts below", so one text serves a message with one reminder and a
 * message with all of a customer's reminders.
 */
export const DEFAULT_TEMPLATES: TemplateSet = {
  de: {
    '1': {
      subject: '{title} {number}',
      body: [
        'Sehr geehrte Damen und Herren',
        'Sicher ist es Ihrer Aufmerksamkeit entgangen: Für die folgenden Beträge haben wir noch keine Zahlung erhalten.',
        '{documentList}',
        'Bitte überweisen Sie {amountDue} bis {payBy}. Die Unterlagen mit Einzahlungsschein liegen bei. Falls Sie bereits bezahlt haben, betrachten Sie diese Nachricht als gegenstandslos.',
        'Freundliche Grüsse',
        '{signature}',
      ].join('\n\n'),
    },
    '2': {
      subject: '{title} {number}',
      body: [
        'Sehr geehrte Damen und Herren',
        'Trotz unserer Zahlungserinnerung sind die folgenden Beträge noch offen:',
        '{documentList}',
        'Wir bitten Sie, {amountDue} einschliesslich Mahngebühr bis {payBy} zu überweisen. Die Mahnung mit Einzahlungsschein liegt bei.',
        'Freundliche Grüsse',
        '{signature}',
      ].join('\n\n'),
    },
    '3': {
      subject: '{title} {number}',
      body: [
        'Sehr geehrte Damen und Herren',
        'Trotz zweier Mahnungen sind die folgenden Beträge noch immer unbezahlt:',
        '{documentList}',
        'Dies ist unsere letzte Mahnung. Geht die Zahlung von {amountDue} nicht bis {payBy} bei uns ein, leiten wir ohne weitere Ankündigung die Betreibung ein.',
        'Freundliche Grüsse',
        '{signature}',
      ].join('\n\n'),
    },
  },
  fr: {
    '1': {
      subject: '{title} {number}',
      body: [
        'Madame, Monsieur,',
        'Sauf erreur de notre part, les montants suivants ne nous sont pas encore parvenus :',
        '{documentList}',
        'Nous vous prions de verser {amountDue} d’ici au {payBy}. Les documents avec le bulletin de versement sont joints. Si vous avez déjà payé, veuillez ne pas tenir compte de ce message.',
        'Meilleures salutations',
        '{signature}',
      ].join('\n\n'),
    },
    '2': {
      subject: '{title} {number}',
      body: [
        'Madame, Monsieur,',
        'Malgré notre rappel, les montants suivants restent impayés :',
        '{documentList}',
        'Nous vous prions de verser {amountDue}, frais de rappel compris, d’ici au {payBy}. Le rappel avec le bulletin de versement est joint.',
        'Meilleures salutations',
        '{signature}',
      ].join('\n\n'),
    },
    '3': {
      subject: '{title} {number}',
      body: [
        'Madame, Monsieur,',
        'Malgré deux rappels, les montants suivants restent impayés :',
        '{documentList}',
        'Ceci est notre dernier rappel. Sans paiement de {amountDue} d’ici au {payBy}, nous engagerons une poursuite sans autre avis.',
        'Meilleures salutations',
        '{signature}',
      ].join('\n\n'),
    },
  },
  it: {
    '1': {
      subject: '{title} {number}',
      body: [
        'Gentili signore, egregi signori',
        'Probabilmente vi è sfuggito: non abbiamo ancora ricevuto il pagamento degli importi seguenti.',
        '{documentList}',
        'Vi preghiamo di versare {amountDue} entro il {payBy}. In allegato i documenti con la polizza di versamento. Se avete già pagato, considerate nullo il presente messaggio.',
        'Cordiali saluti',
        '{signature}',
      ].join('\n\n'),
    },
    '2': {
      subject: '{title} {number}',
      body: [
        'Gentili signore, egregi signori',
        'Nonostante il nostro promemoria, gli importi seguenti sono ancora aperti:',
        '{documentList}',
        'Vi preghiamo di versare {amountDue}, spese di sollecito incluse, entro il {payBy}. In allegato il sollecito con la polizza di versamento.',
        'Cordiali saluti',
        '{signature}',
      ].join('\n\n'),
    },
    '3': {
      subject: '{title} {number}',
      body: [
        'Gentili signore, egregi signori',
        'Nonostante due solleciti, gli importi seguenti non sono ancora stati pagati:',
        '{documentList}',
        'Questo è il nostro ultimo sollecito. Senza il pagamento di {amountDue} entro il {payBy} avvieremo l’esecuzione senza ulteriore preavviso.',
        'Cordiali saluti',
        '{signature}',
      ].join('\n\n'),
    },
  },
  en: {
    '1': {
      subject: '{title} {number}',
      body: [
        'Dear Sir or Madam',
        'Perhaps it escaped your attention: we have not yet received payment of the amounts below.',
        '{documentList}',
        'Please pay {amountDue} by {payBy}. The documents with the payment slip are attached. If you have already paid, please disregard this message.',
        'Kind regards',
        '{signature}',
      ].join('\n\n'),
    },
    '2': {
      subject: '{title} {number}',
      body: [
        'Dear Sir or Madam',
        'Despite our reminder, the amounts below are still unpaid:',
        '{documentList}',
        'Please pay {amountDue}, including the reminder fee, by {payBy}. The reminder with the payment slip is attached.',
        'Kind regards',
        '{signature}',
      ].join('\n\n'),
    },
    '3': {
      subject: '{title} {number}',
      body: [
        'Dear Sir or Madam',
        'Despite two reminders, the amounts below remain unpaid:',
        '{documentList}',
        'This is our final reminder. Unless payment of {amountDue} reaches us by {payBy}, we will start debt collection proceedings without further notice.',
        'Kind regards',
        '{signature}',
      ].join('\n\n'),
    },
  },
};
