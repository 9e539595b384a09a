import { DEMO_CREDITOR } from '../accounting/ledger/company.js';
import { generateLedgerData, type LedgerDocument } from '../accounting/ledger/demo-data.js';
import { createBuiltInLedger, seedDemoLedgerIfEmpty } from '../accounting/ledger/ledger.js';
import { openDatabase } from '../storage/database.js';
import { renderDocumentPdf, type DocumentPdfInput } from './document-pdf.js';
import { createPdfPool } from './pdf-pool.js';

const TODAY = '2026-04-15';
const data = generateLedgerData({ referenceDate: TODAY });
const idOf = (d: LedgerDocument) => `${d.kind === 'invoice' ? 'inv' : 'rem'}-${d.rowId}`;

describe('PDF threads', () => {
  const db = openDatabase(':memory:');
  seedDemoLedgerIfEmpty(db, TODAY);
  const pool = createPdfPool({ threads: 2 });
  const inThread = createBuiltInLedger(db, { today: () => TODAY });
  const onThreads = createBuiltInLedger(db, { today: () => TODAY, renderPdf: pool.render });
  afterAll(async () => {
    await pool.close();
    db.close();
  });

  it('draws on its threads, many at once, byte for byte the PDFs this thread draws', async () => {
    const documents = data.documents.slice(0, 24);
    const [threaded, local] = await Promise.all([
      Promise.all(documents.map((d) => onThreads.getDocumentPdf(idOf(d)))),
      Promise.all(documents.map((d) => inThread.getDocumentPdf(idOf(d)))),
    ]);
    for (const [i, document] of documents.entries()) {
      expect(threaded[i]!.fileName).toBe(local[i]!.fileName);
      expect(Buffer.compare(threaded[i]!.content, local[i]!.content), idOf(document)).toBe(0);
    }
  }, 60_000);

  it('refuses a document it cannot draw, and goes on drawing the next', async () => {
    const document = (await inThread.getDocument(idOf(data.documents[0]!)))!;
    const broken = {
      document: { ...document, customer: { ...document.customer, language: 'xx' } },
      creditor: DEMO_CREDITOR,
    };
    await expect(pool.render(broken as unknown as DocumentPdfInput)).rejects.toThrow(/PDF rendering failed/);
    const good = await pool.render({ document, creditor: DEMO_CREDITOR });
    expect(Buffer.compare(good, await renderDocumentPdf({ document, creditor: DEMO_CREDITOR }))).toBe(0);
  });

  it('refuses to draw once closed', async () => {
    const closed = createPdfPool({ threads: 1 });
    const document = (await inThread.getDocument(idOf(data.documents[0]!)))!;
    await closed.render({ document, creditor: DEMO_CREDITOR });
    await closed.close();
    await expect(closed.render({ document, creditor: DEMO_CREDITOR })).rejects.toThrow(/closed/);
  });
});
