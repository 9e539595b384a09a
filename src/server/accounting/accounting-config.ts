import { isIBANValid, isQRIBAN } from 'swissqrbill/utils';
import { z } from 'zod';
import type { ReminderLevel } from '../../contract/documents.schemas.js';
import type { Creditor } from '../pdf/qr-bill-data.js';
import type { WinbizLogin } from './winbiz/bizinfo-client.js';

/** Days overdue from which a backend without reminders (WinBIZ) derives each level, and the level's fee. */
export type ReminderPolicy = {
  thresholds: Record<ReminderLevel, number>;
  feeCents: Record<ReminderLevel, number>;
  /** Days a derived reminder gives to pay, counted from the day it is produced. */
  termDays: number;
};

export type BexioSettings = {
  kind: 'bexio';
  apiUrl: string;
  /** Personal access token; without one an admin connects the company by OAuth (client id and secret). */
  token: string | undefined;
  oauth: { issuer: string; clientId: string; clientSecret: string; redirectUri: string } | undefined;
};

export type WinbizSettings = WinbizLogin & {
  kind: 'winbiz';
  emailField: string | undefined;
  creditor: Creditor;
  reminderPolicy: ReminderPolicy;
};

export type AccountingSettings = { kind: 'ledger' } | BexioSettings | WinbizSettings;

const optional = z.string().min(1).optional();

export const AccountingEnvSchema = z.object({
  ACCOUNTING: z.enum(['ledger', 'bexio', 'winbiz']).default('ledger'),
  BEXIO_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.bexio.com'),
  BEXIO_TOKEN: optional,
  BEXIO_AUTH_URL: z.url({ protocol: /^https?$/ }).default('https://auth.bexio.com/realms/bexio'),
  BEXIO_CLIENT_ID: optional,
  BEXIO_CLIENT_SECRET: optional,
  /** Where bexio sends the admin back: `https://<bridge>/api/accounting/bexio/callback`, registered with the app. */
  BEXIO_REDIRECT_URI: z.url({ protocol: /^https?$/ }).optional(),
  WINBIZ_API_URL: z.url({ protocol: /^https?$/ }).default('https://api.winbizcloud.ch'),
  WINBIZ_KEY: optional,
  WINBIZ_COMPANY: optional,
  WINBIZ_USERNAME: optional,
  WINBIZ_PASSWORD: optional,
  WINBIZ_FOLDER: optional,
  WINBIZ_YEAR: z
    .string()
    .regex(/^\d{4}$/, 'must be a year like 2026')
    .optional(),
  WINBIZ_PUBLIC_KEY: optional,
  WINBIZ_EMAIL_FIELD: optional,
  CREDITOR_NAME: optional,
  CREDITOR_STREET: optional,
  CREDITOR_BUILDING_NUMBER: z.string().default(''),
  CREDITOR_POSTAL_CODE: optional,
  CREDITOR_TOWN: optional,
  CREDITOR_COUNTRY: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be a two-letter country code like CH')
    .default('CH'),
  CREDITOR_EMAIL: optional,
  CREDITOR_PHONE: optional,
  CREDITOR_VAT_NUMBER: z.string().default(''),
  CREDITOR_IBAN: optional,
  CREDITOR_EUR_IBAN: optional,
  REMINDER_LEVEL_DAYS: z.string().default('10,30,60'),
  REMINDER_FEES: z.string().default('0,20,40'),
  REMINDER_TERM_DAYS: z.coerce.number().int().min(1).max(90).default(10),
});
export type AccountingEnv = z.infer<typeof AccountingEnvSchema>;

/** `10,30,60` → three increasing whole numbers, one per level. */
function threeNumbers(name: string, value: string, problems: string[], rule: (n: number[]) => boolean, hint: string) {
  const numbers = value.split(',').map((part) => Number(part.trim()));
  if (numbers.length !== 3 || numbers.some((n) => !Number.isFinite(n) || n < 0) || !rule(numbers)) {
    problems.push(`${name}: expected ${hint}; got "${value}"`);
    return [0, 0, 0] as const;
  }
  return numbers as unknown as readonly [number, number, number];
}

function toCreditor(env: AccountingEnv, problems: string[]): Creditor {
  const required = [
    'CREDITOR_NAME',
    'CREDITOR_STREET',
    'CREDITOR_POSTAL_CODE',
    'CREDITOR_TOWN',
    'CREDITOR_EMAIL',
    'CREDITOR_IBAN',
  ] as const;
  const missing = required.filter((name) => env[name] === undefined);
  if (missing.length > 0) {
    problems.push(
      `${missing.join(', ')}: WinBIZ gives no PDFs, so LedgerMail prints QR-bills itself and needs the creditor's name, address, e-mail and account`,
    );
  }
  const iban = (name: 'CREDITOR_IBAN' | 'CREDITOR_EUR_IBAN', value: string | undefined) => {
    const compact = value?.replace(/\s+/g, '').toUpperCase();
    if (compact !== undefined && !isIBANValid(compact)) problems.push(`${name}: not a valid IBAN`);
    return compact;
  };
  const chf = iban('CREDITOR_IBAN', env.CREDITOR_IBAN) ?? '';
  const eur = iban('CREDITOR_EUR_IBAN', env.CREDITOR_EUR_IBAN);
  if (eur !== undefined && isQRIBAN(eur))
    problems.push('CREDITOR_EUR_IBAN: a QR-IBAN takes only CHF; give a normal IBAN');
  return {
    name: env.CREDITOR_NAME ?? '',
    address: {
      street: env.CREDITOR_STREET ?? '',
      buildingNumber: env.CREDITOR_BUILDING_NUMBER,
      postalCode: env.CREDITOR_POSTAL_CODE ?? '',
      town: env.CREDITOR_TOWN ?? '',
      country: env.CREDITOR_COUNTRY,
    },
    email: env.CREDITOR_EMAIL ?? '',
    ...(env.CREDITOR_PHONE ? { phone: env.CREDITOR_PHONE } : {}),
    vatNumber: env.CREDITOR_VAT_NUMBER,
    // Without a EUR account, EUR open items are billed to the CHF account only if that is a normal IBAN.
    accounts: { CHF: chf, EUR: eur ?? (isQRIBAN(chf) ? '' : chf) },
  };
}

