import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import { setupServer } from 'msw/node';
import { describeAccountingContract } from '../../../../test/support/accounting-contract.js';
import {
  FIXTURE_COMPANY,
  FIXTURE_REMINDER_POLICY,
  FIXTURE_TODAY,
} from '../../../../test/support/accounting-fixture.js';
import { createWinbizStandIn } from '../../../../test/support/winbiz/winbiz-stand-in.js';
import { openDatabase, type Db } from '../../storage/database.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createWinbizConnector } from './winbiz-connector.js';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

let db: Db | undefined;
let dir: string | undefined;
afterEach(() => {
  server.resetHandlers();
  db?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describeAccountingContract('WinBIZ Cloud', async () => {
  const standIn = createWinbizStandIn({ today: FIXTURE_TODAY });
  server.use(...standIn.handlers);
  dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-winbiz-contract-'));
  db = openDatabase(path.join(dir, 'bridge.sqlite'));
  const connector = createWinbizConnector({
    ...standIn.login,
    creditor: FIXTURE_COMPANY,
    reminderPolicy: FIXTURE_REMINDER_POLICY,
    sentRecords: createSentRecords(db, 'winbiz'),
    today: () => FIXTURE_TODAY,
  });
  return { connector, reminders: 'derived' };
});
