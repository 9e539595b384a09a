import type { MessageTemplate } from '../../contract/batches.schemas';
import type { Language } from '../../contract/locale';

/** The message each customer gets unless the user edits it: in the customer's language, not the pane's. */
export const DEFAULT_TEMPLATES: Record<Language, MessageTemplate> = {
  de: {
    subject: 'Mahnung {number}',
    html:
      '<p>Guten Tag {customerName}</p><p>Leider haben wir für Rechnung {invoiceNumber} noch keine Zahlung erhalten. ' +
      'Bitte überweisen Sie {amount} bis {dueDate}. Die Mahnung (Stufe {level}) liegt bei.</p><p>Freundliche Grüsse</p>',
  },
  fr: {
    subject: 'Rappel {number}',
    html:
      '<p>Bonjour {customerName}</p><p>Sauf erreur, la facture {invoiceNumber} n’est pas encore réglée. ' +
      'Merci de verser {amount} d’ici au {dueDate}. Vous trouverez le rappel (niveau {level}) en annexe.</p>' +
      '<p>Meilleures salutations</p>',
  },
  it: {
    subject: 'Sollecito {number}',
    html:
      '<p>Buongiorno {customerName}</p><p>Non abbiamo ancora ricevuto il pagamento della fattura {invoiceNumber}. ' +
      'Vi preghiamo di versare {amount} entro il {dueDate}. In allegato il sollecito (livello {level}).</p>' +
      '<p>Cordiali saluti</p>',
  },
  en: {
    subject: 'Payment reminder {number}',
    html:
      '<p>Dear {customerName}</p><p>We have not yet received payment of invoice {invoiceNumber}. ' +
      'Please pay {amount} by {dueDate}. The reminder (level {level}) is attached.</p><p>Kind regards</p>',
  },
};
