import {
  CustomerListSchema,
  DocumentCountSchema,
  DocumentDetailSchema,
  DocumentPageSchema,
  type Customer,
  type DocumentCount,
  type DocumentDetail,
  type DocumentKind,
  type DocumentPage,
  type DocumentStatus,
  type ReminderLevel,
} from '../contract/documents.schemas';
import { HealthSchema, type Health } from '../contract/health.schemas';
import { createBridgeTransport, type BridgeTransportOptions } from './bridge-transport';
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

/** Typed arguments of `GET /api/documents/count`: the filters of a list, without its paging. */
export type DocumentCountQuery = Omit<DocumentListQuery, 'limit' | 'cursor'>;

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

export type BridgeClientOptions = BridgeTransportOptions;

/** The bridge's documents API (and its health), on top of the transport every client shares. */
export function createBridgeClient(options: BridgeClientOptions = {}) {
  const { request, requestJson } = createBridgeTransport(options);
  return {
    request,
    requestJson,
    getHealth: (): Promise<Health> => requestJson(HealthSchema, '/api/health'),
    listDocuments: (query: DocumentListQuery, init?: RequestInit): Promise<DocumentPage> =>
      requestJson(DocumentPageSchema, `/api/documents?${toDocumentSearchParams(query)}`, init),
    countDocuments: (query: DocumentCountQuery, init?: RequestInit): Promise<DocumentCount> =>
      requestJson(DocumentCountSchema, `/api/documents/count?${toDocumentSearchParams(query)}`, init),
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
