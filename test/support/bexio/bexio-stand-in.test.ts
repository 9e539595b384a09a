import { createBexioConnector } from '../../../src/server/accounting/bexio/bexio-connector.js';
import { staticBexioToken } from '../../../src/server/accounting/bexio/bexio-oauth.js';
import { createSentRecords } from '../../../src/server/accounting/remote/sent-records.js';
import { DocumentQuerySchema } from '../../../src/contract/documents-query.schemas.js';
import { openDatabase } from '../../../src/server/storage/database.js';
import { FIXTURE_TODAY } from '../accounting-fixture.js';
import { startHttpStandIn } from '../http-stand-in.js';
import { STAND_IN_TOKEN } from './bexio-seed.js';
import { createBexioStandIn } from './bexio-stand-in.js';

describe('bexio stand-in over loopback HTTP', () => {
  it('serves the connector as bexio would: the recipients’ invoices, a PDF, mark_as_sent', async () => {
    const standIn = createBexioStandIn();
    const http = await startHttpStandIn(standIn.handlers);
    const db = openDatabase(':memory:');
    try {
      const connector = createBexioConnector({
        apiUrl: http.url,
        tokens: staticBexioToken(STAND_IN_TOKEN),
        sentRecords: createSentRecords(db, 'bexio'),
        today: () => FIXTURE_TODAY,
      });
      await connector.ping();
      const page = await connector.listDocuments(
        DocumentQuerySchema.parse({ kind: 'invoice', customerEmail: 'compta@atelier-dubois.example' }),
      );
      expect(page.items.map((i) => i.number)).toEqual(['RE-2026-0107', 'RE-2026-0106']);
      const pdf = await connector.getDocumentPdf(page.items[1]!.id);
      expect(pdf!.content.equals(standIn.pdfOf('RE-2026-0106'))).toBe(true);
      await connector.recordSent({
        documentIds: [page.items[1]!.id],
        mode: 'confidential',
        sentAt: `${FIXTURE_TODAY}T10:00:00.000Z`,
        sentBy: 'anna@sonnenberg-holzbau.example',
        sendId: 'snd-http',
      });
      expect(standIn.state.markedAsSent).toEqual([page.items[1]!.id]);
      // A token the stand-in does not know is refused as bexio refuses it.
      const stranger = createBexioConnector({
        apiUrl: http.url,
        tokens: staticBexioToken('nope'),
        sentRecords: createSentRecords(db, 'bexio'),
        today: () => FIXTURE_TODAY,
      });
      await expect(stranger.ping()).rejects.toMatchObject({ code: 'accounting_refused' });
    } finally {
      db.close();
      await http.close();
    }
  });
});
