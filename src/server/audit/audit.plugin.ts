import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { requireAdmin } from '../auth/auth.plugin.js';
import { parseRequest } from '../http/errors.js';
import type { AuditLog } from './audit-log.js';

const AuditQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(500).default(100),
  before: z.coerce.number().int().positive().optional(),
});

/**
 * Records every state-changing API call (sends, batches, admin changes) with the caller from the token, the
 * route, the affected id and the HTTP outcome; admins read the log at GET /api/admin/audit.
 */
export function installAudit(app: FastifyInstance, audit: AuditLog): void {
  app.addHook('onResponse', async (request, reply) => {
    if (!request.url.startsWith('/api/') || ['GET', 'HEAD', 'OPTIONS'].includes(request.method)) return;
    const params = (request.params ?? {}) as Record<string, unknown>;
    audit.record({
      actorId: request.caller?.id ?? null,
      actorEmail: request.caller?.email ?? null,
      action: `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`,
      target: typeof params.id === 'string' ? params.id : null,
      result: String(reply.statusCode),
      details: { idempotencyKey: request.headers['idempotency-key'] ?? null, ip: request.ip },
    });
  });

  app.get('/api/admin/audit', async (request) => {
    requireAdmin(request);
    const query = parseRequest(AuditQuerySchema, request.query, 'query');
    return { items: audit.list({ limit: query.limit, ...(query.before ? { beforeId: query.before } : {}) }) };
  });
}
