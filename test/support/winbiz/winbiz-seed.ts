import type { Currency } from '../../../src/contract/documents.schemas.js';
import { FIXTURE_CUSTOMERS, FIXTURE_INVOICES, type FixtureCustomer } from '../accounting-fixture.js';

/**
 * The contract fixture told in WinBIZ's terms: rows of `Addresses` (detail level 1), debtor invoices (document
 * type 20) with their amounts in local currency and, for EUR, in the foreign currency beside it, and payments
 * from which the open items (`AddressPendingPayments`) follow. Field names as in winbiz.schemas.ts.
 */
export type StandInAddress = {
  Id: number;
  Code: string;
  SimpleName: string;
  Company: string;
  CivilTitle: string;
  LastName: string;
  FirstName: string;
  Street1: string;
  Street2: string;
  ZipCode: string;
  City: string;
  Country: string;
  /** WinBIZ's language letter: D, F, I, E. */
  Language: string;
  Email: string;
  /** Miscellaneous fields (`ad_utilis1` …) that `cAdditionalFields` can ask for. */
  extra: Record<string, string>;
  /** When the address was last changed, for `dDateSince`. */
  modifiedOn: string;
};

export type StandInDocument = {
  DocumentId: number;
  DocumentType: number;
  DocumentNumber: string;
  DocumentDate: string;
  DueDate: string;
  AddressId: number;
  currency: Currency;
  /** In the document's currency. */
  totalCents: number;
  paidCents: number;
  IsDraft: boolean;
  IsCancelled: boolean;
};

export type StandInState = { addresses: StandInAddress[]; documents: StandInDocument[] };

/** CHF per EUR for the local amounts of a EUR invoice: any rate does, the connector bills in EUR. */
export const EUR_RATE = 0.93;
export const FIRST_ADDRESS_ID = 101;
export const FIRST_DOCUMENT_ID = 5001;

const LANGUAGE_LETTER = { de: 'D', fr: 'F', it: 'I', en: 'E' } as const;

export function standInAddress(customer: FixtureCustomer, id: number): StandInAddress {
  const { address } = customer;
  return {
    Id: id,
    Code: customer.number,
    SimpleName: customer.name.toUpperCase(),
    Company: customer.name,
    CivilTitle: '',
    LastName: '',
    FirstName: '',
    // WinBIZ keeps one street line; the connector splits the building number off again.
    Street1: `${address.street} ${address.buildingNumber}`.trim(),
    Street2: '',
    ZipCode: address.postalCode,
    City: address.town,
    Country: address.country,
    Language: LANGUAGE_LETTER[customer.language],
    Email: customer.emails.join('; '),
    extra: {},
    modifiedOn: '2026-01-15',
  };
}

export function seedFromFixture(): StandInState {
  const addresses = FIXTURE_CUSTOMERS.map((c, index) => standInAddress(c, FIRST_ADDRESS_ID + index));
  const addressOf = new Map(FIXTURE_CUSTOMERS.map((c, index) => [c.key, FIRST_ADDRESS_ID + index]));
  const documents = FIXTURE_INVOICES.map((invoice, index): StandInDocument => ({
    DocumentId: FIRST_DOCUMENT_ID + index,
    DocumentType: 20,
    DocumentNumber: invoice.number,
    DocumentDate: invoice.issueDate,
    DueDate: invoice.dueDate,
    AddressId: addressOf.get(invoice.customerKey)!,
    currency: invoice.currency,
    totalCents: invoice.totalCents,
    // A paid invoice is settled in full; a cancelled one or a draft has no open item at all.
    paidCents: invoice.state === 'paid' ? invoice.totalCents : invoice.paidCents,
    IsDraft: invoice.state === 'draft',
    IsCancelled: invoice.state === 'cancelled',
  }));
  return { addresses, documents };
}
