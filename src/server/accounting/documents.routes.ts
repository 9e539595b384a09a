import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import {
  type AccountingSource,
  type CustomerList,
  type DocumentCount,
  type DocumentDetail,
  type DocumentPage,
} from '../../contract/documents.schemas.js';
import {
  CustomerQuerySchema,
  DocumentCountQuerySchema,
  DocumentQuerySchema,
} from '../../contract/documents-query.schemas.js';
import { AppError } from '../../contract/errors.js';
import { parseRequest } from '../http/errors.js';
import type { AccountingConnector } from './connector.js';

const IdParamsSchema = z.object({ id: z.string().min(1).max(100) });

function notFound(id: string): AppError {
  return new AppError('not_found', `No document with id "${id}".`);
}

/**
 * `Content-Disposition` with the file name in the customer's language. RFC 6266: a plain ASCII `filename`
 * for old clients, and `filename*` in UTF-8 when the name has characters beyond ASCII.
 */
export function contentDisposition(fileName: string): string {
  const ascii = fileName
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^\x20-\x7e]|["\\]/g, '_');
  if (ascii === fileName) return `attachment; filename="${fileName}"`;
  const encoded = encodeURIComponent(fileName).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encoded}`;
}

/** The documents API over whichever accounting connector the bridge runs with. */
export const documentsRoutes: FastifyPluginAsync<{ connector: AccountingConnector; source: AccountingSource }> = async (
  app,
  { connector, source },
) => {
  app.get('/api/documents', async (request): Promise<DocumentPage> => {
    const query = parseRequest(DocumentQuerySchema, request.query, 'query');
    return { ...(await connector.listDocuments(query)), source };
  });

  // Apart from the list: only the pane's pager needs a total, once per query rather than on every page.
  app.get('/api/documents/count', async (request): Promise<DocumentCount> => {
    const query = parseRequest(DocumentCountQuerySchema, request.query, 'query');
    return connector.countDocuments(query);
  });

  app.get('/api/documents/:id', async (request): Promise<DocumentDetail> => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const document = await connector.getDocument(id);
    if (!document) throw notFound(id);
    return document;
  });

  app.get('/api/documents/:id/pdf', async (request, reply) => {
    const { id } = parseRequest(IdParamsSchema, request.params, 'params');
    const pdf = await connector.getDocumentPdf(id);
    if (!pdf) throw notFound(id);
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', contentDisposition(pdf.fileName))
      .send(pdf.content);
  });

  app.get('/api/customers', async (request): Promise<CustomerList> => {
    const { email } = parseRequest(CustomerQuerySchema, request.query, 'query');
    return { items: await connector.findCustomersByEmail(email) };
  });
};
