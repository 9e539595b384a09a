import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { AccountingConnector } from '../accounting/connector.js';
import type { Config } from '../config.js';
import { IncaMailSandbox } from '../incamail/sandbox-server.js';
import { sandboxRoutes } from '../incamail/sandbox.routes.js';
import { pooledSmtpTransport, type PooledTransport } from '../incamail/smtp-pool.js';
import { SmtpSession, type SendTransport, type SmtpEndpoint } from '../incamail/smtp-submission.js';

/** Where a send goes: the admin's stored route, else the environment's; or why it cannot go anywhere. */
type Resolved = { endpoint: SmtpEndpoint | undefined } | { problem: string };

/** Same server, same account: a changed password or host is a new pool, and the old one's sessions end. */
function endpointKey(endpoint: SmtpEndpoint): string {
  const { host, port, secure, requireTLS, auth, ca } = endpoint;
  const hash = (value: string | undefined) =>
    value === undefined ? '' : createHash('sha256').update(value).digest('base64url');
  return JSON.stringify([host, port, secure, requireTLS, auth?.user ?? '', hash(auth?.pass.reveal()), hash(ca)]);
}

/**
 * Looks the endpoint up for every submission, so a route an admin changed applies to the next send, and keeps
 * the sessions of the current endpoint open between messages (smtp-pool.ts).
 */
function routedTransport(resolve: () => Resolved, timeoutMs: number): SendTransport & { close(): void } {
  let current: { key: string; pool: PooledTransport } | undefined;
  const poolFor = (endpoint: SmtpEndpoint) => {
    const key = endpointKey(endpoint);
    if (current?.key !== key) {
      current?.pool.close();
      current = { key, pool: pooledSmtpTransport(endpoint, { timeoutMs }) };
    }
    return current.pool;
  };
  return {
    submit: async (message, hooks, signal) => {
      const resolved = resolve();
      // Fail closed: a stored route that cannot be read sends nothing (it may have been queued before a restart).
      if ('problem' in resolved) return { kind: 'failed', reason: resolved.problem, response: null };
      const endpoint = resolved.endpoint ?? { host: '', port: 0, secure: false, requireTLS: true };
      return poolFor(endpoint).submit(message, hooks, signal);
    },
    close: () => current?.pool.close(),
  };
}
import type { Db } from '../storage/database.js';
import type { AdminRoute } from '../settings/incamail-route-store.js';
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
  access?: Pick<SendsRoutesOptions, 'callerOf' | 'viewerOf' | 'ownerOf'>;
  /** The IncaMail route an admin set at run time; it takes precedence over INCAMAIL_SMTP_URL. */
  adminRoute?: { current: () => AdminRoute };
  /** The route (relay or mailbox) an admin chose at run time; it takes precedence over INCAMAIL_ROUTE. */
  chosenRoute?: () => 'relay' | 'mailbox' | undefined;
};

/**
 * The secure send path of the bridge: outbox, worker and transport, plus the IncaMail sandbox when no
 * IncaMail server is configured outside production. Everything stops with the app.
 */
