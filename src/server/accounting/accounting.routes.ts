import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { AccountingSource } from '../../contract/documents.schemas.js';
import { AppError } from '../../contract/errors.js';
import type { AuditLog } from '../audit/audit-log.js';
import { requireAdmin } from '../auth/auth.plugin.js';
import { escapeHtml } from '../../contract/reminder-message.js';
import { BEXIO_CALLBACK_ROUTE } from '../http/api-routes.js';
import { parseRequest } from '../http/errors.js';
import type { BexioBackend, BexioCredentialView } from './bexio/bexio-backend.js';
import type { WinbizBackend, WinbizCredentialView } from './winbiz/winbiz-backend.js';

const TokenBodySchema = z.strictObject({ token: z.string().trim().min(20).max(4000) });
const PasswordBodySchema = z.strictObject({ password: z.string().min(1).max(500) });
const CallbackQuerySchema = z.object({
  code: z.string().min(1).max(4000).optional(),
  state: z.string().min(1).max(200),
  error: z.string().max(200).optional(),
});

export type AccountingView = {
  backend: AccountingSource['backend'];
  bexio: BexioCredentialView | null;
  winbiz: WinbizCredentialView | null;
};

function page(title: string, text: string): string {
  return `<!doctype html><html lang="en"><meta charset="utf-8"><title>${escapeHtml(title)}</title><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(text)}</p></body></html>`;
}

/**
 * The admin's side of the accounting backend: which one the bridge reads, and for bexio the credential it
 * uses: a personal access token stored sealed, or the company's OAuth connection. Tokens are never answered.
 */
export const accountingRoutes: FastifyPluginAsync<{
  source: AccountingSource;
  bexio: BexioBackend | undefined;
  winbiz: WinbizBackend | undefined;
  audit: AuditLog;
}> = async (app, { source, bexio, winbiz, audit }) => {
  const view = (): AccountingView => ({
    backend: source.backend,
    bexio: bexio?.describe() ?? null,
    winbiz: winbiz?.describe() ?? null,
  });
  const requireWinbiz = () => {
    if (!winbiz) throw new AppError('conflict', `This bridge reads ${source.backend}, not WinBIZ (ACCOUNTING).`);
    return winbiz;
  };
  const requireBexio = () => {
    if (!bexio) throw new AppError('conflict', `This bridge reads ${source.backend}, not bexio (ACCOUNTING).`);
    return bexio;
  };
  const requireOAuth = () => {
    const { oauth } = requireBexio();
    if (!oauth) {
      throw new AppError(
        'conflict',
        'Set BEXIO_CLIENT_ID, BEXIO_CLIENT_SECRET and BEXIO_REDIRECT_URI to connect by OAuth.',
      );
    }
    return oauth;
  };
  // Who started each connection, to name them in the audit log when bexio sends the browser back.
  const startedBy = new Map<string, string>();

  app.get('/api/admin/accounting', async (request) => {
    requireAdmin(request);
    return view();
  });

  app.put('/api/admin/accounting/bexio/token', async (request) => {
    const admin = requireAdmin(request);
    const { token } = parseRequest(TokenBodySchema, request.body, 'body');
    requireBexio().storeToken(token, admin.email);
    return view();
  });

  app.delete('/api/admin/accounting/bexio/token', async (request) => {
    requireAdmin(request);
    requireBexio().clearToken();
    return view();
  });

  // The WinBIZ Cloud user's password changes more often than a deployment: an admin rotates it here.
  app.put('/api/admin/accounting/winbiz/password', async (request) => {
    const admin = requireAdmin(request);
    const { password } = parseRequest(PasswordBodySchema, request.body, 'body');
    requireWinbiz().storePassword(password, admin.email);
    return view();
  });

  app.delete('/api/admin/accounting/winbiz/password', async (request) => {
    requireAdmin(request);
    requireWinbiz().clearPassword();
    return view();
  });

  app.post('/api/admin/accounting/bexio/connect', async (request) => {
    const admin = requireAdmin(request);
    const { authorizeUrl, state } = requireOAuth().startAuthorization();
    startedBy.set(state, admin.email);
    return { authorizeUrl };
  });

  app.delete('/api/admin/accounting/bexio/connection', async (request) => {
    requireAdmin(request);
    requireOAuth().disconnect();
    return view();
  });

  app.get(BEXIO_CALLBACK_ROUTE, async (request, reply) => {
    const query = parseRequest(CallbackQuerySchema, request.query, 'query');
    const by = startedBy.get(query.state);
    startedBy.delete(query.state);
    reply.type('text/html; charset=utf-8');
    if (query.error || !query.code || !by) {
      reply.code(400);
      return page('bexio was not connected', 'Start connecting again from the admin settings of LedgerMail.');
    }
    try {
      await requireOAuth().completeAuthorization({ code: query.code, state: query.state }, by);
    } catch (error) {
      audit.record({
        actorId: null,
        actorEmail: by,
        action: 'bexio connection',
        target: null,
        result: 'refused',
        details: { reason: error instanceof AppError ? error.message : 'unexpected' },
      });
      reply.code(error instanceof AppError ? 502 : 500);
      return page(
        'bexio was not connected',
        error instanceof AppError ? error.message : 'An unexpected error occurred.',
      );
    }
    audit.record({
      actorId: null,
      actorEmail: by,
      action: 'bexio connection',
      target: null,
      result: 'connected',
      details: {},
    });
    return page('bexio is connected', 'LedgerMail now reads your invoices from bexio. You can close this window.');
  });
};
