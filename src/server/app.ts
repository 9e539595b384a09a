import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import path from 'node:path';
import { accountingRoutes } from './accounting/accounting.routes.js';
import { documentsRoutes } from './accounting/documents.routes.js';
import { registerBatches } from './batches/batches.plugin.js';
import { todayInSwitzerland } from './accounting/ledger/dates.js';
import { createAccounting } from './accounting/select-accounting.js';
import { createPdfPool } from './pdf/pdf-pool.js';
import { createAuditLog } from './audit/audit-log.js';
import { installAudit } from './audit/audit.plugin.js';
import { createSendAccess } from './auth/access.js';
import { installAuth } from './auth/auth.plugin.js';
import type { Config } from './config.js';
import { healthRoutes } from './health/health.routes.js';
import { serveAddinFiles } from './http/addin-files.js';
import { landingPageRoute } from './http/landing-page.js';
import { MAX_PARAM_LENGTH } from './http/api-routes.js';
import { answerFrameworkError, installErrorHandling } from './http/errors.js';
import { installJsonBodyParser, JSON_BODY_LIMIT_BYTES } from './http/json-body.js';
import { baseSecurityHeaders, installSecurityHeaders } from './security/headers.js';
import { createSecretBox } from './security/secret-box.js';
import { createIncaMailRouteStore } from './settings/incamail-route-store.js';
import { createPlainSettings } from './settings/plain-settings.js';
import { ROUTE_SETTING, settingsRoutes } from './settings/settings.routes.js';
import { registerSends } from './sends/sends.plugin.js';
import { openDatabase } from './storage/database.js';
import { VERSION } from './version.js';
import { workbenchRoutes } from './workbench/workbench.routes.js';

export type BuildAppOptions = {
  config: Config;
  https?: { cert: string; key: string };
  logger?: FastifyServerOptions['logger'];
  /** Today's date (YYYY-MM-DD) for the built-in ledger's overdue rules; the clock in Switzerland by default. */
  today?: () => string;
};

/**
 * Composes the bridge: one origin serving the built add-in and /api. Routes receive their domain services
 * as plugin options, so tests build the same app over their own SQLite file and SMTP server.
 */
/**
 * pino's JSON lines by default (each with its request id, `reqId`); LOG_FORMAT=pretty turns them into lines for
 * a person (pino-pretty, in pino's own worker thread). The format changes nothing of what is logged: secrets are
 * kept out at their source (a configured password prints `[redacted]`, incamail-config.ts).
 */
export function loggerOptions(config: Pick<Config, 'logLevel' | 'logFormat'>): FastifyServerOptions['logger'] {
  return {
    level: config.logLevel,
    ...(config.logFormat === 'pretty'
      ? {
          transport: {
            target: 'pino-pretty',
            options: { translateTime: 'SYS:yyyy-mm-dd HH:MM:ss', ignore: 'pid,hostname' },
          },
        }
      : {}),
  };
}

export async function buildApp(options: BuildAppOptions): Promise<FastifyInstance> {
  const { config } = options;
  const securityHeaders = baseSecurityHeaders({ hsts: config.tls.mode === 'on' });
  const app = Fastify({
    logger: options.logger ?? loggerOptions(config),
    ...(options.https ? { https: { cert: options.https.cert, key: options.https.key } } : {}),
    // Small for every route; `POST /api/sends`, where a message travels, sets its own (SEND_BODY_LIMIT_BYTES).
    bodyLimit: JSON_BODY_LIMIT_BYTES,
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors: (error, _request, reply) => answerFrameworkError(error, reply, securityHeaders),
  }) as unknown as FastifyInstance;

  installErrorHandling(app);
  // Every JSON body is checked for depth before it is parsed; the send route streams its own reader.
  installJsonBodyParser(app);
  installSecurityHeaders(app, {
    hsts: config.tls.mode === 'on',
    ...(config.auth.mode === 'entra' ? { identityHost: config.auth.authorityHost } : {}),
  });

  // One SQLite file holds every module's tables; each module applies its own migrations.
  const db = openDatabase(path.join(config.dataDir, 'ledgermail.sqlite'));
  app.addHook('onClose', async () => db.close());

  // Every /api route but health and sign-in needs a bearer token; every change is audited.
  installAuth(app, config.auth, config.dataDir);
  const audit = createAuditLog(db);
  installAudit(app, audit);
  const access = createSendAccess(config.auth);
  // Credentials an admin stores through the API are sealed with SECRETS_KEY; without it none can be stored.
  const box = config.secretsKey ? createSecretBox(config.secretsKey) : undefined;
  const adminRoute = createIncaMailRouteStore(db, box);
  const plain = createPlainSettings(db);
  await app.register(settingsRoutes, {
    store: adminRoute,
    environment: config.incamail.smtp,
    production: config.env === 'production',
    plain,
    environmentRoute: config.incamail.route,
  });

  // The accounting backend the configuration names: the built-in ledger by default, or bexio, or WinBIZ Cloud.
  const today = options.today ?? (() => todayInSwitzerland());
  // PDFs are drawn on worker threads: a reminder run's hundreds of them no longer hold the event loop.
  const pdfs = createPdfPool();
  app.addHook('onClose', () => pdfs.close());
  const backend = createAccounting(config.accounting, { db, box, today, log: app.log, renderPdf: pdfs.render });
  const accounting = backend.connector;
  await app.register(documentsRoutes, { connector: accounting, source: backend.source });
  await app.register(accountingRoutes, {
    source: backend.source,
    bexio: backend.bexio,
    winbiz: backend.winbiz,
    audit,
  });
  // Secure sends: outbox, worker and IncaMail transport (the sandbox unless INCAMAIL_SMTP_URL is set).
  const { outbox, incamailReadiness } = await registerSends(app, {
    db,
    config,
    accounting,
    access: {
      callerOf: (request, body) => access.senderOf(request, body.from),
      viewerOf: access.viewerOf,
      ownerOf: (request) => access.senderOf(request, undefined).email,
    },
    adminRoute,
    chosenRoute: () => {
      const chosen = plain.read(ROUTE_SETTING)?.value;
      return chosen === 'relay' || chosen === 'mailbox' ? chosen : undefined;
    },
  });
  // Reminder runs: each item an individual outbox send, fed at a bounded pace.
  await registerBatches(app, {
    db,
    config,
    outbox,
    accounting,
    today,
    callerOf: (request) => (request.method === 'POST' ? access.senderOf(request, undefined) : access.readerOf(request)),
  });

  await app.register(healthRoutes, { version: VERSION, db, accounting: backend, incamail: incamailReadiness });
  // Development tool, never in production: a simulated Outlook compose window hosting the real pages.
  if (config.env !== 'production') {
    await app.register(workbenchRoutes, { addinDir: config.addinDir, workbenchDir: path.resolve('build/workbench') });
  }
  landingPageRoute(app, { workbench: config.env !== 'production' });
  await serveAddinFiles(app, config.addinDir, { sourceMaps: config.env !== 'production' });
  return app;
}
