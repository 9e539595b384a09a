import { setupServer } from 'msw/node';
import { describeAccountingContract } from '../../../../test/support/accounting-contract.js';
import { FIXTURE_TODAY } from '../../../../test/support/accounting-fixture.js';
import { STAND_IN_TOKEN } from '../../../../test/support/bexio/bexio-seed.js';
import { createBexioStandIn } from '../../../../test/support/bexio/bexio-stand-in.js';
import { openDatabase, type Db } from '../../storage/database.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createBexioConnector } from './bexio-connector.js';
import { staticBexioToken } from './bexio-oauth.js';

const API = 'https://api.bexio.example';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: Db | undefined;
afterEach(() => db?.close());

describeAccountingContract('bexio', async () => {
  const standIn = createBexioStandIn({ baseUrl: API });
  server.use(...standIn.handlers);
  db = openDatabase(':memory:');
  return {
    connector: createBexioConnector({
      apiUrl: API,
      tokens: staticBexioToken(STAND_IN_TOKEN),
      sentRecords: createSentRecords(db, 'bexio'),
      today: () => FIXTURE_TODAY,
    }),
    reminders: 'stored',
    // Attaching gives exactly the bytes bexio rendered, not a PDF of LedgerMail's.
    backendPdf: (number) => standIn.pdfOf(number),
  };
});
