import type { Customer } from '../../../contract/documents.schemas.js';
import type { BizinfoClient } from './bizinfo-client.js';
import { toCustomer } from './winbiz-customers.js';
import { joinInvoices, type WinbizInvoice } from './winbiz-documents.js';
import {
  WINBIZ_DEBTOR_INVOICE,
  WINBIZ_DEBTOR_STARTING_BALANCE,
  WINBIZ_DOCUMENTS_PAGE,
  WinbizAddressOpenCountSchema,
  WinbizAddressSchema,
  WinbizDocumentSchema,
  WinbizOpenItemSchema,
  listOf,
  type WinbizDocument,
} from './winbiz.schemas.js';

/** What one listing needs from WinBIZ: the customers by id and the debtor invoices by WinBIZ document id. */
export type WinbizSnapshot = { customers: Map<string, Customer>; invoices: Map<number, WinbizInvoice> };

/**
 * The delay limit (days past due) that asks the pending-payment methods for every open item. ASSUMED: the help
 * center says they return open documents "with a delay up to this limit"; not yet due items (a delay below
 * zero) are taken to be inside it, as the stand-in answers.
 */
export const ALL_OPEN_ITEMS_DAYS = 99_999;
/** Open-item calls at once: one per address with open items, without flooding WinBIZ. */
const PARALLEL_CALLS = 4;
/** A guard against a Documents answer that never shrinks: 100 pages are 10,000 invoices in one year. */
const MAX_DOCUMENT_PAGES = 100;

async function allDocuments(client: BizinfoClient): Promise<WinbizDocument[]> {
  const rows: WinbizDocument[] = [];
  let lastId = 0;
  for (let page = 0; page < MAX_DOCUMENT_PAGES; page += 1) {
    // Parameters: nLastItemId, nDocumentType (help center, "Documents").
    const batch = await client.call('Documents', [lastId, WINBIZ_DEBTOR_INVOICE], listOf(WinbizDocumentSchema));
    const fresh = batch.filter((row) => row.DocumentId > lastId);
    rows.push(...fresh);
    // Fewer than 100 means everything was returned; a page with nothing new ends it too (no endless loop).
    if (batch.length < WINBIZ_DOCUMENTS_PAGE || fresh.length === 0) break;
    lastId = Math.max(...fresh.map((row) => row.DocumentId));
  }
  return rows;
}

async function inBatches<T, R>(items: readonly T[], size: number, run: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) {
    results.push(...(await Promise.all(items.slice(start, start + size).map(run))));
  }
  return results;
}

/**
 * Requests per snapshot: Addresses, Documents (one per 100 invoices), AddressesPendingPayments, and
 * AddressPendingPayments for each address that has open items, no more.
 */
export async function loadWinbizSnapshot(client: BizinfoClient, emailField: string): Promise<WinbizSnapshot> {
  // Parameters: dDateSince (empty: all), nDetailLevel 1 (street, town, country), cAdditionalFields.
  const addressParameters = emailField.startsWith('ad_') ? ['', 1, emailField] : ['', 1];
  const [addresses, documents, counts] = await Promise.all([
    client.call('Addresses', addressParameters, listOf(WinbizAddressSchema)),
    allDocuments(client),
    client.call('AddressesPendingPayments', [ALL_OPEN_ITEMS_DAYS], listOf(WinbizAddressOpenCountSchema)),
  ]);
  const debtorTypes = new Set([WINBIZ_DEBTOR_INVOICE, WINBIZ_DEBTOR_STARTING_BALANCE]);
  const withOpenItems = [
    ...new Set(counts.filter((c) => c.OpenDocuments > 0 && debtorTypes.has(c.DocumentType)).map((c) => c.AddressId)),
  ];
  const openItems = (
    await inBatches(withOpenItems, PARALLEL_CALLS, (addressId) =>
      client.call('AddressPendingPayments', [addressId, ALL_OPEN_ITEMS_DAYS], listOf(WinbizOpenItemSchema)),
    )
  ).flat();
  const customers = new Map(addresses.map((row) => toCustomer(row, emailField)).map((c) => [c.id, c]));
  const invoices = new Map(joinInvoices(documents, openItems).map((invoice) => [invoice.documentId, invoice]));
  return { customers, invoices };
}
