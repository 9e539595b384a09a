import type { FastifyInstance } from 'fastify';
import type { AccountingConnector } from '../accounting/connector.js';
import type { Config } from '../config.js';
import type { Outbox } from '../sends/outbox.js';
import type { Db } from '../storage/database.js';
import { BatchService } from './batch-service.js';
import { batchesRoutes, type BatchesRoutesOptions } from './batches.routes.js';

export type BatchesSetup = {
  db: Db;
  config: Pick<Config, 'batches'>;
  outbox: Outbox;
  accounting: Pick<AccountingConnector, 'getDocument' | 'getDocumentPdf' | 'getCompany'>;
  callerOf?: BatchesRoutesOptions['callerOf'];
  today: () => string;
};

/**
 * Reminder runs on top of the outbox. Registered after the send path: Fastify runs close hooks in reverse,
 * so the batch sender stops before the outbox and the database it writes to.
 */
export async function registerBatches(app: FastifyInstance, setup: BatchesSetup): Promise<BatchService> {
  const batches = new BatchService({
    db: setup.db,
    outbox: setup.outbox,
    accounting: setup.accounting,
    settings: setup.config.batches,
    log: app.log,
    today: setup.today,
  });
  await app.register(batchesRoutes, { batches, ...(setup.callerOf ? { callerOf: setup.callerOf } : {}) });
  batches.start();
  app.addHook('onClose', () => batches.stop());
  return batches;
}
