import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod/mini';
import { AppError, describeDetails, issuesToDetails, type ErrorDetail } from '../../contract/errors.js';
import { apiRouteOf, isApiPath, overlongSegment } from './api-routes.js';
import { CONTROL_CHARACTER_MESSAGE, findControlCharacter } from '../../contract/text.js';

/**
 * Parses a request part with its contract schema; a failure is a 400 that names each offending field. Every
 * text of every route passes here first, so a control character anywhere (an id, `q`, a template) is refused
 * before it reaches SQLite, FTS5 or an SMTP header, for routes written later too.
 */
export function parseRequest<S extends z.core.$ZodType>(
  schema: S,
  value: unknown,
  part: 'query' | 'body' | 'params' | 'headers',
): z.infer<S> {
  const controlAt = part === 'headers' ? undefined : findControlCharacter(value);
  if (controlAt) {
    const details = [
      {
        path: [part === 'body' ? 'body' : '', ...controlAt].filter(Boolean).join('.') || '(root)',
        message: CONTROL_CHARACTER_MESSAGE,
      },
    ];
    throw invalidRequest(part, details);
  }
  const parsed = z.safeParse(schema, value ?? {});
  if (parsed.success) return parsed.data;
  throw invalidRequest(part, issuesToDetails(parsed.error, part === 'body' ? 'body' : ''));
}

/**
 * Paths and messages name what the client sent (a key it made up, in zod's "Unrecognized key"): shortened, so
 * that a key of megabytes is not answered with twice as many (in the message and in the details).
 */
const MAX_ECHO_CHARACTERS = 200;
const shortened = (text: string) =>
  text.length > MAX_ECHO_CHARACTERS ? `${text.slice(0, MAX_ECHO_CHARACTERS - 1)}…` : text;

function invalidRequest(part: string, found: ErrorDetail[]): AppError {
  const details = found.map(({ path, message }) => ({ path: shortened(path), message: shortened(message) }));
  return new AppError('bad_request', `Invalid request ${part}: ${describeDetails(details)}`, { details });
}

/**
 * Fastify's `frameworkErrors`: what its router refuses before any route runs (a path segment longer than
 * the router allows, a path that does not decode) is answered in the common error shape too, with the
 * security headers the hooks would have set (no hook runs for these answers).
 */
export function answerFrameworkError(error: FastifyError, reply: FastifyReply, headers: Record<string, string>): void {
  void answerRouterRefusal(error.code === 'FST_ERR_MAX_PARAM_LENGTH', reply, headers);
}

function answerRouterRefusal(tooLong: boolean, reply: FastifyReply, headers: Record<string, string>) {
  const message = tooLong ? 'A part of the address is too long.' : 'The address is not valid.';
  return reply
    .headers({ ...headers, 'cache-control': 'no-store' })
    .status(tooLong ? 414 : 400)
    .send(new AppError('bad_request', message).toJSON());
}

/**
 * Every failure leaves the bridge as `{ error: { code, message } }`. Client mistakes keep their own
 * message; anything unexpected is logged with its stack and answered with a generic 500, so no stack trace
 * or upstream body reaches the add-in.
 */
export function installErrorHandling(app: FastifyInstance): void {
  // An /api/ path that only the static files' catch-all took gets what the router says without it, before
  // sign-in as there: an id longer than the router allows is a 414 (see apiRouteOf).
  app.addHook('onRequest', async (request, reply) => {
    if (!apiRouteOf(request) && isApiPath(request.url) && overlongSegment(request.url)) {
      return answerRouterRefusal(true, reply, {});
    }
  });
  app.setErrorHandler((error: FastifyError | AppError | Error, request, reply) => {
    if (error instanceof AppError) {
      if (error.status >= 500) request.log.error({ err: error.cause ?? error, code: error.code }, error.message);
      return reply.status(error.status).send(error.toJSON());
    }
    const status = 'statusCode' in error && typeof error.statusCode === 'number' ? error.statusCode : 500;
    if (status === 413) {
      return reply.status(413).send(new AppError('payload_too_large', 'The request is too large.').toJSON());
    }
    if (status >= 400 && status < 500) {
      const code = status === 404 ? 'not_found' : status === 429 ? 'rate_limited' : 'bad_request';
      return reply.status(status).send(new AppError(code, error.message).toJSON());
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.status(500).send(new AppError('internal', 'The bridge hit an unexpected error.').toJSON());
  });

  app.setNotFoundHandler((request, reply) => {
    const message = `No such ${request.url.startsWith('/api/') ? 'API route' : 'page'}: ${request.method} ${request.url.split('?')[0]}`;
    return reply.status(404).send(new AppError('not_found', message).toJSON());
  });
}
