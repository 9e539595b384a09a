import { z } from 'zod/mini';

/**
 * Stable error codes shared by the bridge and the add-in. The bridge answers every failure with
 * `{ error: { code, message } }`; the add-in shows `message` and branches on `code`, never on text.
 */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'payload_too_large',
  'rate_limited',
  'mode_not_allowed',
  'upstream_unavailable',
  'upstream_rejected',
  'accounting_unavailable',
  'accounting_refused',
  'timeout',
  'bridge_unreachable',
  'malformed_response',
  'office_error',
  'internal',
] as const;

export const ErrorCodeSchema = z.enum(ERROR_CODES);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const ErrorBodySchema = z.object({
  error: z.object({
    code: ErrorCodeSchema,
    message: z.string(),
    details: z.optional(z.array(z.object({ path: z.string(), message: z.string() }))),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

const STATUS_BY_CODE: Record<ErrorCode, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
  mode_not_allowed: 403,
  upstream_unavailable: 502,
  upstream_rejected: 502,
  // The accounting backend (bexio, WinBIZ) is down or slow, or refuses the bridge's credentials or scope.
  accounting_unavailable: 502,
  accounting_refused: 502,
  timeout: 504,
  bridge_unreachable: 503,
  malformed_response: 502,
  office_error: 500,
  internal: 500,
};

export type ErrorDetail = { path: string; message: string };

/**
 * The one error type of LedgerMail: a stable code, a message fit for the user, and an HTTP status. A failed
 * Office.js call is one too (`office_error`), with Office's own code (e.g. 9041), which never leaves the add-in.
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  readonly officeCode: number | string | undefined;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: ErrorDetail[]; cause?: unknown; officeCode?: number | string | undefined } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.status = STATUS_BY_CODE[code];
    this.details = options.details;
    this.officeCode = options.officeCode;
  }

  toJSON(): ErrorBody {
    return {
      error: { code: this.code, message: this.message, ...(this.details ? { details: this.details } : {}) },
    };
  }

  static fromBody(body: ErrorBody): AppError {
    return new AppError(body.error.code, body.error.message, { details: body.error.details });
  }
}

/** Turns zod issues into details that name the offending field, e.g. `limit: must be at most 200`. */
export function issuesToDetails(error: z.core.$ZodError, prefix = ''): ErrorDetail[] {
  return error.issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.') || '(root)',
    message: issue.message,
  }));
}

export function describeDetails(details: ErrorDetail[]): string {
  return details.map((d) => `${d.path}: ${d.message}`).join('; ');
}
