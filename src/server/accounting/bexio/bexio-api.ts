import type { z } from 'zod';
import { AppError } from '../../../contract/errors.js';
import { toLanguage } from '../../../contract/locale.js';
import { createUpstreamClient, type UpstreamRequest } from '../remote/upstream-client.js';
import type { BexioTokenSource } from './bexio-oauth.js';
import type { BexioLookups } from './bexio-mapping.js';
import {
  BexioCompanyProfileListSchema,
  BexioContactListSchema,
  BexioCountryListSchema,
  BexioCurrencyListSchema,
  BexioErrorSchema,
  BexioFileSchema,
  BexioInvoiceDetailSchema,
  BexioInvoiceListSchema,
  BexioLanguageListSchema,
  BexioReminderListSchema,
  BexioReminderSchema,
  BexioSuccessSchema,
  type BexioContact,
  type BexioInvoice,
  type BexioReminder,
} from './bexio.schemas.js';

/** One condition of bexio's 2.0 search (`POST /2.0/…/search`); conditions of one request are ANDed. */
export type BexioCriterion = {
  field: string;
  value: string | number | (string | number)[];
  criteria: '=' | '!=' | '>' | '<' | '>=' | '<=' | 'like' | 'in' | 'not_in';
};

/** The scope each family of calls needs: named in the message of a 403. */
type Scope = 'contact_show' | 'kb_invoice_show' | 'kb_invoice_edit' | 'general';

export type BexioApiOptions = {
  apiUrl: string;
  tokens: BexioTokenSource;
  timeoutMs?: number;
  budgetMs?: number;
  sleep?: (ms: number) => Promise<void>;
  /** Milliseconds since the epoch; tests move it to expire the caches. */
  now?: () => number;
};

/** bexio answers at most 2000 rows a page (docs.bexio.com, "limit"): fewer requests for big lists. */
export const BEXIO_PAGE_SIZE = 2000;
/** Contacts and reminders change while the pane is open, but not between two pages of one search. */
const SHORT_TTL_MS = 60_000;
/** A reminder list of an unchanged invoice; bexio's limits make asking every overdue invoice each time too dear. */
const REMINDER_TTL_MS = 10 * 60_000;
/** Currencies, languages, countries and the company profile change about never. */
const LONG_TTL_MS = 60 * 60_000;
/** bexio allows about 1000 requests a minute: a reminder listing may ask many invoices, a few at a time. */
export const REMINDER_CONCURRENCY = 6;

export const REFUSED_TOKEN = 'bexio refused the token: reconnect in the admin settings';

/** The admin-facing reason of a 401 or 403, naming the scope a 403 is about. */
export function describeRefusal(status: number, body: unknown, scope: Scope): string {
  if (status === 401) return REFUSED_TOKEN;
  const message = BexioErrorSchema.safeParse(body).data?.message ?? '';
  const named = /\b(kb_[a-z_]+|contact_[a-z_]+|[a-z_]+_(?:show|edit))\b/.exec(message)?.[1];
  if (/scope/i.test(message) || named) return `bexio refused the request: the token lacks scope ${named ?? scope}`;
  return scope === 'general'
    ? "bexio refused LedgerMail's access (HTTP 403): the connected bexio user may lack the rights"
    : `bexio refused LedgerMail's access: the token lacks scope ${scope}, or the connected bexio user the rights to it`;
}

type Cached<T> = { at: number; value: Promise<T> };

