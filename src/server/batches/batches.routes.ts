import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  BatchListQuerySchema,
  BatchParamsSchema,
  BatchRequestSchema,
  type Batch,
  type BatchList,
  type BatchPreview,
  type BatchRequest,
} from '../../contract/batches.schemas.js';
import { AppError } from '../../contract/errors.js';
import { IdempotencyKeySchema } from '../../contract/sends.schemas.js';
import { parseRequest } from '../http/errors.js';
import type { Caller } from '../sends/outbox.js';
import type { BatchService } from './batch-service.js';
import { z } from 'zod';

export type BatchesRoutesOptions = {
  batches: BatchService;
  /**
   * Who calls. Until sign-in is wired, a batch is sent as the request's `from` and reads are not scoped;
   * with sign-in, the caller comes from the token and sees only their own batches.
   */
  callerOf?: (request: FastifyRequest) => Caller | undefined;
};

const IdempotencyHeaderSchema = z.object({ 'idempotency-key': IdempotencyKeySchema });

function notFound(id: string): AppError {
  return new AppError('not_found', `No batch with id "${id}".`);
}

export const batchesRoutes: FastifyPluginAsync<BatchesRoutesOptions> = async (app, options) => {
  const { batches } = options;
  const callerOf = options.callerOf ?? (() => undefined);
  const senderOf = (request: FastifyRequest, body: BatchRequest): Caller => callerOf(request) ?? { email: body.from };

  app.post('/api/batches/preview', async (request): Promise<BatchPreview> => {
    const body = parseRequest(BatchRequestSchema, request.body, 'body');
    return batches.preview(body, senderOf(request, body));
  });

  /** 202 with the new batch; 200 with the same batch when the Idempotency-Key was seen with this request. */
  app.post('/api/batches', async (request, reply) => {
    const { 'idempotency-key': idempotencyKey } = parseRequest(IdempotencyHeaderSchema, request.headers, 'headers');
    const body = parseRequest(BatchRequestSchema, request.body, 'body');
    const { batch, created } = await batches.create(body, { idempotencyKey, caller: senderOf(request, body) });
    reply.header('idempotent-replayed', String(!created));
    return reply.status(created ? 202 : 200).send(batch);
  });

  app.get('/api/batches', async (request): Promise<BatchList> => {
    const { limit } = parseRequest(BatchListQuerySchema, request.query, 'query');
    return batches.list(limit, callerOf(request));
  });

  app.get('/api/batches/:id', async (request): Promise<Batch> => {
    const { id } = parseRequest(BatchParamsSchema, request.params, 'params');
    const batch = batches.get(id, callerOf(request));
    if (!batch) throw notFound(id);
    return batch;
  });

  /** Re-queues only the failed items; calling it again while they are queued changes nothing. */
  app.post('/api/batches/:id/retry', async (request): Promise<Batch> => {
    const { id } = parseRequest(BatchParamsSchema, request.params, 'params');
    return batches.retryFailed(id, callerOf(request));
  });
};
