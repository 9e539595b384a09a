import { delay, http, HttpResponse, type RequestHandler } from 'msw';
import { FIXTURE_TODAY } from '../accounting-fixture.js';
import { pageRows, search, SearchError } from './bexio-search.js';
import { seedBexioState, type BexioRecord, type BexioState } from './bexio-seed.js';

/**
 * bexio's API as msw handlers over in-memory state seeded from the contract fixture (bexio-seed.ts). The same
 * handlers serve the connector's tests in-process (setupServer) and, through startHttpStandIn, a bridge in
 * another process. Faults are switched on per route; every request is logged, so tests count what the
 * connector asked.
 */
export type StandInFault = {
  method?: string;
  /** The request's path (`/2.0/kb_invoice/3/pdf`), exactly or as a pattern. */
  path: string | RegExp;
  /** How many matching requests get the fault; 1 unless told. */
  times?: number;
  reply:
    | { status: number; body?: unknown; headers?: Record<string, string> }
    | { raw: string; status?: number; contentType?: string }
    | { network: true }
    | { delayMs: number };
};

export type StandInRequest = { method: string; path: string; body: unknown };

// Fields bexio's 2.0 search accepts (docs.bexio.com, "Search contacts", "Search invoices").
const CONTACT_FIELDS = [
  'id',
  'name_1',
  'name_2',
  'nr',
  'address',
  'mail',
  'mail_second',
  'postcode',
  'city',
  'country_id',
  'contact_group_ids',
  'contact_type_id',
  'updated_at',
  'user_id',
  'phone_fixed',
  'phone_mobile',
  'fax',
];
const INVOICE_FIELDS = [
  'id',
  'kb_item_status_id',
  'document_nr',
  'title',
  'contact_id',
  'contact_sub_id',
  'user_id',
  'currency_id',
  'total_gross',
  'total_net',
  'total',
  'is_valid_from',
  'is_valid_to',
  'is_valid_until',
  'updated_at',
];

const error = (status: number, message: string) => HttpResponse.json({ error_code: status, message }, { status });
const notFound = () => error(404, 'The requested resource does not exist.');
const withoutPositions = ({ positions: _positions, ...invoice }: BexioRecord) => invoice;

