import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../contract/errors.js';
import { parseRequest } from '../http/errors.js';
import type { IncaMailSandbox } from './sandbox-server.js';

/** What the sandbox kept, for the workbench and for developers. Registered only outside production. */
export const sandboxRoutes: FastifyPluginAsync<{ sandbox: IncaMailSandbox }> = async (app, { sandbox }) => {
  app.get('/api/sandbox/messages', async () => ({ items: sandbox.list() }));

  app.get('/api/sandbox/messages/:id/raw', async (request, reply) => {
    const { id } = parseRequest(z.object({ id: z.string().max(100) }), request.params, 'params');
    const raw = sandbox.raw(id);
    if (!raw) throw new AppError('not_found', `The sandbox keeps no message ${id}.`);
    return reply.type('message/rfc822').send(raw);
  });
};
