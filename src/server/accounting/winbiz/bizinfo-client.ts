import crypto from 'node:crypto';
import type { z } from 'zod';
import { AppError } from '../../../contract/errors.js';
import { createUpstreamClient } from '../remote/upstream-client.js';
import { BizinfoEnvelopeSchema } from './winbiz.schemas.js';

export const WINBIZ_SERVICE = 'WinBIZ Cloud';

/** The login of one WinBIZ Cloud folder and fiscal year, as the admin configures it. */
export type WinbizLogin = {
  apiUrl: string;
  /** The developer key LOGICIAL SA issues to the application (`winbiz-key`). */
  key: string;
  companyName: string;
  username: string;
  password: string;
  /** The folder number (`winbiz-companyid`). */
  companyId: string;
  year: string;
  /** WinBIZ's RSA public key (PEM) that encrypts the password. */
  publicKeyPem: string;
};

export type BizinfoClientOptions = WinbizLogin & {
  timeoutMs?: number;
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
};

export type BizinfoClient = {
  /** Calls one Bizinfo method with positional parameters; the body's own error becomes an AppError. */
  call<T>(method: string, parameters: readonly unknown[], schema: z.ZodType<T>): Promise<T>;
  readonly sent: number;
};

/**
 * WinBIZ's help center ("Headers"): company and user names may carry accents that some HTTP stacks mangle, and
 * the API accepts them base64-encoded without being told. Header values must be ASCII here (fetch refuses
 * more), so a name outside printable ASCII goes as base64 of its UTF-8.
 */
export function headerText(value: string): string {
  return /^[\x20-\x7e]*$/.test(value) ? value : Buffer.from(value, 'utf8').toString('base64');
}

/** The password as WinBIZ requires it: RSA with PKCS#1 v1.5 padding under WinBIZ's public key, base64. */
export function encryptPassword(password: string, publicKeyPem: string): string {
  return crypto
    .publicEncrypt({ key: publicKeyPem, padding: crypto.constants.RSA_PKCS1_PADDING }, Buffer.from(password, 'utf8'))
    .toString('base64');
}

/**
 * The body errors an admin can act on, with the setting to fix. Codes and their meaning: WinBIZ's "Access
 * errors" chapter as the public client Bizy.OuinneBiseSharp transcribes it (193: company, folder or year
 * missing; 314 and 803: a login detail wrong or missing; 335: user not authorised for the application;
 * 670: company not found).
 */
const REFUSALS: Record<number, string> = {
  193: 'some login details are missing (company name, folder or fiscal year): set WINBIZ_COMPANY, WINBIZ_FOLDER and WINBIZ_YEAR',
  314: 'one of the login details is wrong or missing: check WINBIZ_COMPANY, WINBIZ_USERNAME and WINBIZ_PASSWORD',
  803: 'one of the login details is wrong or missing: check WINBIZ_COMPANY, WINBIZ_USERNAME and WINBIZ_PASSWORD',
  335: "the user is not authorised for LedgerMail's application: enable it for WINBIZ_USERNAME in WinBIZ Cloud, or check WINBIZ_KEY",
  670: 'the company cannot be found: check WINBIZ_COMPANY and WINBIZ_FOLDER',
};

export function bizinfoError(code: number, message: string | null | undefined): AppError {
  const refusal = REFUSALS[code];
  if (refusal)
    return new AppError('accounting_refused', `${WINBIZ_SERVICE} refused LedgerMail (error ${code}): ${refusal}.`);
  // WinBIZ's own text is for the log, not for the user.
  return new AppError('accounting_unavailable', `WinBIZ answered error ${code}; try again in a minute.`, {
    cause: message ?? undefined,
  });
}

export function createBizinfoClient(options: BizinfoClientOptions): BizinfoClient {
  // PKCS#1 v1.5 padding is random, so each encryption differs; one per connector is enough and saves the work.
  let encrypted: string | undefined;
  const upstream = createUpstreamClient({
    service: WINBIZ_SERVICE,
    baseUrl: options.apiUrl,
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
    ...(options.sleep ? { sleep: options.sleep } : {}),
    headers: () => {
      encrypted ??= encryptPassword(options.password, options.publicKeyPem);
      return {
        'winbiz-companyname': headerText(options.companyName),
        'winbiz-username': headerText(options.username),
        'winbiz-password': encrypted,
        'winbiz-companyid': options.companyId,
        'winbiz-year': options.year,
        'winbiz-key': options.key,
      };
    },
  });

  return {
    async call(method, parameters, schema) {
      // WinBIZ answers HTTP 200 with the error in the body: the envelope first, then the value.
      const envelope = await upstream.request({
        method: 'POST',
        path: '/Bizinfo',
        json: { Method: method, Parameters: parameters },
        schema: BizinfoEnvelopeSchema,
      });
      const code = envelope.ErrorLast ?? 0;
      if ((envelope.ErrorsCount ?? 0) > 0 || code !== 0) return Promise.reject(bizinfoError(code, envelope.ErrorsMsg));
      const value = schema.safeParse(envelope.Value);
      if (!value.success) {
        throw new AppError(
          'malformed_response',
          `${WINBIZ_SERVICE} answered ${method} in a form LedgerMail does not understand.`,
          {
            cause: value.error,
          },
        );
      }
      return value.data;
    },
    get sent() {
      return upstream.sent;
    },
  };
}
