import type { z } from 'zod';
import { AppError, ErrorBodySchema } from '../contract/errors';
import {
  CustomerListSchema,
  DocumentDetailSchema,
  DocumentPageSchema,
  type Customer,
  type DocumentDetail,
  type DocumentKind,
  type DocumentPage,
  type DocumentStatus,
  type ReminderLevel,
} from '../contract/documents.schemas';
import { HealthSchema, type Health } from '../contract/health.schemas';
import { readPdfResponse, type PdfDownload } from './pdf-response';

/** Typed arguments of `GET /api/documents`; lists become the comma lists the contract expects. */
export type DocumentListQuery = {
  kind?: DocumentKind;
  q?: string;
  status?: readonly DocumentStatus[];
  customerEmail?: readonly string[];
  customerId?: string;
  level?: readonly ReminderLevel[];
  overdueDays?: number;
  notSent?: boolean;
  limit?: number;
  cursor?: string;
};

export function toDocumentSearchParams(query: DocumentListQuery): URLSearchParams {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query) as [string, unknown][]) {
    if (value === undefined || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  return params;
}

export type BridgeClientOptions = {
  /** Origin (and optional path prefix) of the bridge; the add-in's own origin by default. */
  baseUrl?: string;
  timeoutMs?: number;
  fetch?: typeof fetch;
  /** Bearer tokens for the bridge (see auth-token.ts); without it, only the public routes answer. */
  auth?: { getToken: () => Promise<string>; invalidate: () => void };
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
    listDocuments: (query: DocumentListQuery, init?: RequestInit): Promise<DocumentPage> =>
      requestJson(DocumentPageSchema, `/api/documents?${toDocumentSearchParams(query)}`, init),
    getDocument: (id: string, init?: RequestInit): Promise<DocumentDetail> =>
      requestJson(DocumentDetailSchema, `/api/documents/${encodeURIComponent(id)}`, init),
    getDocumentPdf: async (id: string, init?: RequestInit): Promise<PdfDownload> =>
      readPdfResponse(await request(`/api/documents/${encodeURIComponent(id)}/pdf`, init)),
    findCustomers: async (emails: readonly string[], init?: RequestInit): Promise<Customer[]> => {
      if (emails.length === 0) return [];
      const params = new URLSearchParams({ email: emails.join(',') });
      return (await requestJson(CustomerListSchema, `/api/customers?${params}`, init)).items;
    },
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