export function createBexioStandIn(options: { today?: string; baseUrl?: string } = {}) {
  const base = (options.baseUrl ?? '*').replace(/\/+$/, '');
  const state: BexioState = seedBexioState(options.today ?? FIXTURE_TODAY);
  const active: (StandInFault & { left: number })[] = [];
  const requests: StandInRequest[] = [];
  const faults = {
    add(fault: StandInFault) {
      active.push({ ...fault, left: fault.times ?? 1 });
    },
    clear() {
      active.length = 0;
    },
  };

  type Context = {
    request: Request;
    params: Record<string, string | readonly string[] | undefined>;
    body: unknown;
    url: URL;
  };
  type Handle = (context: Context) => Response | Promise<Response>;

  /** Logs, injects faults, checks the bearer token and the scope, then answers. */
  const route = (method: 'get' | 'post', path: string, scope: string | null, handle: Handle) =>
    http[method](`${base}${path}`, async ({ request, params }) => {
      const url = new URL(request.url);
      const body =
        method === 'post' ? await request.text().then((t) => (t ? (JSON.parse(t) as unknown) : undefined)) : undefined;
      requests.push({ method: request.method, path: url.pathname + url.search, body });
      const fault = active.find(
        (f) =>
          f.left > 0 &&
          (!f.method || f.method.toUpperCase() === request.method) &&
          (typeof f.path === 'string' ? f.path === url.pathname : f.path.test(url.pathname)),
      );
      if (fault) {
        fault.left -= 1;
        const reply = fault.reply;
        if ('network' in reply) return HttpResponse.error();
        if ('raw' in reply) {
          return new HttpResponse(reply.raw, {
            status: reply.status ?? 200,
            headers: { 'content-type': reply.contentType ?? 'application/json' },
          });
        }
        if ('delayMs' in reply) await delay(reply.delayMs);
        else
          return HttpResponse.json(reply.body ?? { error_code: reply.status }, {
            status: reply.status,
            ...(reply.headers ? { headers: reply.headers } : {}),
          });
      }
      const token = /^Bearer (.+)$/.exec(request.headers.get('authorization') ?? '')?.[1];
      const scopes = token === undefined ? undefined : state.tokens.get(token);
      if (!scopes) return error(401, 'The access token is invalid or expired.');
      // bexio's wording of a missing scope is not documented; this one names the scope, as bexio's 403 does.
      if (scope && !scopes.has(scope)) return error(403, `The access token is missing the scope ${scope}.`);
      try {
        return await handle({ request, params, body, url });
      } catch (problem) {
        if (problem instanceof SearchError) return error(400, problem.message);
        throw problem;
      }
    });

  const invoiceOf = (params: Context['params']) => state.invoices.find((i) => i.id === Number(params.id));
  const reminderOf = (params: Context['params']) =>
    state.reminders.find((r) => r.id === Number(params.rid) && r.kb_invoice_id === Number(params.id));
  const pdfAnswer = (key: string, name: string) => {
    const content = state.pdfs.get(key);
    if (!content) return notFound();
    return HttpResponse.json({
      name,
      size: content.length,
      mime: 'application/pdf',
      content: content.toString('base64'),
    });
  };
  const slug = (text: unknown) => String(text).toLowerCase();

  const handlers: RequestHandler[] = [
    route('get', '/2.0/contact', 'contact_show', ({ url }) => HttpResponse.json(pageRows(state.contacts, url))),
    route('post', '/2.0/contact/search', 'contact_show', ({ url, body }) =>
      HttpResponse.json(pageRows(search(state.contacts, body, CONTACT_FIELDS), url)),
    ),
    route('get', '/2.0/kb_invoice', 'kb_invoice_show', ({ url }) =>
      HttpResponse.json(pageRows(state.invoices, url).map(withoutPositions)),
    ),
    route('post', '/2.0/kb_invoice/search', 'kb_invoice_show', ({ url, body }) =>
      HttpResponse.json(pageRows(search(state.invoices, body, INVOICE_FIELDS), url).map(withoutPositions)),
    ),
    route('get', '/2.0/kb_invoice/:id', 'kb_invoice_show', ({ params }) => {
      const invoice = invoiceOf(params);
      return invoice ? HttpResponse.json(invoice) : notFound();
    }),
    route('get', '/2.0/kb_invoice/:id/pdf', 'kb_invoice_show', ({ params }) => {
      const invoice = invoiceOf(params);
      return invoice ? pdfAnswer(`inv-${invoice.id}`, `rechnung-${slug(invoice.document_nr)}.pdf`) : notFound();
    }),
    route('get', '/2.0/kb_invoice/:id/kb_reminder', 'kb_invoice_show', ({ params }) =>
      invoiceOf(params)
        ? HttpResponse.json(state.reminders.filter((r) => r.kb_invoice_id === Number(params.id)))
        : notFound(),
    ),
    route('get', '/2.0/kb_invoice/:id/kb_reminder/:rid', 'kb_invoice_show', ({ params }) => {
      const reminder = reminderOf(params);
      return reminder ? HttpResponse.json(reminder) : notFound();
    }),
    route('get', '/2.0/kb_invoice/:id/kb_reminder/:rid/pdf', 'kb_invoice_show', ({ params }) => {
      const reminder = reminderOf(params);
      const invoice = invoiceOf(params);
      return reminder && invoice
        ? pdfAnswer(`rem-${invoice.id}-${reminder.id}`, `zahlungserinnerung-${slug(invoice.document_nr)}.pdf`)
        : notFound();
    }),
    route('post', '/2.0/kb_invoice/:id/mark_as_sent', 'kb_invoice_edit', ({ params }) => {
      const invoice = invoiceOf(params);
      if (!invoice) return notFound();
      // A draft that is marked as sent is issued: bexio moves it to pending.
      if (invoice.kb_item_status_id === 7) invoice.kb_item_status_id = 8;
      state.markedAsSent.push(`inv-${invoice.id}`);
      return HttpResponse.json({ success: true });
    }),
    route('post', '/2.0/kb_invoice/:id/kb_reminder/:rid/mark_as_sent', 'kb_invoice_edit', ({ params }) => {
      const reminder = reminderOf(params);
      if (!reminder) return notFound();
      reminder.is_sent = true;
      state.markedAsSent.push(`rem-${reminder.kb_invoice_id}-${reminder.id}`);
      return HttpResponse.json({ success: true });
    }),
    route('get', '/3.0/currencies', null, () => HttpResponse.json(state.currencies)),
    route('get', '/2.0/language', null, () => HttpResponse.json(state.languages)),
    route('get', '/2.0/country', null, ({ url }) => HttpResponse.json(pageRows(state.countries, url))),
    route('get', '/2.0/company_profile', null, () => HttpResponse.json([state.companyProfile])),
  ];

  return {
    handlers,
    state,
    faults,
    requests,
    /** The bytes bexio serves for a document, by its number (`RE-2026-0108`, `RE-2026-0101-M2`). */
    pdfOf(documentNumber: string): Buffer {
      const reminder = /^(.*)-M(\d)$/.exec(documentNumber);
      const invoice = state.invoices.find((i) => i.document_nr === (reminder ? reminder[1] : documentNumber));
      if (!invoice) throw new Error(`the stand-in has no document ${documentNumber}`);
      const key = reminder
        ? `rem-${invoice.id}-${state.reminders.find((r) => r.kb_invoice_id === invoice.id && r.reminder_level === Number(reminder[2]))!.id}`
        : `inv-${invoice.id}`;
      return state.pdfs.get(key)!;
    },
  };
}

export type BexioStandIn = ReturnType<typeof createBexioStandIn>;
