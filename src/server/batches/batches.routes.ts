import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import {
  BatchListQuerySchema,
  BatchParamsSchema,
  BatchRequestSchema,
  type Batch,
  type BatchList,
  type BatchPreview,
  type TemplateDefaults,
} from '../../contract/batches.schemas.js';
import { AppError } from '../../contract/errors.js';
import { IdempotencyKeySchema } from '../../contract/sends.schemas.js';
import { parseRequest } from '../http/errors.js';
import type { SendCaller } from '../sends/outbox.js';
import type { BatchService } from './batch-service.js';
import { z } from 'zod';

export type BatchesRoutesOptions = {
  batches: BatchService;
  /**
   * Who calls, from the verified token: the sender of a run, and whose batches a read may see (undefined:
   * all, for admins). Without it no run can be sent, since only the token decides the sender.
   */
  callerOf?: (request: FastifyRequest) => SendCaller | undefined;
};

const IdempotencyHeaderSchema = z.object({ 'idempotency-key': IdempotencyKeySchema });

function notFound(id: string): AppError {
  return new AppError('not_found', `No batch with id "${id}".`);
}

export const batchesRoutes: FastifyPluginAsync<BatchesRoutesOptions> = async (app, options) => {
  const { batches } = options;
  const callerOf = options.callerOf ?? (() => undefined);
  const senderOf = (request: FastifyRequest): SendCaller => {
    const sender = callerOf(request);
    if (!sender) throw new AppError('unauthorized', 'Sign in to LedgerMail to send reminders.');
    return sender;
  };

  /** The bridge's templates a run uses unless it words its own, with the company that signs and today's date. */
  app.get('/api/batches/templates', async (): Promise<TemplateDefaults> => batches.templateDefaults());

  app.post('/api/batches/preview', async (request): Promise<BatchPreview> => {
    const body = parseRequest(BatchRequestSchema, request.body, 'body');
    // A preview, too, is for a signed-in sender only, and counts against their preview rate.
    return batches.preview(body, senderOf(request));
  });

  /** 202 with the new batch; 200 with the same batch when the Idempotency-Key was seen with this request. */
  app.post('/api/batches', async (request, reply) => {
    const { 'idempotency-key': idempotencyKey } = parseRequest(IdempotencyHeaderSchema, request.headers, 'headers');
    const body = parseRequest(BatchRequestSchema, request.body, 'body');
    const { batch, created } = await batches.create(body, { idempotencyKey, caller: senderOf(request) });
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
