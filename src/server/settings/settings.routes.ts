import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import { requireAdmin } from '../auth/auth.plugin.js';
import { parseRequest } from '../http/errors.js';
import type { SmtpTarget } from '../incamail/incamail-config.js';
import type { IncaMailRouteStore, IncaMailRouteView } from './incamail-route-store.js';
import type { PlainSettings } from './plain-settings.js';

const PutBodySchema = z.strictObject({ smtpUrl: z.string().min(1).max(2000) });
const RouteBodySchema = z.strictObject({ route: z.enum(['relay', 'mailbox']) });

/** The plain setting that holds the route an admin chose. */
export const ROUTE_SETTING = 'incamail.route';

/**
 * Admin settings of the IncaMail route. Answers never contain the password, only whether one is set; the
 * audit log records who changed the route and when.
 */
export const settingsRoutes: FastifyPluginAsync<{
  store: IncaMailRouteStore;
  environment: SmtpTarget;
  production: boolean;
  plain: PlainSettings;
  environmentRoute: 'relay' | 'mailbox' | undefined;
}> = async (app, { store, environment, production, plain, environmentRoute }) => {
  const routeView = () => {
    const chosen = plain.read(ROUTE_SETTING);
    return chosen
      ? { route: chosen.value, source: 'admin', updatedAt: chosen.updatedAt, updatedBy: chosen.updatedBy }
      : {
          route: environmentRoute ?? null,
          source: environmentRoute ? 'environment' : 'automatic',
          updatedAt: null,
          updatedBy: null,
        };
  };

  // The route of the deployment: the bridge submits (relay), or the add-in marks drafts for the mailbox.
  app.get('/api/admin/incamail/route', async (request) => {
    requireAdmin(request);
    return routeView();
  });

  app.put('/api/admin/incamail/route', async (request) => {
    const admin = requireAdmin(request);
    const { route } = parseRequest(RouteBodySchema, request.body, 'body');
    plain.write(ROUTE_SETTING, route, admin.email);
    return routeView();
  });

  app.delete('/api/admin/incamail/route', async (request) => {
    requireAdmin(request);
    plain.clear(ROUTE_SETTING);
    return routeView();
  });

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
