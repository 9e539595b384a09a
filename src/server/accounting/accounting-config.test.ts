import { generateKeyPairSync } from 'node:crypto';
import { ConfigError, loadConfig } from '../config.js';

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

const { publicKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
const PEM = publicKey.export({ type: 'spki', format: 'pem' }).toString();

const WINBIZ = {
  ACCOUNTING: 'winbiz',
  WINBIZ_KEY: 'partner-key',
  WINBIZ_COMPANY: 'Sonnenberg Holzbau AG',
  WINBIZ_USERNAME: 'anna',
  WINBIZ_PASSWORD: 's3cret-Passw0rd',
  WINBIZ_FOLDER: '2',
  WINBIZ_YEAR: '2026',
  WINBIZ_PUBLIC_KEY: PEM.replace(/\n/g, '\\n'),
  CREDITOR_NAME: 'Sonnenberg Holzbau AG',
  CREDITOR_STREET: 'Werkhofstrasse',
  CREDITOR_BUILDING_NUMBER: '7',
  CREDITOR_POSTAL_CODE: '6003',
  CREDITOR_TOWN: 'Luzern',
  CREDITOR_EMAIL: 'buchhaltung@sonnenberg-holzbau.example',
  CREDITOR_IBAN: 'CH44 3199 9123 0008 8901 2',
};

describe('choosing the accounting backend', () => {
  it('runs on the built-in ledger by default', () => {
    expect(loadConfig({}).accounting).toEqual({ kind: 'ledger' });
  });

  it('takes bexio with a personal access token, at the public address unless told otherwise', () => {
    expect(loadConfig({ ACCOUNTING: 'bexio', BEXIO_TOKEN: 'pat' }).accounting).toEqual({
      kind: 'bexio',
      apiUrl: 'https://api.bexio.com',
      token: 'pat',
      oauth: undefined,
    });
    const local = loadConfig({
      ACCOUNTING: 'bexio',
      BEXIO_CLIENT_ID: 'id',
      BEXIO_CLIENT_SECRET: 'sec',
      BEXIO_REDIRECT_URI: 'https://mail.example.ch/api/accounting/bexio/callback',
      BEXIO_API_URL: 'http://127.0.0.1:4010',
    });
    expect(local.accounting).toMatchObject({
      apiUrl: 'http://127.0.0.1:4010',
      token: undefined,
      oauth: {
        issuer: 'https://auth.bexio.com/realms/bexio',
        clientId: 'id',
        clientSecret: 'sec',
        redirectUri: 'https://mail.example.ch/api/accounting/bexio/callback',
      },
    });
  });

  it('refuses bexio without a token or an OAuth client, and half an OAuth client', () => {
    expect(problemsOf({ ACCOUNTING: 'bexio' })).toEqual([
      expect.stringMatching(/^BEXIO_TOKEN: ACCOUNTING=bexio needs/),
    ]);
    expect(problemsOf({ ACCOUNTING: 'bexio', BEXIO_TOKEN: 'pat', BEXIO_CLIENT_ID: 'id' })).toEqual([
      'BEXIO_CLIENT_ID and BEXIO_CLIENT_SECRET: set both (OAuth) or neither',
    ]);
    expect(problemsOf({ ACCOUNTING: 'bexio', BEXIO_CLIENT_ID: 'id', BEXIO_CLIENT_SECRET: 'sec' })).toEqual([
      expect.stringMatching(/^BEXIO_REDIRECT_URI: OAuth needs the callback address/),
    ]);
    // With SECRETS_KEY an admin may store the token after start-up.
    expect(problemsOf({ ACCOUNTING: 'bexio', SECRETS_KEY: Buffer.alloc(32, 7).toString('base64') })).toEqual([]);
    expect(problemsOf({ ACCOUNTING: 'sage' })[0]).toMatch(/^ACCOUNTING:/);
  });

  it('takes WinBIZ with its login, key, folder, year, RSA key and the creditor of its QR-bills', () => {
    const { accounting } = loadConfig(WINBIZ);
    expect(accounting).toMatchObject({
      kind: 'winbiz',
      apiUrl: 'https://api.winbizcloud.ch',
      companyId: '2',
      year: '2026',
      publicKeyPem: PEM,
      creditor: {
        name: 'Sonnenberg Holzbau AG',
        address: { street: 'Werkhofstrasse', buildingNumber: '7', postalCode: '6003', town: 'Luzern', country: 'CH' },
        accounts: { CHF: 'CH4431999123000889012', EUR: '' },
      },
      reminderPolicy: { thresholds: { 1: 10, 2: 30, 3: 60 }, feeCents: { 1: 0, 2: 2000, 3: 4000 }, termDays: 10 },
    });
  });

  it('names every missing WinBIZ setting and never quotes the password', () => {
    const problems = problemsOf({ ACCOUNTING: 'winbiz', WINBIZ_PASSWORD: 's3cret-Passw0rd' });
    expect(problems[0]).toBe(
      'WINBIZ_KEY, WINBIZ_COMPANY, WINBIZ_USERNAME, WINBIZ_FOLDER, WINBIZ_YEAR, WINBIZ_PUBLIC_KEY: required with ACCOUNTING=winbiz',
    );
    expect(problems[1]).toMatch(
      /^CREDITOR_NAME, CREDITOR_STREET, CREDITOR_POSTAL_CODE, CREDITOR_TOWN, CREDITOR_EMAIL, CREDITOR_IBAN:/,
    );
    expect(problems.join('\n')).not.toContain('s3cret');
  });

  it('checks the creditor account, the RSA key and the reminder thresholds', () => {
    expect(problemsOf({ ...WINBIZ, CREDITOR_IBAN: 'CH44 3199 9123 0008 8901 3' })).toEqual([
      'CREDITOR_IBAN: not a valid IBAN',
    ]);
    expect(problemsOf({ ...WINBIZ, CREDITOR_EUR_IBAN: 'CH4431999123000889012' })).toEqual([
      'CREDITOR_EUR_IBAN: a QR-IBAN takes only CHF; give a normal IBAN',
    ]);
    expect(problemsOf({ ...WINBIZ, WINBIZ_PUBLIC_KEY: 'not a key' })[0]).toMatch(/^WINBIZ_PUBLIC_KEY:/);
    expect(problemsOf({ ...WINBIZ, REMINDER_LEVEL_DAYS: '10,10,60' })).toEqual([
      'REMINDER_LEVEL_DAYS: expected three increasing days overdue, like 10,30,60; got "10,10,60"',
    ]);
    expect(problemsOf({ ...WINBIZ, REMINDER_LEVEL_DAYS: '0,30,60' })).toHaveLength(1);
    expect(problemsOf({ ...WINBIZ, REMINDER_LEVEL_DAYS: '1,30,60' })).toEqual([]);
    expect(problemsOf({ ...WINBIZ, REMINDER_FEES: '0,20' })[0]).toMatch(/^REMINDER_FEES:/);
    expect(problemsOf({ ...WINBIZ, WINBIZ_YEAR: '26' })[0]).toMatch(/^WINBIZ_YEAR: must be a year/);
  });
});