export async function registerSends(
  app: FastifyInstance,
  setup: SendsSetup,
): Promise<{ outbox: Outbox; incamailReadiness: () => Promise<IncaMailReadiness> }> {
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
      recipientSuffix: incamail.recipientSuffix,
      ...(setup.access?.viewerOf ? { viewerOf: setup.access.viewerOf } : {}),
    });
    endpoint = sandbox.endpoint();
    app.log.info(`IncaMail sandbox listening on 127.0.0.1:${sandbox.port}; messages at /api/sandbox/messages`);
  } else {
    // Fail closed: without a configured IncaMail server the bridge refuses secure sends instead of guessing.
    app.log.warn('INCAMAIL_SMTP_URL is not set: the bridge refuses secure sends (no relay route)');
  }

  const resolve = (): Resolved => {
    const admin = setup.adminRoute?.current() ?? { kind: 'none' };
    if (admin.kind === 'unreadable') return { problem: admin.reason };
    return { endpoint: (admin.kind === 'stored' ? admin.endpoint : undefined) ?? endpoint };
  };
  const stored = setup.adminRoute?.current();
  if (stored?.kind === 'unreadable') app.log.error(`Secure sends are refused: ${stored.reason}`);

  // Opens nothing until a message goes; unused where a test hands in its own transport.
  const route = (): 'relay' | 'mailbox' => {
    const chosen = setup.chosenRoute?.() ?? incamail.route;
    if (chosen) return chosen;
    const resolved = resolve();
    return 'problem' in resolved || resolved.endpoint || setup.transport ? 'relay' : 'mailbox';
  };
  const routeProblem = (): string | undefined => {
    const resolved = resolve();
    if ('problem' in resolved) return resolved.problem;
    // INCAMAIL_ROUTE=relay without a submission: sends are refused, and the policy still says relay.
    return resolved.endpoint || setup.transport ? undefined : 'This bridge has no IncaMail submission configured.';
  };

  const routed = routedTransport(resolve, incamail.smtpTimeoutMs);
  const outbox = new Outbox({
    db: setup.db,
    transport: setup.transport ?? routed,
    accounting: setup.accounting,
    recipientSuffix: incamail.recipientSuffix,
    level3Registered: incamail.level3Registered,
    sendModes: incamail.sendModes,
    route,
    routeProblem,
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
  app.addHook('onClose', async () => {
    await outbox.stop();
    routed.close();
  });
  const readiness = incamailReadiness({
    route,
    routeProblem,
    endpoint: () => {
      const resolved = resolve();
      return 'problem' in resolved ? undefined : resolved.endpoint;
    },
    timeoutMs: incamail.smtpTimeoutMs,
  });
  return { outbox, incamailReadiness: readiness };
}

export type IncaMailReadiness = { route: 'relay' | 'mailbox'; ok: boolean; problem: string | null };

/** How long an answer about the SMTP server serves /api/ready: a monitor asking every few seconds opens no line each time. */
const PROBE_REUSE_MS = 30_000;
/** A readiness check answers within seconds, whatever the limit of a submission's steps. */
const PROBE_TIMEOUT_MS = 5000;

/**
 * Whether secure sends can go: the mailbox route needs nothing of the bridge; the relay route needs a submission
 * configured and its SMTP server reachable, which is tried as a session opens (connect, greeting, EHLO, TLS)
 * without logging in: a monitor's every question must not be a login at IncaMail.
 */
function incamailReadiness(deps: {
  route: () => 'relay' | 'mailbox';
  routeProblem: () => string | undefined;
  endpoint: () => SmtpEndpoint | undefined;
  timeoutMs: number;
}): () => Promise<IncaMailReadiness> {
  let last: { key: string; at: number; problem: string | null } | undefined;
  return async () => {
    if (deps.route() === 'mailbox') return { route: 'mailbox', ok: true, problem: null };
    const problem = deps.routeProblem();
    if (problem) return { route: 'relay', ok: false, problem };
    const endpoint = deps.endpoint();
    // A test's own transport, with no endpoint to reach.
    if (!endpoint) return { route: 'relay', ok: true, problem: null };
    const key = endpointKey(endpoint);
    if (last?.key !== key || Date.now() - last.at > PROBE_REUSE_MS) {
      const opened = await SmtpSession.open(
        { ...endpoint, auth: undefined },
        Math.min(deps.timeoutMs, PROBE_TIMEOUT_MS),
      );
      if (opened instanceof SmtpSession) opened.close();
      last = {
        key,
        at: Date.now(),
        problem:
          opened instanceof SmtpSession
            ? null
            : `IncaMail's SMTP server ${endpoint.host}:${endpoint.port} cannot be reached: ${'reason' in opened ? opened.reason : opened.kind}`,
      };
    }
    return { route: 'relay', ok: last.problem === null, problem: last.problem };
  };
}
