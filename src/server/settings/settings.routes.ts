import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireAdmin } from '../auth/auth.plugin.js';
import { parseRequest } from '../http/errors.js';
import type { SmtpTarget } from '../incamail/incamail-config.js';
import type { IncaMailRouteStore, IncaMailRouteView } from './incamail-route-store.js';

const PutBodySchema = z.strictObject({ smtpUrl: z.string().min(1).max(2000) });

/**
 * Admin settings of the IncaMail route. Answers never contain the password, only whether one is set; the
 * audit log records who changed the route and when.
 */
export const settingsRoutes: FastifyPluginAsync<{
  store: IncaMailRouteStore;
  environment: SmtpTarget;
  production: boolean;
}> = async (app, { store, environment, production }) => {
  const view = (): IncaMailRouteView =>
    store.describe() ??
    (environment.kind === 'remote'
      ? {
          source: 'environment',
          problem: null,
          host: environment.host,
          port: environment.port,
          secure: environment.secure,
          user: environment.auth?.user ?? null,
          passwordSet: Boolean(environment.auth?.pass.reveal()),
          updatedAt: null,
          updatedBy: null,
        }
      : {
          source: production ? 'none' : 'sandbox',
          problem: null,
          host: null,
          port: null,
          secure: null,
          user: null,
          passwordSet: false,
          updatedAt: null,
          updatedBy: null,
        });

  app.get('/api/admin/incamail', async (request) => {
    requireAdmin(request);
    return view();
  });

  app.put('/api/admin/incamail', async (request) => {
    const admin = requireAdmin(request);
    const { smtpUrl } = parseRequest(PutBodySchema, request.body, 'body');
    store.set(smtpUrl, admin.email);
    return view();
  });

  app.delete('/api/admin/incamail', async (request) => {
    requireAdmin(request);
    store.clear();
    return view();
  });
};