export function createBexioApi(options: BexioApiOptions) {
  const now = options.now ?? Date.now;
  let sent = 0;

  async function call<T>(scope: Scope, request: UpstreamRequest<T>, notFound?: 'undefined'): Promise<T | undefined> {
    // The token each attempt carried, so that a 401 refreshes only a token nobody has replaced yet.
    let used: string | undefined;
    const client = createUpstreamClient({
      service: 'bexio',
      baseUrl: options.apiUrl,
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.budgetMs === undefined ? {} : { budgetMs: options.budgetMs }),
      ...(options.sleep ? { sleep: options.sleep } : {}),
      headers: async () => {
        used = await options.tokens.accessToken();
        return { authorization: `Bearer ${used}` };
      },
      onUnauthorized: async () => {
        if (await options.tokens.refresh(used)) return true;
        throw new AppError('accounting_refused', `${REFUSED_TOKEN}.`);
      },
      describeRefusal: (status, body) => describeRefusal(status, body, scope),
    });
    try {
      return notFound ? await client.request({ ...request, notFound }) : await client.request(request);
    } finally {
      sent += client.sent;
    }
  }
  const must = async <T>(scope: Scope, request: UpstreamRequest<T>) => (await call(scope, request)) as T;

  function cached<T>(map: Map<string, Cached<T>>, key: string, ttl: number, load: () => Promise<T>): Promise<T> {
    const hit = map.get(key);
    if (hit && now() - hit.at < ttl) return hit.value;
    const value = load();
    map.set(key, { at: now(), value });
    // A failed load is not kept: the next call asks bexio again.
    value.catch(() => map.delete(key));
    return value;
  }

  /** Every page of a list or search, BEXIO_PAGE_SIZE rows at a time, in bexio's id order. */
  async function allPages<T>(scope: Scope, path: string, schema: z.ZodType<T[]>, criteria?: BexioCriterion[]) {
    const rows: T[] = [];
    for (let offset = 0; ; offset += BEXIO_PAGE_SIZE) {
      const page = await must(scope, {
        method: criteria ? 'POST' : 'GET',
        path: criteria ? `${path}/search` : path,
        query: { limit: BEXIO_PAGE_SIZE, offset, order_by: 'id' },
        ...(criteria ? { json: criteria } : {}),
        schema,
      });
      rows.push(...page);
      if (page.length < BEXIO_PAGE_SIZE) return rows;
    }
  }

  const lists = new Map<string, Cached<Map<number, string>>>();
  const listOf = (path: string, schema: z.ZodType<{ id: number }[]>, code: (row: never) => string) =>
    cached(lists, path, LONG_TTL_MS, async () => {
      const rows = await must('general', { path, query: { limit: BEXIO_PAGE_SIZE }, schema });
      return new Map(rows.map((row) => [row.id, code(row as never)]));
    });

  /** Currencies, languages and countries by id, each list asked once an hour at most. */
  async function lookups(): Promise<BexioLookups> {
    const [currencies, languages, countries] = await Promise.all([
      listOf('/3.0/currencies', BexioCurrencyListSchema, (row: { name: string }) => row.name.toUpperCase()),
      listOf('/2.0/language', BexioLanguageListSchema, (row: { iso_639_1: string }) => row.iso_639_1),
      listOf('/2.0/country', BexioCountryListSchema, (row: { iso3166_alpha2: string }) => row.iso3166_alpha2),
    ]);
    return {
      currencyOf: (id) => currencies.get(id),
      // A contact without a language is written to in German, bexio's own default for Swiss companies.
      languageOf: (id) => (id === null || id === undefined ? 'de' : toLanguage(languages.get(id) ?? 'de')),
      countryOf: (id) => (id === null || id === undefined ? 'CH' : (countries.get(id) ?? 'CH').toUpperCase()),
    };
  }

  const contacts = new Map<number, { at: number; contact: BexioContact }>();
  const remember = (found: BexioContact[]) => {
    for (const contact of found) contacts.set(contact.id, { at: now(), contact });
    return found;
  };

  /** Contacts by id: those seen in the last minute from memory, the others in one search per 1000 ids. */
  async function contactsById(ids: Iterable<number>): Promise<Map<number, BexioContact>> {
    const result = new Map<number, BexioContact>();
    const missing: number[] = [];
    for (const id of new Set(ids)) {
      const hit = contacts.get(id);
      if (hit && now() - hit.at < SHORT_TTL_MS) result.set(id, hit.contact);
      else missing.push(id);
    }
    for (let i = 0; i < missing.length; i += 1000) {
      const chunk = missing.slice(i, i + 1000);
      const found = await allPages('contact_show', '/2.0/contact', BexioContactListSchema, [
        { field: 'id', value: chunk, criteria: 'in' },
      ]);
      for (const contact of remember(found)) result.set(contact.id, contact);
    }
    return result;
  }

  const reminders = new Map<number, Cached<BexioReminder[]> & { version: string }>();

  return {
    get sent() {
      return sent;
    },
    lookups,
    contactsById,
    searchContacts: async (criteria: BexioCriterion[]) =>
      remember(await allPages('contact_show', '/2.0/contact', BexioContactListSchema, criteria)),
    listInvoices: (criteria: BexioCriterion[]): Promise<BexioInvoice[]> =>
      allPages(
        'kb_invoice_show',
        '/2.0/kb_invoice',
        BexioInvoiceListSchema,
        criteria.length > 0 ? criteria : undefined,
      ),
    getInvoice: (id: number) =>
      call('kb_invoice_show', { path: `/2.0/kb_invoice/${id}`, schema: BexioInvoiceDetailSchema }, 'undefined'),
    /**
     * An invoice's reminders. bexio has no list of all reminders, so a reminder listing asks each overdue invoice:
     * kept for ten minutes while bexio's `updated_at` of the invoice stays the same, so that paging and the next
     * listing ask again only the invoices bexio changed.
     */
    remindersOf: (invoice: Pick<BexioInvoice, 'id' | 'updated_at'>) => {
      const hit = reminders.get(invoice.id);
      if (hit && hit.version === (invoice.updated_at ?? '') && now() - hit.at < REMINDER_TTL_MS) return hit.value;
      const value = must('kb_invoice_show', {
        path: `/2.0/kb_invoice/${invoice.id}/kb_reminder`,
        schema: BexioReminderListSchema,
      });
      reminders.set(invoice.id, { at: now(), version: invoice.updated_at ?? '', value });
      value.catch(() => reminders.delete(invoice.id));
      return value;
    },
    getReminder: (invoiceId: number, reminderId: number) =>
      call(
        'kb_invoice_show',
        { path: `/2.0/kb_invoice/${invoiceId}/kb_reminder/${reminderId}`, schema: BexioReminderSchema },
        'undefined',
      ),
    /** The PDF file of an invoice, or of one of its reminders. */
    getPdf: (invoiceId: number, reminderId?: number) =>
      call(
        'kb_invoice_show',
        {
          path: `/2.0/kb_invoice/${invoiceId}${reminderId === undefined ? '' : `/kb_reminder/${reminderId}`}/pdf`,
          schema: BexioFileSchema,
        },
        'undefined',
      ),
    markAsSent: (invoiceId: number, reminderId?: number) =>
      must('kb_invoice_edit', {
        method: 'POST',
        path: `/2.0/kb_invoice/${invoiceId}${reminderId === undefined ? '' : `/kb_reminder/${reminderId}`}/mark_as_sent`,
        schema: BexioSuccessSchema,
      }),
    companyProfile: () => must('general', { path: '/2.0/company_profile', schema: BexioCompanyProfileListSchema }),
    /** Forget what a send changed (the reminders' `is_sent`). */
    forgetReminders: (invoiceId: number) => reminders.delete(invoiceId),
  };
}

export type BexioApi = ReturnType<typeof createBexioApi>;

/** Runs `task` over `items`, at most `limit` at a time, keeping the order of the results. */
export async function mapLimited<T, R>(
  items: readonly T[],
  limit: number,
  task: (item: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
