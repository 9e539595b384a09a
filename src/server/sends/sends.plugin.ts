import type { FastifyInstance } from 'fastify';
import type { AccountingConnector } from '../accounting/connector.js';
import type { Config } from '../config.js';
import { IncaMailSandbox } from '../incamail/sandbox-server.js';
import { sandboxRoutes } from '../incamail/sandbox.routes.js';
import { smtpTransport, type SendTransport, type SmtpEndpoint } from '../incamail/smtp-submission.js';

/** Looks the endpoint up for every submission, so a route an admin changed applies to the next send. */
function routedTransport(current: () => SmtpEndpoint | undefined, timeoutMs: number): SendTransport {
  return {
    submit: (message, hooks, signal) =>
      smtpTransport(current() ?? { host: '', port: 0, secure: false, requireTLS: true }, timeoutMs).submit(
        message,
        hooks,
        signal,
      ),
  };
}
import type { Db } from '../storage/database.js';
import { Outbox } from './outbox.js';
import { sendsRoutes, type SendsRoutesOptions } from './sends.routes.js';

export type SendsSetup = {
  db: Db;
  config: Config;
  accounting?: Pick<AccountingConnector, 'recordSent'> | undefined;
  /** Overrides for tests: a short retry delay, a transport to a fault-injecting server. */
  retry?: { retryBaseMs?: number; retryMaxMs?: number; stopGraceMs?: number };
  transport?: SendTransport;
  /** Identity of the caller and who may see which sends (from the bridge's sign-in). */
  access?: Pick<SendsRoutesOptions, 'callerOf' | 'viewerOf'>;
  /** The IncaMail route an admin set at run time; it takes precedence over INCAMAIL_SMTP_URL. */
  adminRoute?: { endpoint: () => SmtpEndpoint | undefined };
};

/**
 * The secure send path of the bridge: outbox, worker and transport, plus the IncaMail sandbox when no
 * IncaMail server is configured outside production. Everything stops with the app.
 */
export async function registerSends(app: FastifyInstance, setup: SendsSetup): Promise<Outbox> {
  const { incamail, env } = setup.config;
  let endpoint: SmtpEndpoint | undefined;
  if (incamail.smtp.kind === 'remote') {
    const { host, port, secure, requireTLS, auth } = incamail.smtp;
    endpoint = { host, port, secure, requireTLS, auth };
  } else if (env !== 'production') {
    const sandbox = await IncaMailSandbox.start({ recipientSuffix: incamail.recipientSuffix });
    app.addHook('onClose', () => sandbox.close());
    await app.register(sandboxRoutes, {
      sandbox,
      ...(setup.access?.viewerOf ? { viewerOf: setup.access.viewerOf } : {}),
    });
    endpoint = sandbox.endpoint();
    app.log.info(`IncaMail sandbox listening on 127.0.0.1:${sandbox.port}; messages at /api/sandbox/messages`);
  } else {
    // Fail closed: without a configured IncaMail server the bridge refuses secure sends instead of guessing.
    app.log.warn('INCAMAIL_SMTP_URL is not set: the bridge refuses secure sends (no relay route)');
  }

  const outbox = new Outbox({
    db: setup.db,
    transport:
      setup.transport ?? routedTransport(() => setup.adminRoute?.endpoint() ?? endpoint, incamail.smtpTimeoutMs),
    accounting: setup.accounting,
    recipientSuffix: incamail.recipientSuffix,
    sendModes: incamail.sendModes,
    route: () => (setup.adminRoute?.endpoint() || endpoint || setup.transport ? 'relay' : 'mailbox'),
    retry: {
      concurrency: incamail.concurrency,
      maxAttempts: incamail.maxAttempts,
      retryBaseMs: incamail.retryBaseMs,
      ...setup.retry,
    },
    log: app.log,
  });
  await app.register(sendsRoutes, { outbox, ...setup.access });
  outbox.start();
  app.addHook('onClose', () => outbox.stop());
  return outbox;
}
