import {
  BatchListSchema,
  BatchPreviewSchema,
  BatchSchema,
  TemplateDefaultsSchema,
  type Batch,
  type BatchList,
  type BatchPreview,
  type BatchRequestInput,
  type TemplateDefaults,
} from '../contract/batches.schemas';
import type { BridgeTransport } from './bridge-transport';

/** The bridge's batch API (reminder runs), on top of the typed bridge client. */
export function createBatchesClient(bridge: Pick<BridgeTransport, 'requestJson'>) {
  const post = (body: BatchRequestInput, headers: Record<string, string> = {}) => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return {
    /** The bridge's templates for every language and level, the company that signs, and the run's date. */
    getTemplates: (init?: RequestInit): Promise<TemplateDefaults> =>
      bridge.requestJson(TemplateDefaultsSchema, '/api/batches/templates', init),
    previewBatch: (request: BatchRequestInput, init?: RequestInit): Promise<BatchPreview> =>
      bridge.requestJson(BatchPreviewSchema, '/api/batches/preview', { ...post(request), ...init }),
    /** The same key and request give the same batch back: a double click or a retried call sends nothing twice. */
    createBatch: (idempotencyKey: string, request: BatchRequestInput): Promise<Batch> =>
      bridge.requestJson(BatchSchema, '/api/batches', post(request, { 'idempotency-key': idempotencyKey })),
    getBatch: (id: string, init?: RequestInit): Promise<Batch> =>
      bridge.requestJson(BatchSchema, `/api/batches/${encodeURIComponent(id)}`, init),
    listBatches: (limit: number, init?: RequestInit): Promise<BatchList> =>
      bridge.requestJson(BatchListSchema, `/api/batches?limit=${limit}`, init),
    retryFailed: (id: string): Promise<Batch> =>
      bridge.requestJson(BatchSchema, `/api/batches/${encodeURIComponent(id)}/retry`, { method: 'POST' }),
  };
}

export type BatchesClient = ReturnType<typeof createBatchesClient>;
