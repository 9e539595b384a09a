import { FIXTURE_COMPANY, FIXTURE_REMINDER_POLICY } from '../accounting-fixture.js';
import type { WinbizStandIn } from './winbiz-stand-in.js';

/**
 * The environment of a bridge on the WinBIZ stand-in at `url`, as an admin would set it for a real WinBIZ Cloud:
 * the login, the partner key, folder and year, WinBIZ's public key, and the creditor of LedgerMail's QR-bills.
 */
export function winbizBridgeEnv(standIn: WinbizStandIn, url: string): Record<string, string> {
  const { login } = standIn;
  const creditor = FIXTURE_COMPANY;
  const { thresholds, feeCents } = FIXTURE_REMINDER_POLICY;
  return {
    ACCOUNTING: 'winbiz',
    WINBIZ_API_URL: url,
    WINBIZ_KEY: login.key,
    WINBIZ_COMPANY: login.companyName,
    WINBIZ_USERNAME: login.username,
    WINBIZ_PASSWORD: login.password,
    WINBIZ_FOLDER: login.companyId,
    WINBIZ_YEAR: login.year,
    // One line, as an environment variable holds it.
    WINBIZ_PUBLIC_KEY: login.publicKeyPem.trim().replace(/\n/g, '\\n'),
    CREDITOR_NAME: creditor.name,
    CREDITOR_STREET: creditor.address.street,
    CREDITOR_BUILDING_NUMBER: creditor.address.buildingNumber,
    CREDITOR_POSTAL_CODE: creditor.address.postalCode,
    CREDITOR_TOWN: creditor.address.town,
    CREDITOR_EMAIL: creditor.email,
    ...(creditor.phone ? { CREDITOR_PHONE: creditor.phone } : {}),
    CREDITOR_VAT_NUMBER: creditor.vatNumber,
    CREDITOR_IBAN: creditor.accounts.CHF,
    CREDITOR_EUR_IBAN: creditor.accounts.EUR,
    REMINDER_LEVEL_DAYS: [thresholds[1], thresholds[2], thresholds[3]].join(','),
    REMINDER_FEES: [feeCents[1], feeCents[2], feeCents[3]].map((c) => c / 100).join(','),
  };
}
