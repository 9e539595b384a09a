import { DocumentQuerySchema } from '../../../contract/documents-query.schemas.js';
import {
  FIXTURE_COMPANY,
  FIXTURE_REMINDER_POLICY,
  FIXTURE_TODAY,
} from '../../../../test/support/accounting-fixture.js';
import { startHttpStandIn, type StandIn } from '../../../../test/support/http-stand-in.js';
import { useTempDir } from '../../../../test/support/temp-dir.js';
import { createWinbizStandIn } from '../../../../test/support/winbiz/winbiz-stand-in.js';
import { openDatabase } from '../../storage/database.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createWinbizConnector } from './winbiz-connector.js';
import path from 'node:path';

// The e2e suite and a laptop trial reach the stand-in over real HTTP, as a bridge in another process would.
let http: StandIn | undefined;
afterEach(async () => {
  await http?.close();
});

describe('WinBIZ stand-in over loopback HTTP', () => {
  const tempDir = useTempDir('ledgermail-winbiz-http-');

  it('answers the connector with the same documents as in-process', async () => {
    const standIn = createWinbizStandIn({ today: FIXTURE_TODAY });
    http = await startHttpStandIn(standIn.handlers);
    const db = openDatabase(path.join(tempDir(), 'bridge.sqlite'));
    try {
      const winbiz = createWinbizConnector({
        ...standIn.login,
        apiUrl: http.url,
        creditor: FIXTURE_COMPANY,
        reminderPolicy: FIXTURE_REMINDER_POLICY,
        sentRecords: createSentRecords(db, 'winbiz'),
        today: () => FIXTURE_TODAY,
      });
      await winbiz.ping();
      const page = await winbiz.listDocuments(DocumentQuerySchema.parse({ kind: 'reminder' }));
      expect(page.items.map((r) => r.number).sort()).toEqual([
        'RE-2026-0101-M2',
        'RE-2026-0105-M3',
        'RE-2026-0106-M3',
        'RE-2026-0108-M1',
      ]);
      expect(standIn.requests[0]!.headers['winbiz-companyname']).toBe(standIn.login.companyName);
    } finally {
      db.close();
    }
  });
});
