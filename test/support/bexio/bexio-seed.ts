import { paymentReferenceFor } from '../../../src/server/accounting/ledger/references.js';
import { daysBetween } from '../../../src/server/accounting/ledger/dates.js';
import {
  FIXTURE_COMPANY,
  FIXTURE_CUSTOMERS,
  FIXTURE_INVOICES,
  FIXTURE_TODAY,
  type FixtureInvoice,
} from '../accounting-fixture.js';
import { tinyPdf } from './bexio-pdf.js';

/**
 * The contract fixture in bexio's own terms, field for field as bexio's API answers (recorded answers of
 * GET /2.0/contact/{id}, /2.0/kb_invoice/{id}, /2.0/kb_invoice/{id}/kb_reminder/{id}, /2.0/company_profile,
 * /3.0/currencies in codebar-ag/laravel-bexio's test fixtures): ids as numbers, amounts as decimal strings with
 * six places (four for `total_remaining_payments`), dates as YYYY-MM-DD.
 */
export type BexioRecord = Record<string, unknown> & { id: number };

export type BexioState = {
  contacts: BexioRecord[];
  /** Invoices with their positions; lists and searches answer them without. */
  invoices: BexioRecord[];
  reminders: BexioRecord[];
  currencies: BexioRecord[];
  languages: BexioRecord[];
  countries: BexioRecord[];
  companyProfile: BexioRecord;
  /** The PDF each document renders to, by LedgerMail id (`inv-3`, `rem-1-2`). */
  pdfs: Map<string, Buffer>;
  /** Access tokens bexio accepts, each with its scopes. */
  tokens: Map<string, Set<string>>;
  /** `mark_as_sent` calls in order, by LedgerMail id. */
  markedAsSent: string[];
};

export const STAND_IN_TOKEN = 'pat-ledgermail-stand-in';
export const ALL_SCOPES = ['kb_invoice_show', 'kb_invoice_edit', 'contact_show'];

// bexio's ids of its default languages, currencies and countries (currencies as the recorded answer lists them).
const LANGUAGE_IDS = { de: 1, fr: 2, it: 3, en: 4 } as const;
const CURRENCY_IDS = { CHF: 1, EUR: 2 } as const;

const decimal = (cents: number, places = 6) => (cents / 100).toFixed(places);

function positionsOf(invoice: FixtureInvoice) {
  return invoice.lines.map((line, index) => ({
    id: index + 1,
    type: 'KbPositionCustom',
    amount: line.quantity.toFixed(6),
    unit_id: 1,
    account_id: 190,
    unit_name: 'Stk',
    tax_id: 28,
    tax_value: line.vatRate.toFixed(2),
    text: line.description,
    unit_price: decimal(line.unitPriceCents),
    discount_in_percent: null,
    position_total: decimal(Math.round(line.quantity * line.unitPriceCents)),
    pos: String(index + 1),
    internal_pos: index + 1,
    is_optional: false,
  }));
}

/** bexio's status of a fixture invoice on the fixture's day: issued and past due is "unpaid" (31). */
function statusOf(invoice: FixtureInvoice, today: string): number {
  if (invoice.state === 'draft') return 7;
  if (invoice.state === 'paid') return 9;
  if (invoice.state === 'cancelled') return 19;
  if (invoice.paidCents > 0) return 16;
  return invoice.dueDate < today ? 31 : 8;
}

