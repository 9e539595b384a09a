import type { DocumentKind, ReminderLevel } from '../../contract/documents.schemas.js';
import type { Language } from '../../contract/locale.js';

/** Everything a document PDF says, in the customer's language. */
export type Wording = {
  /** Prefix of the PDF's file name: `Rechnung-2026-0042.pdf`, `Mahnung-2026-0042-2.pdf`. */
  fileNamePrefix: Record<DocumentKind, string>;
  /** Reminder text by level: a friendly nudge, then firmer, then the last word before debt collection. */
  reminderBody: Record<ReminderLevel, (invoiceNumber: string, invoiceDate: string, dueDate: string) => string>;
  invoiceBody: (dueDate: string) => string;
  labels: {
    number: string;
    date: string;
    dueDate: string;
    customerNumber: string;
    vatNumber: string;
    description: string;
    quantity: string;
    unitPrice: string;
    amount: string;
    subtotal: string;
    vat: (rate: string) => string;
    total: string;
    alreadyPaid: string;
    amountDue: string;
    openAmountOf: (invoiceNumber: string) => string;
    reminderFee: string;
    paid: string;
    cancelled: string;
    draft: string;
  };
  closing: string;
  /** Printed on a document LedgerMail rendered from another accounting's data (WinBIZ's open items). */
  producedFrom: (source: string) => string;
};

