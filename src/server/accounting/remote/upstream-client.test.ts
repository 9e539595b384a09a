import { delay, http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { z } from 'zod';
import { AppError } from '../../../contract/errors.js';
import { createUpstreamClient, resetDelayMs, type UpstreamOptions } from './upstream-client.js';

const BASE = 'https://api.accounting.example';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

const ItemSchema = z.object({ id: z.number(), name: z.string() });

function client(options: Partial<UpstreamOptions> = {}) {
  const waits: number[] = [];
  const upstream = createUpstreamClient({
    service: 'bexio',
    baseUrl: `${BASE}/`,
    headers: () => ({ authorization: 'Bearer t0ken' }),
    sleep: async (ms) => {
      waits.push(ms);
    },
    ...options,
  });
  return { upstream, waits };
}

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error('should have failed');
    },
    (error: unknown) => error as AppError,
  );

describe('upstream client', () => {
  it('sends the headers, query and JSON body, and parses the answer', async () => {
    server.use(
      http.post(`${BASE}/2.0/contact/search`, async ({ request }) => {
        expect(request.headers.get('authorization')).toBe('Bearer t0ken');
        expect(request.headers.get('content-type')).toBe('application/json');
        expect(new URL(request.url).searchParams.get('limit')).toBe('5');
        expect(await request.json()).toEqual([{ field: 'mail', value: 'a@b.example', criteria: '=' }]);
        return HttpResponse.json({ id: 1, name: 'Müller', extra: true });
      }),
    );
    const { upstream } = client();
    const answer = await upstream.request({
      path: '/2.0/contact/search',
      query: { limit: 5, offset: undefined },
      json: [{ field: 'mail', value: 'a@b.example', criteria: '=' }],
      schema: ItemSchema,
    });
    expect(answer).toEqual({ id: 1, name: 'Müller' });
    expect(upstream.sent).toBe(1);
  });

  it('resolves a 404 to undefined only where the caller asked for it', async () => {
    server.use(http.get(`${BASE}/item/9`, () => HttpResponse.json({ error: 'not found' }, { status: 404 })));
    const { upstream } = client();
    expect(await upstream.request({ path: '/item/9', schema: ItemSchema, notFound: 'undefined' })).toBeUndefined();
    const error = await failure(upstream.request({ path: '/item/9', schema: ItemSchema }));
    expect(error).toMatchObject({ code: 'accounting_refused', status: 502 });
    expect(error.message).toContain('HTTP 404');
  });

  it('waits out a 429 for the seconds of ratelimit-reset, then asks again', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/item/1`, () => {
        calls += 1;
        return calls === 1
          ? new HttpResponse(null, { status: 429, headers: { 'ratelimit-reset': '3' } })
          : HttpResponse.json({ id: 1, name: 'ok' });
      }),
    );
    const { upstream, waits } = client();
    expect(await upstream.request({ path: '/item/1', schema: ItemSchema })).toEqual({ id: 1, name: 'ok' });
    expect(waits).toEqual([3000]);
    expect(upstream.sent).toBe(2);
  });

  it('gives up on a 429 whose reset lies beyond the budget, without asking again', async () => {
    server.use(
      http.get(`${BASE}/item/1`, () => new HttpResponse(null, { status: 429, headers: { 'ratelimit-reset': '31' } })),
    );
    const { upstream, waits } = client({ budgetMs: 30_000 });
    const error = await failure(upstream.request({ path: '/item/1', schema: ItemSchema }));
    expect(error).toMatchObject({ code: 'rate_limited' });
    expect(error.message).toBe('bexio asks LedgerMail to slow down for 31 s; try again then.');
    expect(waits).toEqual([]);
    expect(upstream.sent).toBe(1);
  });

  it('reads the reset from ratelimit-reset or retry-after, in seconds', () => {
    expect(resetDelayMs(new Headers({ 'ratelimit-reset': '2' }))).toBe(2000);
    expect(resetDelayMs(new Headers({ 'retry-after': '0.5' }))).toBe(500);
    expect(resetDelayMs(new Headers({ 'retry-after': 'Wed, 21 Oct 2026 07:28:00 GMT' }))).toBeUndefined();
    expect(resetDelayMs(new Headers())).toBeUndefined();
  });

  it("turns 401 and 403 into the admin's words, never the backend's body", async () => {
    server.use(
      http.get(`${BASE}/item/1`, () => HttpResponse.json({ message: 'secret internals' }, { status: 401 })),
      http.get(`${BASE}/item/2`, () => HttpResponse.json({ message: 'missing scope' }, { status: 403 })),
    );
    const { upstream } = client({
      describeRefusal: (status) =>
        status === 401 ? 'bexio refused the token: reconnect in the admin settings' : 'the token lacks a scope',
    });
    const revoked = await failure(upstream.request({ path: '/item/1', schema: ItemSchema }));
    expect(revoked).toMatchObject({ code: 'accounting_refused' });
    expect(revoked.message).toBe('bexio refused the token: reconnect in the admin settings.');
    const scope = await failure(upstream.request({ path: '/item/2', schema: ItemSchema }));
    expect(scope.message).toBe('the token lacks a scope.');
    expect(JSON.stringify(scope.toJSON())).not.toContain('internals');
  });

  it('asks once more after a 401 when a fresh token was obtained, and not a second time', async () => {
    let calls = 0;
    server.use(
      http.get(`${BASE}/item/1`, () => {
        calls += 1;
        return new HttpResponse(null, { status: 401 });
      }),
    );
    let refreshes = 0;
    const { upstream } = client({
      onUnauthorized: async () => {
        refreshes += 1;
        return true;
      },
    });
    expect(await failure(upstream.request({ path: '/item/1', schema: ItemSchema }))).toMatchObject({
      code: 'accounting_refused',
    });
    expect(refreshes).toBe(1);
    expect(calls).toBe(2);
  });

  it('reports 5xx, network failures, malformed and unexpected answers as what they are', async () => {
    server.use(
      http.get(`${BASE}/down`, () => new HttpResponse('<html>oops</html>', { status: 503 })),
      http.get(`${BASE}/gone`, () => HttpResponse.error()),
      http.get(
        `${BASE}/garbled`,
        () => new HttpResponse('{"id": 1,', { headers: { 'content-type': 'application/json' } }),
      ),
      http.get(`${BASE}/shape`, () => HttpResponse.json({ id: '1', name: 2 })),
    );
    const { upstream } = client();
    const down = await failure(upstream.request({ path: '/down', schema: ItemSchema }));
    expect(down).toMatchObject({ code: 'accounting_unavailable' });
    expect(down.message).toBe('bexio has a problem of its own (HTTP 503); try again in a minute.');
    expect(await failure(upstream.request({ path: '/gone', schema: ItemSchema }))).toMatchObject({
      code: 'accounting_unavailable',
      message: "bexio cannot be reached; check its address and this bridge's network.",
    });
    for (const path of ['/garbled', '/shape']) {
      expect(await failure(upstream.request({ path, schema: ItemSchema }))).toMatchObject({
        code: 'malformed_response',
        message: 'bexio answered in a form LedgerMail does not understand.',
      });
    }
  });

  it('stops waiting after the timeout', async () => {
    server.use(
      http.get(`${BASE}/slow`, async () => {
        await delay(2_000);
        return HttpResponse.json({ id: 1, name: 'late' });
      }),
    );
    const { upstream } = client({ timeoutMs: 100 });
    const started = Date.now();
    const error = await failure(upstream.request({ path: '/slow', schema: ItemSchema }));
    expect(error).toMatchObject({ code: 'accounting_unavailable', message: expect.stringContaining('did not answer') });
    expect(Date.now() - started).toBeLessThan(1_500);
  });
});
