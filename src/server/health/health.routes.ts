import type { FastifyPluginAsync } from 'fastify';
import type { AccountingSource } from '../../contract/documents.schemas.js';
import type { Health, Readiness } from '../../contract/health.schemas.js';
import type { Db } from '../storage/database.js';

export type HealthOptions = {
  version: string;
  db: Db;
  accounting: { source: AccountingSource; ping(): Promise<void> };
  /** Whether secure sends can go (sends.plugin.ts). */
  incamail: () => Promise<Readiness['checks']['incamail']>;
};

/** The problem of a failed check in the words its error carries (an AppError's message is written for admins). */
const problemOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * `/api/health`: the process answers. `/api/ready`: it can do its work: the database answers, the accounting
 * backend accepts the bridge's credentials, and secure sends have a way to IncaMail (the relay's SMTP server
 * answers, or the mailbox route needs none). A load balancer or an admin's monitoring asks the second one.
 */
export const healthRoutes: FastifyPluginAsync<HealthOptions> = async (app, options) => {
  app.get('/api/health', async (): Promise<Health> => ({ status: 'ok', version: options.version }));

  app.get('/api/ready', async (_request, reply): Promise<Readiness> => {
    let database: Readiness['checks']['database'];
    try {
      options.db.prepare('SELECT 1').get();
      database = { ok: true, problem: null };
    } catch (error) {
      database = { ok: false, problem: problemOf(error) };
    }
    const { backend } = options.accounting.source;
    let accounting: Readiness['checks']['accounting'];
    try {
      await options.accounting.ping();
      accounting = { backend, ok: true, problem: null };
    } catch (error) {
      app.log.warn({ err: error }, 'readiness: the accounting backend does not answer');
      accounting = { backend, ok: false, problem: problemOf(error) };
    }
    const incamail = await options.incamail();
    if (!incamail.ok) app.log.warn(`readiness: ${incamail.problem}`);
    const ready = database.ok && accounting.ok && incamail.ok;
    reply.code(ready ? 200 : 503);
    return { status: ready ? 'ready' : 'not_ready', checks: { database, accounting, incamail } };
  });
};
