import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setupServer } from 'msw/node';
import {
  createWinbizConnector,
  type WinbizConnectorOptions,
} from '../../../src/server/accounting/winbiz/winbiz-connector.js';
import { createSentRecords } from '../../../src/server/accounting/remote/sent-records.js';
import { openDatabase, type Db } from '../../../src/server/storage/database.js';
import { FIXTURE_COMPANY, FIXTURE_REMINDER_POLICY, FIXTURE_TODAY } from '../accounting-fixture.js';
import { createWinbizStandIn, type WinbizStandIn, type WinbizStandInOptions } from './winbiz-stand-in.js';

/**
 * One WinBIZ stand-in per test behind msw (unhandled requests fail the test), and connectors over it with a
 * real SQLite file for the sent records. Call inside a test file's top level.
 */
export function setupWinbiz() {
  const server = setupServer();
  const databases: { db: Db; dir: string }[] = [];
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    for (const { db, dir } of databases.splice(0)) {
      db.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
  afterAll(() => server.close());

  function standIn(options: WinbizStandInOptions = {}): WinbizStandIn {
    const created = createWinbizStandIn({ today: FIXTURE_TODAY, ...options });
    server.use(...created.handlers);
    return created;
  }

  function connector(stand: WinbizStandIn, options: Partial<WinbizConnectorOptions> = {}) {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-winbiz-'));
    const db = openDatabase(path.join(dir, 'bridge.sqlite'));
    databases.push({ db, dir });
    return createWinbizConnector({
      ...stand.login,
      creditor: FIXTURE_COMPANY,
      reminderPolicy: FIXTURE_REMINDER_POLICY,
      sentRecords: createSentRecords(db, 'winbiz'),
      today: () => FIXTURE_TODAY,
      sleep: async () => undefined,
      ...options,
    });
  }

  return { standIn, connector };
}