export function seedBexioState(today: string = FIXTURE_TODAY): BexioState {
  const contacts = FIXTURE_CUSTOMERS.map((customer, index) => ({
    id: index + 1,
    nr: customer.number,
    contact_type_id: 1,
    name_1: customer.name,
    name_2: null,
    salutation_id: null,
    salutation_form: null,
    title_id: null,
    birthday: null,
    // The legacy one-line address next to its parts, as bexio answers since it split them.
    address: `${customer.address.street} ${customer.address.buildingNumber}`,
    street_name: customer.address.street,
    house_number: customer.address.buildingNumber,
    address_addition: null,
    postcode: customer.address.postalCode,
    city: customer.address.town,
    country_id: 1,
    mail: customer.emails[0] ?? null,
    mail_second: customer.emails[1] ?? null,
    phone_fixed: null,
    phone_fixed_second: null,
    phone_mobile: null,
    fax: null,
    url: null,
    skype_name: null,
    remarks: '',
    language_id: LANGUAGE_IDS[customer.language],
    is_lead: false,
    contact_group_ids: null,
    contact_branch_ids: null,
    user_id: 1,
    owner_id: 1,
    updated_at: '2026-01-05 09:12:44',
  }));
  const contactIdOf = (key: string) => FIXTURE_CUSTOMERS.findIndex((c) => c.key === key) + 1;
  const pdfs = new Map<string, Buffer>();
  const reminders: BexioRecord[] = [];
  const invoices = FIXTURE_INVOICES.map((invoice, index) => {
    const id = index + 1;
    const customer = FIXTURE_CUSTOMERS.find((c) => c.key === invoice.customerKey)!;
    const netCents = invoice.lines.reduce((sum, l) => sum + Math.round(l.quantity * l.unitPriceCents), 0);
    const remainingCents = invoice.totalCents - invoice.paidCents;
    pdfs.set(`inv-${id}`, tinyPdf([FIXTURE_COMPANY.name, `Rechnung ${invoice.number}`, customer.name]));
    for (const reminder of invoice.reminders) {
      const reminderId = reminders.length + 1;
      reminders.push({
        id: reminderId,
        kb_invoice_id: id,
        title: reminder.level === 1 ? 'Zahlungserinnerung' : `${reminder.level - 1}. Mahnung`,
        is_valid_from: reminder.issueDate,
        is_valid_to: reminder.dueDate,
        reminder_period_in_days: daysBetween(reminder.issueDate, reminder.dueDate),
        reminder_level: reminder.level,
        show_positions: false,
        // What the reminder asks for: the open amount then, and its fee (bexio's answer has no fee of its own).
        remaining_price: decimal(remainingCents + reminder.feeCents),
        received_total: decimal(invoice.paidCents),
        is_sent: false,
        header: 'Guten Tag<br/><br/>Für diese Rechnung ist bis heute keine Zahlung von Ihnen bei uns eingetroffen.',
        footer: 'Freundliche Grüsse',
      });
      pdfs.set(`rem-${id}-${reminderId}`, tinyPdf([FIXTURE_COMPANY.name, `Mahnung ${reminder.number}`, customer.name]));
    }
    return {
      id,
      document_nr: invoice.number,
      title: invoice.lines[0]?.description ?? null,
      contact_id: contactIdOf(invoice.customerKey),
      contact_sub_id: null,
      user_id: 1,
      project_id: null,
      logopaper_id: 1,
      language_id: LANGUAGE_IDS[customer.language],
      bank_account_id: 1,
      currency_id: CURRENCY_IDS[invoice.currency],
      payment_type_id: 4,
      header: '',
      footer: '',
      total_gross: decimal(netCents),
      total_net: decimal(netCents),
      total_taxes: ((invoice.totalCents - netCents) / 100).toFixed(4),
      total_received_payments: decimal(invoice.paidCents),
      total_credit_vouchers: '0.000000',
      total_remaining_payments: decimal(remainingCents, 4),
      total: decimal(invoice.totalCents),
      total_rounding_difference: 0,
      mwst_type: 0,
      mwst_is_net: true,
      show_position_taxes: false,
      is_valid_from: invoice.issueDate,
      is_valid_to: invoice.dueDate,
      contact_address: `${customer.name}\n${customer.address.street} ${customer.address.buildingNumber}\n${customer.address.postalCode} ${customer.address.town}`,
      kb_item_status_id: statusOf(invoice, today),
      // The QR reference printed on bexio's QR-bill, kept in `reference` (bexio's answer has no field of its own).
      reference: paymentReferenceFor(invoice.currency, id),
      api_reference: null,
      viewed_by_client_at: null,
      updated_at: `${invoice.issueDate} 10:00:00`,
      esr_id: 1,
      qr_invoice_id: 1,
      template_slug: '5a0c1c6e4ea1f4a4a4a4a4a4',
      taxs: [{ percentage: '8.10', value: ((invoice.totalCents - netCents) / 100).toFixed(4) }],
      positions: positionsOf(invoice),
      network_link: '',
    };
  });
  const company = FIXTURE_COMPANY;
  return {
    contacts,
    invoices,
    reminders,
    currencies: [
      { id: 1, name: 'CHF', round_factor: 0.05 },
      { id: 2, name: 'EUR', round_factor: 0.01 },
      { id: 3, name: 'USD', round_factor: 0.01 },
    ],
    languages: [
      {
        id: 1,
        name: 'Deutsch',
        decimal_point: '.',
        thousands_separator: "'",
        date_format_id: 1,
        date_format: 'd.m.Y',
        iso_639_1: 'de',
      },
      {
        id: 2,
        name: 'Français',
        decimal_point: '.',
        thousands_separator: "'",
        date_format_id: 1,
        date_format: 'd.m.Y',
        iso_639_1: 'fr',
      },
      {
        id: 3,
        name: 'Italiano',
        decimal_point: '.',
        thousands_separator: "'",
        date_format_id: 1,
        date_format: 'd.m.Y',
        iso_639_1: 'it',
      },
      {
        id: 4,
        name: 'English',
        decimal_point: '.',
        thousands_separator: ',',
        date_format_id: 1,
        date_format: 'd.m.Y',
        iso_639_1: 'en',
      },
    ],
    countries: [
      { id: 1, name: 'Schweiz', name_short: 'CH', iso3166_alpha2: 'CH' },
      { id: 2, name: 'Deutschland', name_short: 'D', iso3166_alpha2: 'DE' },
    ],
    companyProfile: {
      id: 1,
      name: company.name,
      address: `${company.address.street} ${company.address.buildingNumber}`,
      address_nr: null,
      postcode: company.address.postalCode,
      city: company.address.town,
      country_id: 1,
      legal_form: 'corporation',
      country_name: 'Schweiz',
      mail: company.email,
      phone_fixed: company.phone ?? null,
      phone_mobile: null,
      fax: null,
      url: null,
      mwst_nr: company.vatNumber,
      has_own_logo: false,
      is_public_profile: false,
    },
    pdfs,
    tokens: new Map([[STAND_IN_TOKEN, new Set(ALL_SCOPES)]]),
    markedAsSent: [],
  };
}
