import crypto from 'node:crypto';
import { DocumentQuerySchema } from '../../../contract/documents-query.schemas.js';
import type { AppError } from '../../../contract/errors.js';
import { setupWinbiz } from '../../../../test/support/winbiz/winbiz-harness.js';
import { headerText } from './bizinfo-client.js';

const { standIn, connector } = setupWinbiz();
const invoices = DocumentQuerySchema.parse({ kind: 'invoice' });

/** A public key whose private half WinBIZ does not have. */
const otherPublicKey = () =>
  crypto
    .generateKeyPairSync('rsa', { modulusLength: 1024 })
    .publicKey.export({ type: 'spki', format: 'pem' })
    .toString();

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('should have failed');
    },
    (error: unknown) => error as AppError,
  );

describe('WinBIZ Cloud login', () => {
  it('sends the password RSA-encrypted with PKCS#1 v1.5, which WinBIZ decrypts with its private key', async () => {
    const stand = standIn();
    await connector(stand).listDocuments(invoices);
    const header = stand.requests[0]!.headers['winbiz-password']!;
    // One 1024-bit RSA block, base64: 128 bytes, never the password itself.
    expect(Buffer.from(header, 'base64')).toHaveLength(128);
    expect(header).not.toContain(stand.login.password);
    expect(stand.decryptPassword(header)).toBe(stand.login.password);
    // The padding is random: another connector sends another block that decrypts alike.
    await connector(stand).listDocuments(invoices);
    const other = stand.requests.at(-1)!.headers['winbiz-password']!;
    expect(other).not.toBe(header);
    expect(stand.decryptPassword(other)).toBe(stand.login.password);
  });

  it('sends every header WinBIZ requires, plain where the names are ASCII', async () => {
    const stand = standIn();
    await connector(stand).ping();
    expect(stand.requests[0]).toMatchObject({
      method: 'Addresses',
      headers: {
        'winbiz-companyname': 'Sonnenberg Holzbau AG',
        'winbiz-username': 'anna.meier',
        'winbiz-companyid': '3',
        'winbiz-year': '2026',
        'winbiz-key': 'ledgermail-dev-key',
        'content-type': 'application/json',
      },
    });
  });

  it('sends accented company and user names as base64 of their UTF-8, and WinBIZ accepts them', async () => {
    const stand = standIn({ companyName: 'Menuiserie Lévêque Sàrl', username: 'rené.müller' });
    const page = await connector(stand).listDocuments(invoices);
    expect(page.items.length).toBeGreaterThan(0);
    const { headers } = stand.requests[0]!;
    expect(headers['winbiz-companyname']).toBe(Buffer.from('Menuiserie Lévêque Sàrl', 'utf8').toString('base64'));
    expect(Buffer.from(headers['winbiz-username']!, 'base64').toString('utf8')).toBe('rené.müller');
    expect(headerText('Sonnenberg Holzbau AG')).toBe('Sonnenberg Holzbau AG');
  });

  it.each([
    ['a wrong password', { password: 'wrong' }, 314, 'WINBIZ_PASSWORD'],
    ['a wrong user', { username: 'someone.else' }, 314, 'WINBIZ_USERNAME'],
    ['a public key that is not WinBIZ’s', 'otherKey', 314, 'WINBIZ_PASSWORD'],
    ['a key the user may not use', { key: 'another-app' }, 335, 'WINBIZ_KEY'],
    ['a folder that does not exist', { companyId: '99' }, 670, 'WINBIZ_FOLDER'],
    ['no fiscal year', { year: '' }, 193, 'WINBIZ_YEAR'],
  ] as const)(
    'refuses %s with WinBIZ’s error in the body, naming the setting',
    async (_case, change, code, setting) => {
      const stand = standIn();
      const changed = change === 'otherKey' ? { publicKeyPem: otherPublicKey() } : change;
      const error = await failure(connector(stand, changed).listDocuments(invoices));
      expect(error).toMatchObject({ code: 'accounting_refused', status: 502 });
      expect(error.message).toContain(`error ${code}`);
      expect(error.message).toContain(setting);
    },
  );

  it.each([
    [193, 'WINBIZ_COMPANY'],
    [314, 'WINBIZ_USERNAME'],
    [803, 'WINBIZ_PASSWORD'],
    [335, 'WINBIZ_USERNAME'],
    [670, 'WINBIZ_COMPANY'],
  ])('turns body error %i into a refusal an admin can act on (%s)', async (code, setting) => {
    const stand = standIn();
    stand.faults.bodyError = { code, message: 'Texte interne de WinBIZ' };
    const error = await failure(connector(stand).ping());
    expect(error).toMatchObject({ code: 'accounting_refused' });
    expect(error.message).toContain(setting);
    expect(error.message).not.toContain('Texte interne');
  });

  it('turns any other body error into "WinBIZ answered error N", without WinBIZ’s own text', async () => {
    const stand = standIn();
    stand.faults.bodyError = { code: 250, message: 'Erreur interne 250 dans dbf' };
    const error = await failure(connector(stand).listDocuments(invoices));
    expect(error).toMatchObject({ code: 'accounting_unavailable' });
    expect(error.message).toContain('WinBIZ answered error 250');
    expect(error.message).not.toContain('dbf');
  });

  it('says WinBIZ is unavailable on a 5xx and when it cannot be reached', async () => {
    const stand = standIn();
    stand.faults.httpStatus = 503;
    expect(await failure(connector(stand).listDocuments(invoices))).toMatchObject({
      code: 'accounting_unavailable',
      message: expect.stringContaining('HTTP 503'),
    });
    stand.faults.httpStatus = undefined;
    stand.faults.networkError = true;
    expect(await failure(connector(stand).listDocuments(invoices))).toMatchObject({
      code: 'accounting_unavailable',
      message: expect.stringContaining('cannot be reached'),
    });
  });

  it('calls an answer that is not JSON, or not WinBIZ’s envelope, malformed', async () => {
    const stand = standIn();
    stand.faults.malformedJson = true;
    expect(await failure(connector(stand).listDocuments(invoices))).toMatchObject({ code: 'malformed_response' });
    stand.faults.malformedJson = false;
    stand.faults.wrongShape = true;
    expect(await failure(connector(stand).listDocuments(invoices))).toMatchObject({ code: 'malformed_response' });
  });

  it('calls a value that is not the documented class malformed, naming the method', async () => {
    const stand = standIn();
    stand.state.addresses[0]!.Id = 'one' as unknown as number;
    const error = await failure(connector(stand).findCustomersByEmail(['x@y.example']));
    expect(error).toMatchObject({ code: 'malformed_response' });
    expect(error.message).toContain('Addresses');
  });

  it('gives up on a WinBIZ that does not answer within the timeout', async () => {
    const stand = standIn();
    stand.faults.delayMs = 300;
    const error = await failure(connector(stand, { timeoutMs: 50 }).listDocuments(invoices));
    expect(error).toMatchObject({ code: 'accounting_unavailable', message: expect.stringContaining('did not answer') });
    // The stand-in's answer is still on its way: let it finish, so no timer outlives the test file.
    await new Promise((resolve) => setTimeout(resolve, 300));
  });

  it('pings with one small call that proves the login, folder and year', async () => {
    const stand = standIn();
    const winbiz = connector(stand);
    await winbiz.ping();
    expect(stand.requests.map((r) => r.method)).toEqual(['Addresses']);
    // Changed since today (20.11.2026): nothing in the fixture, so the answer stays small.
    expect(stand.requests[0]!.parameters).toEqual(['20.11.2026', 0]);
    expect(winbiz.requests).toBe(1);
    await expect(connector(stand, { companyId: '4' }).ping()).rejects.toMatchObject({ code: 'accounting_refused' });
  });
});
