import type { Address, Customer } from '../../../contract/documents.schemas.js';
import type { Language } from '../../../contract/locale.js';
import type { WinbizAddress } from './winbiz.schemas.js';

/** Where the e-mail sits in an Addresses row unless the admin says otherwise (WINBIZ_EMAIL_FIELD); assumed. */
export const DEFAULT_EMAIL_FIELD = 'Email';

/** The bridge's id of a WinBIZ address (`ad_numero`): `cus-1042`. */
export const customerIdOf = (addressId: number) => `cus-${addressId}`;

/**
 * WinBIZ keeps a street line (`Street1`: "Seestrasse 41", "12, rue de Genève"); QR-bill 2.3 wants street and
 * building number apart. A trailing or leading house number (with a letter or a range, 12a, 3-5) is split off;
 * a line without one keeps an empty building number, which the QR-bill allows.
 */
export function splitStreet(line: string): Pick<Address, 'street' | 'buildingNumber'> {
  const trimmed = line.trim();
  const trailing = /^(.*\S)\s+(\d+\s?[a-zA-Z]?(?:[-/]\d+[a-zA-Z]?)?)$/.exec(trimmed);
  if (trailing) return { street: trailing[1]!, buildingNumber: trailing[2]!.replace(/\s/g, '') };
  const leading = /^(\d+\s?[a-zA-Z]?),?\s+(\S.*)$/.exec(trimmed);
  if (leading) return { street: leading[2]!, buildingNumber: leading[1]!.replace(/\s/g, '') };
  return { street: trimmed, buildingNumber: '' };
}

/** WinBIZ's language of an address, by its first letter in any of the four languages' names (D/DE, F, I, E). */
export function languageOf(value: string): Language {
  const first = value.trim().toLowerCase()[0];
  if (first === 'f') return 'fr';
  if (first === 'i') return 'it';
  if (first === 'e') return 'en';
  // German is WinBIZ's default language of an address, and an empty field means it.
  return 'de';
}

/** One field may hold several addresses ("a@x.ch; b@y.ch"); blanks and duplicates (any case) are dropped. */
export function emailsIn(value: unknown): string[] {
  if (typeof value !== 'string') return [];
  const seen = new Set<string>();
  return value
    .split(/[;,\s]+/)
    .map((e) => e.trim())
    .filter((e) => e.includes('@') && !seen.has(e.toLowerCase()) && seen.add(e.toLowerCase()));
}

export function toCustomer(row: WinbizAddress, emailField: string): Customer {
  const emails = emailsIn(row[emailField]);
  const person = `${row.FirstName} ${row.LastName}`.trim();
  const code = row.Code === null || row.Code === undefined ? '' : String(row.Code).trim();
  const country = row.Country.toUpperCase();
  return {
    id: customerIdOf(row.Id),
    ...(code ? { number: code } : {}),
    name: row.Company || person || row.SimpleName,
    email: emails[0] ?? null,
    language: languageOf(row.Language),
    emails,
    address: {
      ...splitStreet(row.Street1),
      postalCode: row.ZipCode === null || row.ZipCode === undefined ? '' : String(row.ZipCode).trim(),
      town: row.City,
      // A folder of Swiss businesses: an address without a (two-letter) country is in Switzerland.
      country: /^[A-Z]{2}$/.test(country) ? country : 'CH',
    },
  };
}
