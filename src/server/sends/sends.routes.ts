import type { IncomingMessage } from 'node:http';
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../contract/errors.js';
import { toLanguage, type Language } from '../../contract/locale.js';
import { IdempotencyKeySchema, type Policy, type SendList, type SendRecord } from '../../contract/sends.schemas.js';
import {
  SendByKeyQuerySchema,
  SendListQuerySchema,
  SendRequestSchema,
  SendWaitQuerySchema,
  type SendRequest,
} from '../../contract/send-request.schemas.js';
import { parseRequest } from '../http/errors.js';
import type { SendCaller, Outbox } from './outbox.js';
import { SEND_BODY_LIMIT_BYTES, takeDecodedContent, parseSendBody } from './send-body-parser.js';

export type SendsRoutesOptions = {
  outbox: Outbox;
  /**
   * Who is sending, from the verified token; it refuses a `from` that is not the caller's (403). Without
   * sign-in (only in tests of this module) the bridge takes the message's `from`.
   */
  callerOf?: (request: FastifyRequest, body: SendRequest) => SendCaller;
  /** Whose sends the caller may see: `all` for admins, else their own address. */
  viewerOf?: (request: FastifyRequest) => { sentBy: string } | 'all';
  /**
   * Whose key a lookup by key means: the caller's own address, admins included (a key is the sender's, made
   * by their add-in). Without sign-in (only in tests of this module) any sender's.
   */
  ownerOf?: (request: FastifyRequest) => string;
};

const IdempotencyHeaderSchema = z.object({ 'idempotency-key': IdempotencyKeySchema });
const IdParamsSchema = z.object({ id: z.string().max(100) });

export const sendsRoutes: FastifyPluginAsync<SendsRoutesOptions> = async (app, options) => {
  const { outbox } = options;
  const callerOf = options.callerOf ?? ((_request, body) => ({ email: body.from }));
  const viewerOf = options.viewerOf ?? (() => 'all' as const);
  // Another user's send is answered like a send that does not exist: its id reveals nothing.
  const visible = (request: FastifyRequest, id: string) => {
    const viewer = viewerOf(request);
    return viewer === 'all' || outbox.sentByOf(id) === viewer.sentBy.toLowerCase();
  };

  // Only this plugin's routes: attachments are decoded while the body streams in (see parseSendBody).
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', (request: FastifyRequest, payload: IncomingMessage) =>
    parseSendBody(payload, request.routeOptions.bodyLimit),
  );

  app.get('/api/policy', async (): Promise<Policy> => outbox.policy());

  /**
   * 202 with the new record, or 200 with the recorded one when the key was seen before (the message is never
   * submitted twice). `?wait=N` holds the answer until IncaMail answered, for at most N seconds.
   */
  // The one route where a message travels: its limit is the bridge's largest, every other body's is small.
  app.post('/api/sends', { bodyLimit: SEND_BODY_LIMIT_BYTES }, async (request, reply): Promise<SendRecord> => {
    const { 'idempotency-key': idempotencyKey } = parseRequest(IdempotencyHeaderSchema, request.headers, 'headers');
    const body = parseRequest(SendRequestSchema, request.body, 'body');
    const { wait } = parseRequest(SendWaitQuerySchema, request.query, 'query');
    const caller = callerOf(request, body);
    const language = toLanguage(request.headers['accept-language']?.split(',')[0]);
    const { record, created } = acceptSend(outbox, request.body, body, { idempotencyKey, caller, language });
    const current = (await outbox.waitUntilSettled(record.id, wait * 1000)) ?? record;
    reply.header('idempotent-replayed', String(!created));
    return reply.status(created ? 202 : 200).send(current);
  });

  app.get('/api/sends/:id', async (request): Promise<SendRecord> => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const { wait } = parseRequest(SendWaitQuerySchema, request.query, 'query');
    if (!visible(request, id)) throw new AppError('not_found', `No send with id ${id}.`);
    const record = await outbox.waitUntilSettled(id, wait * 1000);
    if (!record) throw new AppError('not_found', `No send with id ${id}.`);
    return record;
  });

  /**
   * The send an add-in handed over under its key, when the add-in that did so was interrupted (a reload, a
   * closed window) and opens again on the same draft: 404 when no send reached the bridge under this key.
   */
  app.get('/api/sends/by-key', async (request): Promise<SendRecord> => {
    const { key } = parseRequest(SendByKeyQuerySchema, request.query, 'query');
    const record = outbox.findByKey(key, options.ownerOf?.(request));
    if (!record) throw new AppError('not_found', 'No send was recorded under this key.');
    return record;
  });

  app.get('/api/sends', async (request): Promise<SendList> => {
    const query = parseRequest(SendListQuerySchema, request.query, 'query');
    const viewer = viewerOf(request);
    return outbox.list({ ...query, ...(viewer === 'all' ? {} : { sentBy: viewer.sentBy }) });
  });
};

/** Synchronous on purpose: the decoded attachments live in this frame only, not across the wait that follows. */
function acceptSend(
  outbox: Outbox,
  rawBody: unknown,
  body: SendRequest,
  context: { idempotencyKey: string; caller: SendCaller; language: Language },
) {
  const attachments = body.attachments.map(({ name, contentType, contentBase64 }) => ({
    name,
    contentType,
    content: takeDecodedContent(rawBody, contentBase64),
  }));
  return outbox.accept({ ...body, attachments }, context);
}