function toReminderPolicy(env: AccountingEnv, problems: string[]): ReminderPolicy {
  const days = threeNumbers(
    'REMINDER_LEVEL_DAYS',
    env.REMINDER_LEVEL_DAYS,
    problems,
    ([a, b, c]) => a! >= 1 && a! < b! && b! < c!,
    'three increasing days overdue, like 10,30,60',
  );
  const fees = threeNumbers(
    'REMINDER_FEES',
    env.REMINDER_FEES,
    problems,
    () => true,
    'three fees in francs, like 0,20,40',
  );
  return {
    thresholds: { 1: days[0], 2: days[1], 3: days[2] },
    feeCents: { 1: Math.round(fees[0] * 100), 2: Math.round(fees[1] * 100), 3: Math.round(fees[2] * 100) },
    termDays: env.REMINDER_TERM_DAYS,
  };
}

/**
 * Which accounting backend the bridge reads, checked at start-up: a backend chosen without what it needs stops
 * the bridge with every missing setting named. Secrets are never quoted in a problem.
 */
export function toAccountingSettings(
  env: AccountingEnv,
  secretsKeySet: boolean,
  problems: string[],
): AccountingSettings {
  if (env.ACCOUNTING === 'ledger') return { kind: 'ledger' };
  if (env.ACCOUNTING === 'bexio') {
    const oauth =
      env.BEXIO_CLIENT_ID && env.BEXIO_CLIENT_SECRET
        ? {
            issuer: env.BEXIO_AUTH_URL,
            clientId: env.BEXIO_CLIENT_ID,
            clientSecret: env.BEXIO_CLIENT_SECRET,
            redirectUri: env.BEXIO_REDIRECT_URI ?? '',
          }
        : undefined;
    if (oauth && !env.BEXIO_REDIRECT_URI) {
      problems.push(
        'BEXIO_REDIRECT_URI: OAuth needs the callback address registered with the bexio app, https://<bridge>/api/accounting/bexio/callback',
      );
    }
    if ((env.BEXIO_CLIENT_ID === undefined) !== (env.BEXIO_CLIENT_SECRET === undefined)) {
      problems.push('BEXIO_CLIENT_ID and BEXIO_CLIENT_SECRET: set both (OAuth) or neither');
    }
    // With SECRETS_KEY an admin can store the token through the API after start-up; /api/ready says until then.
    if (!env.BEXIO_TOKEN && !oauth && !secretsKeySet) {
      problems.push(
        'BEXIO_TOKEN: ACCOUNTING=bexio needs a personal access token, BEXIO_CLIENT_ID and BEXIO_CLIENT_SECRET for an admin to connect by OAuth, or SECRETS_KEY for an admin to store a token',
      );
    }
    return { kind: 'bexio', apiUrl: env.BEXIO_API_URL, token: env.BEXIO_TOKEN, oauth };
  }
  const required = [
    'WINBIZ_KEY',
    'WINBIZ_COMPANY',
    'WINBIZ_USERNAME',
    'WINBIZ_PASSWORD',
    'WINBIZ_FOLDER',
    'WINBIZ_YEAR',
    'WINBIZ_PUBLIC_KEY',
  ] as const;
  // With SECRETS_KEY an admin can store the password through the API after start-up instead.
  const missing = required.filter((name) => env[name] === undefined && !(name === 'WINBIZ_PASSWORD' && secretsKeySet));
  if (missing.length > 0) problems.push(`${missing.join(', ')}: required with ACCOUNTING=winbiz`);
  const publicKeyPem = (env.WINBIZ_PUBLIC_KEY ?? '').replace(/\\n/g, '\n');
  if (env.WINBIZ_PUBLIC_KEY && !/-----BEGIN (RSA )?PUBLIC KEY-----/.test(publicKeyPem)) {
    problems.push("WINBIZ_PUBLIC_KEY: expected WinBIZ's RSA public key in PEM (-----BEGIN PUBLIC KEY-----)");
  }
  return {
    kind: 'winbiz',
    apiUrl: env.WINBIZ_API_URL,
    key: env.WINBIZ_KEY ?? '',
    companyName: env.WINBIZ_COMPANY ?? '',
    username: env.WINBIZ_USERNAME ?? '',
    password: env.WINBIZ_PASSWORD ?? '',
    companyId: env.WINBIZ_FOLDER ?? '',
    year: env.WINBIZ_YEAR ?? '',
    publicKeyPem,
    emailField: env.WINBIZ_EMAIL_FIELD,
    creditor: toCreditor(env, problems),
    reminderPolicy: toReminderPolicy(env, problems),
  };
}