export const WORDING: Record<Language, Wording> = {
  de: {
    fileNamePrefix: { invoice: 'Rechnung', reminder: 'Mahnung' },
    reminderBody: {
      1: (n, d, due) =>
        `Sicher ist es Ihrer Aufmerksamkeit entgangen: Unsere Rechnung ${n} vom ${d} ist seit dem ${due} fällig. Wir bitten Sie, den offenen Betrag in den nächsten Tagen zu überweisen. Falls Sie bereits bezahlt haben, betrachten Sie dieses Schreiben als gegenstandslos.`,
      2: (n, d, due) =>
        `Trotz unserer Zahlungserinnerung ist unsere Rechnung ${n} vom ${d}, fällig am ${due}, noch nicht beglichen. Wir bitten Sie, den offenen Betrag zuzüglich Mahngebühr bis zum unten genannten Datum zu bezahlen.`,
      3: (n, d, due) =>
        `Unsere Rechnung ${n} vom ${d}, fällig am ${due}, ist trotz zweier Mahnungen unbezahlt. Dies ist unsere letzte Mahnung: Geht die Zahlung nicht bis zum unten genannten Datum ein, leiten wir ohne weitere Ankündigung die Betreibung ein.`,
    },
    invoiceBody: (due) => `Vielen Dank für Ihren Auftrag. Wir erlauben uns, Ihnen zu verrechnen. Zahlbar bis ${due}.`,
    labels: {
      number: 'Nummer',
      date: 'Datum',
      dueDate: 'Zahlbar bis',
      customerNumber: 'Kundennummer',
      vatNumber: 'MWST-Nr.',
      description: 'Beschreibung',
      quantity: 'Menge',
      unitPrice: 'Preis',
      amount: 'Betrag',
      subtotal: 'Zwischentotal',
      vat: (rate) => `MWST ${rate} %`,
      total: 'Total',
      alreadyPaid: 'Bereits bezahlt',
      amountDue: 'Zu bezahlen',
      openAmountOf: (n) => `Offener Betrag Rechnung ${n}`,
      reminderFee: 'Mahngebühr',
      paid: 'BEZAHLT',
      cancelled: 'STORNIERT',
      draft: 'ENTWURF',
    },
    closing: 'Freundliche Grüsse',
    producedFrom: (source) => `Dieses Dokument hat LedgerMail aus dem offenen Posten in ${source} erstellt.`,
  },
  fr: {
    fileNamePrefix: { invoice: 'Facture', reminder: 'Rappel' },
    reminderBody: {
      1: (n, d, due) =>
        `Sauf erreur de notre part, notre facture ${n} du ${d}, échue le ${due}, n'a pas encore été réglée. Nous vous prions de bien vouloir verser le montant ouvert ces prochains jours. Si votre paiement nous est déjà parvenu, veuillez ne pas tenir compte de ce rappel.`,
      2: (n, d, due) =>
        `Malgré notre rappel, notre facture ${n} du ${d}, échue le ${due}, reste impayée. Nous vous prions de régler le montant ouvert, frais de rappel compris, d'ici la date indiquée ci-dessous.`,
      3: (n, d, due) =>
        `Notre facture ${n} du ${d}, échue le ${due}, reste impayée malgré deux rappels. Ceci est notre dernier rappel : sans paiement d'ici la date indiquée ci-dessous, nous engagerons une poursuite sans autre avis.`,
    },
    invoiceBody: (due) =>
      `Nous vous remercions de votre confiance et nous permettons de vous facturer ce qui suit. Payable jusqu'au ${due}.`,
    labels: {
      number: 'Numéro',
      date: 'Date',
      dueDate: "Payable jusqu'au",
      customerNumber: 'N° client',
      vatNumber: 'N° TVA',
      description: 'Désignation',
      quantity: 'Quantité',
      unitPrice: 'Prix',
      amount: 'Montant',
      subtotal: 'Sous-total',
      vat: (rate) => `TVA ${rate} %`,
      total: 'Total',
      alreadyPaid: 'Déjà payé',
      amountDue: 'Montant à payer',
      openAmountOf: (n) => `Montant ouvert facture ${n}`,
      reminderFee: 'Frais de rappel',
      paid: 'PAYÉ',
      cancelled: 'ANNULÉ',
      draft: 'BROUILLON',
    },
    closing: 'Meilleures salutations',
    producedFrom: (source) => `Document établi par LedgerMail à partir du poste ouvert dans ${source}.`,
  },
  it: {
    fileNamePrefix: { invoice: 'Fattura', reminder: 'Sollecito' },
    reminderBody: {
      1: (n, d, due) =>
        `Probabilmente Le è sfuggito: la nostra fattura ${n} del ${d} è scaduta il ${due}. La preghiamo di versare l'importo aperto nei prossimi giorni. Se ha già effettuato il pagamento, consideri nullo il presente promemoria.`,
      2: (n, d, due) =>
        `Nonostante il nostro promemoria, la fattura ${n} del ${d}, scaduta il ${due}, non è ancora stata saldata. La preghiamo di pagare l'importo aperto, spese di sollecito incluse, entro la data indicata qui sotto.`,
      3: (n, d, due) =>
        `La fattura ${n} del ${d}, scaduta il ${due}, è ancora aperta nonostante due solleciti. Questo è il nostro ultimo sollecito: senza pagamento entro la data indicata qui sotto avvieremo l'esecuzione senza ulteriore preavviso.`,
    },
    invoiceBody: (due) => `La ringraziamo per il Suo ordine e Le fatturiamo quanto segue. Pagabile entro il ${due}.`,
    labels: {
      number: 'Numero',
      date: 'Data',
      dueDate: 'Pagabile entro',
      customerNumber: 'N. cliente',
      vatNumber: 'N. IVA',
      description: 'Descrizione',
      quantity: 'Quantità',
      unitPrice: 'Prezzo',
      amount: 'Importo',
      subtotal: 'Subtotale',
      vat: (rate) => `IVA ${rate} %`,
      total: 'Totale',
      alreadyPaid: 'Già pagato',
      amountDue: 'Importo da pagare',
      openAmountOf: (n) => `Importo aperto fattura ${n}`,
      reminderFee: 'Spese di sollecito',
      paid: 'PAGATO',
      cancelled: 'ANNULLATO',
      draft: 'BOZZA',
    },
    closing: 'Cordiali saluti',
    producedFrom: (source) => `Documento creato da LedgerMail a partire dalla partita aperta in ${source}.`,
  },
  en: {
    fileNamePrefix: { invoice: 'Invoice', reminder: 'Reminder' },
    reminderBody: {
      1: (n, d, due) =>
        `Perhaps it escaped your attention: our invoice ${n} of ${d} was due on ${due}. Please transfer the open amount within the next few days. If you have already paid, please disregard this reminder.`,
      2: (n, d, due) =>
        `Despite our reminder, our invoice ${n} of ${d}, due on ${due}, is still unpaid. Please pay the open amount plus the reminder fee by the date below.`,
      3: (n, d, due) =>
        `Our invoice ${n} of ${d}, due on ${due}, remains unpaid after two reminders. This is our final reminder: unless payment reaches us by the date below, we will start debt collection proceedings without further notice.`,
    },
    invoiceBody: (due) => `Thank you for your order. We are pleased to invoice you as follows. Payable by ${due}.`,
    labels: {
      number: 'Number',
      date: 'Date',
      dueDate: 'Payable by',
      customerNumber: 'Customer no.',
      vatNumber: 'VAT no.',
      description: 'Description',
      quantity: 'Quantity',
      unitPrice: 'Price',
      amount: 'Amount',
      subtotal: 'Subtotal',
      vat: (rate) => `VAT ${rate}%`,
      total: 'Total',
      alreadyPaid: 'Already paid',
      amountDue: 'Amount due',
      openAmountOf: (n) => `Open amount of invoice ${n}`,
      reminderFee: 'Reminder fee',
      paid: 'PAID',
      cancelled: 'CANCELLED',
      draft: 'DRAFT',
    },
    closing: 'Kind regards',
    producedFrom: (source) => `LedgerMail produced this document from the open item in ${source}.`,
  },
};

export function documentFileName(language: Language, kind: DocumentKind, number: string): string {
  return `${WORDING[language].fileNamePrefix[kind]}-${number}.pdf`;
}
