import { http, HttpResponse, type HttpHandler } from 'msw';
import {
  CustomerQuerySchema,
  DocumentQuerySchema,
  type DocumentPage,
  type DocumentQuery,
  type DocumentSummary,
} from '../../src/contract/documents.schemas';
import { AppError, issuesToDetails } from '../../src/contract/errors';
import { shiftDate, fixtureFileName, type BridgeFixtures } from './bridge-fixtures';
import { renderFixturePdf } from './pdf-fixture';

/**
 * msw handlers for the bridge API (`/api/documents`, `/api/customers`, `/api/health`), answering from
 * fixtures the way the contract describes: query strings are parsed with the contract's own schemas (so a
 * client sending a wrong query gets the bridge's 400), pages are cut with an opaque cursor, PDFs are real.
 * `base` is the origin the client under test talks to.
 */
export type BridgeHandlerOptions = {
  base?: string;
  /** Overrides the PDF of a document id (size-limit tests); other ids get a small rendered PDF. */
  pdfs?: Map<string, Uint8Array>;
};

export const TEST_BRIDGE_ORIGIN = 'http://bridge.test';

export function createBridgeHandlers(fixtures: BridgeFixtures, options: BridgeHandlerOptions = {}): HttpHandler[] {
  const base = options.base ?? TEST_BRIDGE_ORIGIN;
  const pdfCache = new Map<string, Uint8Array>(options.pdfs);

  return [
    http.get(`${base}/api/health`, () => HttpResponse.json({ status: 'ok', version: '0.0.0-test' })),

    http.get(`${base}/api/documents`, ({ request }) => {
      const parsed = DocumentQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success)
        return errorResponse(new AppError('bad_request', 'Invalid query.', { details: issuesToDetails(parsed.error) }));
      return HttpResponse.json(pageOf(fixtures, parsed.data));
    }),

    http.get(`${base}/api/documents/:id`, ({ params }) => {
      const document = fixtures.documents.find((d) => d.id === params.id);
      if (!document) return errorResponse(new AppError('not_found', `No document ${String(params.id)}.`));
      const owner = fixtures.customers.find((c) => c.id === document.customer.id)!;
      return HttpResponse.json({
        ...document,
        lines: [
          { description: 'Services', quantity: 1, unitPrice: document.total, vatRate: 8.1, amount: document.total },
        ],
        customerAddress: owner.address,
        paymentReference: '210000000003139471430009017',
      });
    }),

    http.get(`${base}/api/documents/:id/pdf`, async ({ params }) => {
      const document = fixtures.documents.find((d) => d.id === params.id);
      if (!document) return errorResponse(new AppError('not_found', `No document ${String(params.id)}.`));
      let bytes = pdfCache.get(document.id);
      if (!bytes) {
        bytes = await renderFixturePdf(fixtureFileName(document), [document.customer.name, document.number]);
        pdfCache.set(document.id, bytes);
      }
      const fileName = fixtureFileName(document);
      return new HttpResponse(bytes.slice().buffer, {
        headers: {
          'content-type': 'application/pdf',
          'content-disposition': `attachment; filename="${fileName.replace(/[^\x20-\x7e]/g, '_')}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        },
      });
    }),

    http.get(`${base}/api/customers`, ({ request }) => {
      const parsed = CustomerQuerySchema.safeParse(Object.fromEntries(new URL(request.url).searchParams));
      if (!parsed.success)
        return errorResponse(new AppError('bad_request', 'Invalid query.', { details: issuesToDetails(parsed.error) }));
      const wanted = new Set(parsed.data.email.map((e) => e.toLowerCase()));
      const items = fixtures.customers.filter((c) => c.emails.some((e) => wanted.has(e.toLowerCase())));
      return HttpResponse.json({ items });
    }),
  ];
}

export function errorResponse(error: AppError): HttpResponse<ReturnType<AppError['toJSON']>> {
  return HttpResponse.json(error.toJSON(), { status: error.status });
}

/** Filters and pages like a connector: newest issue date first, cursor = offset of the next page. */
export function pageOf(fixtures: BridgeFixtures, query: DocumentQuery): DocumentPage {
  const q = query.q?.toLowerCase();
  const emails = query.customerEmail?.map((e) => e.toLowerCase());
  const dueBefore = query.overdueDays === undefined ? undefined : shiftDate(fixtures.today, -query.overdueDays);
  const matches = (d: DocumentSummary): boolean => {
    const owner = fixtures.customers.find((c) => c.id === d.customer.id);
    return (
      (!query.kind || d.kind === query.kind) &&
      (!q || d.number.toLowerCase().includes(q) || d.customer.name.toLowerCase().includes(q)) &&
      (!query.status || query.status.includes(d.status)) &&
      (!emails || (owner?.emails ?? []).some((e) => emails.includes(e.toLowerCase()))) &&
      (!query.customerId || d.customer.id === query.customerId) &&
      (!query.level || (d.level !== null && query.level.includes(d.level))) &&
      (!dueBefore || (d.openAmount > 0 && d.dueDate < dueBefore)) &&
      (query.notSent === undefined || !query.notSent || d.lastSent === null)
    );
  };
  const all = fixtures.documents
    .filter(matches)
    .sort((a, b) => b.issueDate.localeCompare(a.issueDate) || b.number.localeCompare(a.number));
  const offset = query.cursor ? Number(query.cursor) : 0;
  const items = all.slice(offset, offset + query.limit);
  const next = offset + query.limit;
  return { items, nextCursor: next < all.length ? String(next) : null };
}
