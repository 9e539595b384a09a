import type { z } from 'zod';
import { AppError, ErrorBodySchema } from '../contract/errors';
import { HealthSchema, type Health } from '../contract/health.schemas';

export type BridgeClientOptions = {
  /** Origin (and optional path prefix) of the bridge; the add-in's own origin by default. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
};

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Typed client of the bridge API. Every response is parsed with its contract schema; every failure
 * becomes an AppError with a stable code and a message the pane can show as it is.
 */
export function createBridgeClient(options: BridgeClientOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    let response: Response;
    try {
      response = await doFetch(`${baseUrl}${path}`, { ...init, signal: init.signal ?? AbortSignal.timeout(timeoutMs) });
    } catch (error) {
      if (error instanceof DOMException && (error.name === 'TimeoutError' || error.name === 'AbortError')) {
        throw new AppError('timeout', 'The LedgerMail bridge did not answer in time.', { cause: error });
      }
      throw new AppError('bridge_unreachable', 'The LedgerMail bridge cannot be reached.', { cause: error });
    }
    if (!response.ok) throw await toAppError(response);
    return response;
  }

  async function requestJson<S extends z.ZodType>(schema: S, path: string, init?: RequestInit): Promise<z.infer<S>> {
    const response = await request(path, init);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new AppError('malformed_response', 'The LedgerMail bridge sent an unreadable answer.', { cause: error });
    }
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new AppError('malformed_response', 'The LedgerMail bridge sent an unexpected answer.', {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  return {
    request,
    requestJson,
    getHealth: (): Promise<Health> => requestJson(HealthSchema, '/api/health'),
  };
}

export type BridgeClient = ReturnType<typeof createBridgeClient>;

async function toAppError(response: Response): Promise<AppError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) return AppError.fromBody(parsed.data);
  if (response.status >= 500) {
    return new AppError('bridge_unreachable', `The LedgerMail bridge is not available (HTTP ${response.status}).`);
  }
  return new AppError('malformed_response', `The LedgerMail bridge answered HTTP ${response.status} without details.`);
}
