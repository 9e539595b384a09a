import { z } from 'zod/mini';
import { AppError, ErrorBodySchema } from '../contract/errors';

export type BridgeTransportOptions = {
  /** Origin (and optional path prefix) of the bridge; the add-in's own origin by default. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Bearer tokens for the bridge (see auth-token.ts); without it, only the public routes answer. */
  auth?: { getToken: () => Promise<string>; invalidate: () => void };
};

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * How every call reaches the bridge: one origin, a timeout on each call, the bearer token (signing in again
 * once when the bridge answers 401), and every answer parsed with its contract schema. Every failure becomes
 * an AppError with a stable code, which the pane and the commands explain in the user's language.
 */
export function createBridgeTransport(options: BridgeTransportOptions = {}) {
  const baseUrl = options.baseUrl ?? '';
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => fetch(input, init));

  async function send(path: string, init: RequestInit): Promise<Response> {
    let response: Response;
    // The caller's signal (a pane that moved on) and our own timeout both end the call; they mean different things.
    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = init.signal ? anySignal(init.signal, timeout) : timeout;
    try {
      response = await doFetch(`${baseUrl}${path}`, { ...init, signal });
    } catch (error) {
      if (init.signal?.aborted) throw error;
      if (timeout.aborted) {
        throw new AppError('timeout', 'The LedgerMail bridge did not answer in time.', { cause: error });
      }
      throw new AppError('bridge_unreachable', 'The LedgerMail bridge cannot be reached.', { cause: error });
    }
    return response;
  }

  async function request(path: string, init: RequestInit = {}): Promise<Response> {
    const auth = options.auth;
    const withToken = async (): Promise<RequestInit> => {
      if (!auth) return init;
      const headers = new Headers(init.headers);
      headers.set('authorization', `Bearer ${await auth.getToken()}`);
      return { ...init, headers };
    };
    let response = await send(path, await withToken());
    if (response.status === 401 && auth) {
      // The token expired or the bridge restarted with a new key: sign in again, once.
      auth.invalidate();
      response = await send(path, await withToken());
    }
    if (!response.ok) throw await toAppError(response);
    return response;
  }

  async function requestJson<S extends z.core.$ZodType>(
    schema: S,
    path: string,
    init?: RequestInit,
  ): Promise<z.infer<S>> {
    const response = await request(path, init);
    let body: unknown;
    try {
      body = await response.json();
    } catch (error) {
      throw new AppError('malformed_response', 'The LedgerMail bridge sent an unreadable answer.', { cause: error });
    }
    const parsed = z.safeParse(schema, body);
    if (!parsed.success) {
      throw new AppError('malformed_response', 'The LedgerMail bridge sent an unexpected answer.', {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  return { request, requestJson };
}

export type BridgeTransport = ReturnType<typeof createBridgeTransport>;

async function toAppError(response: Response): Promise<AppError> {
  const body: unknown = await response.json().catch(() => undefined);
  const parsed = ErrorBodySchema.safeParse(body);
  if (parsed.success) return AppError.fromBody(parsed.data);
  if (response.status >= 500) {
    return new AppError('bridge_unreachable', `The LedgerMail bridge is not available (HTTP ${response.status}).`);
  }
  return new AppError('malformed_response', `The LedgerMail bridge answered HTTP ${response.status} without details.`);
}

/** AbortSignal.any where the webview has it (Safari only since 17.4, so older Macs lack it). */
function anySignal(a: AbortSignal, b: AbortSignal): AbortSignal {
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([a, b]);
  const controller = new AbortController();
  const abort = (source: AbortSignal) => () => controller.abort(source.reason);
  if (a.aborted || b.aborted) controller.abort((a.aborted ? a : b).reason);
  a.addEventListener('abort', abort(a), { once: true });
  b.addEventListener('abort', abort(b), { once: true });
  return controller.signal;
}
