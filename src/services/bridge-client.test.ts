import { http, HttpResponse } from 'msw';
import { bridgeBehindMsw, PANE_BRIDGE_ORIGIN } from '../../test/support/pane-bridge';
import { renderFixturePdf } from '../../test/support/pdf-fixture';
import { AppError } from '../contract/errors';
import { toDocumentSearchParams } from './bridge-client';
import { fileNameFromDisposition } from './pdf-response';
import { createSignedInBridgeClient } from './signed-in-bridge';

// The client against the real bridge (in-process, over its own SQLite file); msw only puts faults in front.
const { server } = bridgeBehindMsw({ extraInvoices: 120 });

const client = (timeoutMs = 2000) =>
  createSignedInBridgeClient({ baseUrl: PANE_BRIDGE_ORIGIN, timeoutMs, userEmail: () => 'anna.keller@example.ch' });
const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('should have failed');
    },
    (e: unknown) => e,
  );

describe('bridge client: documents', () => {
  it('sends filters as the contract parses them and pages with the cursor', async () => {
    const documents = client();
    const first = await documents.listDocuments({ kind: 'invoice', status: ['open', 'overdue'], limit: 40 });
    expect(first.items).toHaveLength(40);
    expect(first.items.every((d) => d.status === 'open' || d.status === 'overdue')).toBe(true);
    const second = await documents.listDocuments({
      kind: 'invoice',
      status: ['open', 'overdue'],
      limit: 40,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((d) => d.id)).not.toContain(first.items[0]!.id);
  });

  it('counts what a query matches over all its pages', async () => {
    const documents = client();
    const query = { kind: 'invoice', status: ['open', 'overdue'] } as const;
    let listed = 0;
    let cursor: string | undefined;
    do {
      const page = await documents.listDocuments({ ...query, limit: 50, ...(cursor ? { cursor } : {}) });
      listed += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(listed).toBeGreaterThan(50);
    expect(await documents.countDocuments(query)).toEqual({ count: listed, exact: true });
  });

  it('refuses a count that is not one', async () => {
    server.use(http.get(`${PANE_BRIDGE_ORIGIN}/api/documents/count`, () => HttpResponse.json({ count: -1 })));
    expect(await failure(client().countDocuments({}))).toMatchObject({ code: 'malformed_response' });
  });

  it('asks for several recipients and reminder levels at once', async () => {
    const page = await client().listDocuments({
      customerEmail: ['compta@favre-horlogerie.ch', 'amministrazione@ticinovini.ch'],
      kind: 'reminder',
      level: [2, 3],
    });
    expect(page.items.map((d) => d.number)).toEqual(['M-2026-0002']);
  });

  it('leaves out empty values and joins lists with commas', () => {
    expect(toDocumentSearchParams({ q: '', status: [], level: [1, 2], notSent: false }).toString()).toBe(
      'level=1%2C2&notSent=false',
    );
  });

  it('finds customers by e-mail, and asks nothing for no address', async () => {
    const customers = client();
    expect((await customers.findCustomers(['COMPTA@favre-horlogerie.ch'])).map((c) => c.name)).toEqual([
      'Horlogerie Favre SA',
    ]);
    expect(await customers.findCustomers([])).toEqual([]);
  });

  it("reads the PDF's bytes and its file name in the customer's language", async () => {
    const pdf = await client().getDocumentPdf('inv-46');
    expect(pdf.fileName).toBe('Fattura-2026-0046.pdf');
    expect(Buffer.from(pdf.bytes.subarray(0, 5)).toString()).toBe('%PDF-');
  });

  it('reports not found with the bridge’s code and message', async () => {
    const error = await failure(client().getDocumentPdf('nope'));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'not_found', message: 'No document with id "nope".' });
  });

  it('refuses an answer that is not a PDF', async () => {
    server.use(
      http.get(
        `${PANE_BRIDGE_ORIGIN}/api/documents/:id/pdf`,
        () => new HttpResponse('<html>login</html>', { headers: { 'content-type': 'application/pdf' } }),
      ),
    );
    expect(await failure(client().getDocumentPdf('inv-42'))).toMatchObject({ code: 'malformed_response' });
    server.use(http.get(`${PANE_BRIDGE_ORIGIN}/api/documents/:id/pdf`, () => HttpResponse.text('hello')));
    expect(await failure(client().getDocumentPdf('inv-42'))).toMatchObject({ code: 'malformed_response' });
  });

  it('gives up after its timeout', async () => {
    const pdf = await renderFixturePdf('late');
    server.use(
      http.get(`${PANE_BRIDGE_ORIGIN}/api/documents/:id/pdf`, async () => {
        await new Promise((resolve) => setTimeout(resolve, 500));
        return new HttpResponse(pdf.slice().buffer, { headers: { 'content-type': 'application/pdf' } });
      }),
    );
    expect(await failure(client(100).getDocumentPdf('inv-42'))).toMatchObject({ code: 'timeout' });
  });

  it('reports a 5xx without a body as the bridge being unavailable', async () => {
    server.use(http.get(`${PANE_BRIDGE_ORIGIN}/api/documents/:id`, () => new HttpResponse(null, { status: 503 })));
    expect(await failure(client().getDocument('inv-42'))).toMatchObject({ code: 'bridge_unreachable' });
  });

  it('parses the detail of a document', async () => {
    const detail = await client().getDocument('inv-42');
    expect(detail).toMatchObject({ number: '2026-0042', customerAddress: { town: 'Bern' } });
  });
});

describe('Content-Disposition file names', () => {
  it.each([
    [`attachment; filename="Rechnung 2026-0042.pdf"`, 'Rechnung 2026-0042.pdf'],
    [`attachment; filename="Facture_2026.pdf"; filename*=UTF-8''Facture%20%C3%A9t%C3%A9.pdf`, 'Facture été.pdf'],
    [`attachment; filename=plain.pdf`, 'plain.pdf'],
    [`attachment; filename="..\\\\..\\\\evil.pdf"`, 'evil.pdf'],
    [`attachment; filename*=UTF-8''%E0%A4%A.pdf; filename="fallback.pdf"`, 'fallback.pdf'],
    [`attachment`, null],
    [null, null],
  ])('%s → %s', (header, expected) => {
    expect(fileNameFromDisposition(header)).toBe(expected);
  });
});
