import type { z } from 'zod';
import { AppError } from '../../../contract/errors.js';

/**
 * The one HTTP client of the remote accounting backends (bexio, WinBIZ Cloud). Every call has a timeout, every
 * answer is parsed with zod, and every failure becomes an AppError whose message names the backend and what an
 * admin can do about it; the backend's own body never reaches the user.
 */
export type UpstreamRequest<T> = {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  /** Appended to the base URL: `/2.0/kb_invoice/search`. */
  path: string;
  query?: Record<string, string | number | undefined>;
  /** Sent as `application/json`. */
  json?: unknown;
  headers?: Record<string, string>;
  /** The answer's shape; an answer that does not fit is `malformed_response`. */
  schema: z.ZodType<T>;
  /** A 404 resolves to `undefined` instead of failing (an unknown id is the caller's `not found`). */
  notFound?: 'undefined';
};

export type UpstreamClient = {
  request<T>(request: UpstreamRequest<T> & { notFound: 'undefined' }): Promise<T | undefined>;
  request<T>(request: UpstreamRequest<T>): Promise<T>;
  /** Requests sent so far (attempts, including retries): for the benchmark and the tests' request budgets. */
  readonly sent: number;
};

export type UpstreamOptions = {
  /** Names the backend in every message: `bexio`, `WinBIZ Cloud`. */
  service: string;
  baseUrl: string;
  /** Per attempt. */
  timeoutMs?: number;
  /** For one request, waits for a rate limit included; past it a 429 is `rate_limited`. */
  budgetMs?: number;
  /** Headers of every attempt (a fresh access token, the encrypted password). */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** The admin-facing reason of a 401 or 403 (`the token lacks scope kb_invoice_edit`). */
  describeRefusal?: (status: number, body: unknown) => string;
  /** A 401 may mean an expired access token: when this resolves true, the request is tried once more. */
  onUnauthorized?: () => Promise<boolean>;
  /** Waits between attempts; tests pass a clock that does not really sleep. */
  sleep?: (ms: number) => Promise<void>;
};

export const UPSTREAM_TIMEOUT_MS = 10_000;
export const UPSTREAM_BUDGET_MS = 30_000;
/** A 429 without a usable reset header waits this long before the one retry the budget allows. */
const DEFAULT_RESET_MS = 5_000;

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** `ratelimit-reset` (seconds, the IETF draft bexio follows) or `retry-after` (seconds), in milliseconds. */
export function resetDelayMs(headers: Headers): number | undefined {
  for (const name of ['ratelimit-reset', 'retry-after']) {
    const value = headers.get(name);
    if (value !== null && /^\d+(\.\d+)?$/.test(value.trim())) return Math.ceil(Number(value) * 1000);
  }
  return undefined;
}

function urlOf(baseUrl: string, path: string, query: UpstreamRequest<unknown>['query']): string {
  const url = new URL(baseUrl.replace(/\/+$/, '') + path);
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined) url.searchParams.set(key, String(value));
  }
  return url.toString();
}

/** Reads an unwanted body to its end, so the connection goes back to the pool. */
async function discard(response: Response): Promise<void> {
  await response.arrayBuffer().catch(() => undefined);
}

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

export function createUpstreamClient(options: UpstreamOptions): UpstreamClient {
  const { service } = options;
  const timeoutMs = options.timeoutMs ?? UPSTREAM_TIMEOUT_MS;
  const budgetMs = options.budgetMs ?? UPSTREAM_BUDGET_MS;
  const sleep = options.sleep ?? realSleep;
  let sent = 0;

  async function attempt(request: UpstreamRequest<unknown>): Promise<Response> {
    const headers: Record<string, string> = {
      accept: 'application/json',
      ...(request.json === undefined ? {} : { 'content-type': 'application/json' }),
      ...(await options.headers?.()),
      ...request.headers,
    };
    sent += 1;
    try {
      return await fetch(urlOf(options.baseUrl, request.path, request.query), {
        method: request.method ?? (request.json === undefined ? 'GET' : 'POST'),
        headers,
        ...(request.json === undefined ? {} : { body: JSON.stringify(request.json) }),
        signal: AbortSignal.timeout(timeoutMs),
        redirect: 'error',
      });
    } catch (error) {
      const timedOut = error instanceof DOMException && error.name === 'TimeoutError';
      throw new AppError(
        'accounting_unavailable',
        timedOut
          ? `${service} did not answer within ${Math.round(timeoutMs / 1000)} s; try again in a minute.`
          : `${service} cannot be reached; check its address and this bridge's network.`,
        { cause: error },
      );
    }
  }

  async function request(request: UpstreamRequest<unknown>): Promise<unknown> {
    const started = Date.now();
    let retriedUnauthorized = false;
    for (;;) {
      const response = await attempt(request);
      if (response.status === 429) {
        await discard(response);
        const wait = resetDelayMs(response.headers) ?? DEFAULT_RESET_MS;
        // Waits out the limit when the caller's budget allows it; never asks again before the reset.
        if (Date.now() - started + wait > budgetMs) {
          throw new AppError(
            'rate_limited',
            `${service} asks LedgerMail to slow down for ${Math.ceil(wait / 1000)} s; try again then.`,
          );
        }
        await sleep(wait);
        continue;
      }
      if (response.status === 401 && !retriedUnauthorized && options.onUnauthorized) {
        await discard(response);
        retriedUnauthorized = true;
        if (await options.onUnauthorized()) continue;
        throw new AppError('accounting_refused', `${service} refused LedgerMail's credentials; reconnect it.`);
      }
      if (response.status === 404 && request.notFound === 'undefined') {
        await discard(response);
        return undefined;
      }
      const body = await readBody(response);
      if (response.status === 401 || response.status === 403) {
        const reason = options.describeRefusal?.(response.status, body) ?? `${service} refused LedgerMail's access`;
        throw new AppError('accounting_refused', `${reason}.`);
      }
      if (response.status >= 500) {
        throw new AppError(
          'accounting_unavailable',
          `${service} has a problem of its own (HTTP ${response.status}); try again in a minute.`,
        );
      }
      if (!response.ok) {
        throw new AppError(
          'accounting_refused',
          `${service} refused LedgerMail's request (HTTP ${response.status}); LedgerMail's log has the details.`,
          { cause: body },
        );
      }
      const parsed = request.schema.safeParse(body);
      if (!parsed.success) {
        throw new AppError('malformed_response', `${service} answered in a form LedgerMail does not understand.`, {
          cause: parsed.error,
        });
      }
      return parsed.data;
    }
  }

  return {
    request: request as UpstreamClient['request'],
    get sent() {
      return sent;
    },
  };
}
