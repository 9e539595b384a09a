/**
 * Deeply nested JSON at every route of the whole bridge that reads a body. 40 MB of `[` took the bridge to
 * 5.3 GB and stalled /api/health for 8 s; it must be refused with a readable 4xx, quickly, with nothing
 * sent or changed, while the bridge goes on answering.
 */
import type { FastifyInstance } from 'fastify';
import { ErrorBodySchema } from '../../src/contract/errors';
import { buildApp } from '../../src/server/app';
import { JSON_BODY_LIMIT_BYTES, MAX_JSON_DEPTH } from '../../src/server/http/json-body';
import { SEND_BODY_LIMIT_BYTES } from '../../src/server/sends/send-body-parser';
import { apiRoutes } from '../support/api-routes';
import { testBridgeConfig } from '../support/bridge-config';
import { devAuthHeaders, devToken } from '../support/dev-auth';
import { nestedJson } from '../support/nested-json';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const TOO_DEEP = /^The request body is nested too deeply \(more than 64 levels of arrays and objects\)\.$/;
const FORTY_MB = 40 * 1024 * 1024;

/** A body the route's schema would read, with a value `depth` levels deep (the object itself is level 1). */
function nestedBody(depth: number): string {
  return `{"documentIds":["x"],"x":${nestedJson(depth - 1)}}`;
}

describe('the bridge under deeply nested JSON', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let headers: Record<string, string>;

  beforeEach(async () => {
    sink = await startSmtpSink({ parse: false });
    app = await buildApp({ config: testBridgeConfig(tempDir(), sink.port, { LOG_LEVEL: 'silent' }), logger: false });
    await app.ready();
    headers = {
      authorization: `Bearer ${await devToken(app, 'boss@example.ch', 'admin')}`,
      'content-type': 'application/json',
      'idempotency-key': 'key-nesting-0001',
    };
  });

  afterEach(async () => {
    await app.close();
    await sink.close();
  });

  /** Every route of the API that reads a body: all but GET, from the bridge's own route table. */
  const bodyRoutes = () => apiRoutes(app).filter((route) => route.method !== 'GET');

  function expectRefused(response: { statusCode: number; json: () => unknown }, status: number, what: string) {
    expect(response.statusCode, what).toBe(status);
    const { error } = ErrorBodySchema.parse(response.json());
    expect(error.code, what).toBe(status === 413 ? 'payload_too_large' : 'bad_request');
    if (status === 400) expect(error.message, what).toMatch(TOO_DEEP);
  }

  async function expectNothingChanged(): Promise<void> {
    expect(sink.dataAttempts()).toBe(0);
    expect((await app.inject({ url: '/api/sends', headers })).json().items).toEqual([]);
    expect((await app.inject({ url: '/api/batches', headers })).json().items).toEqual([]);
    expect((await app.inject({ url: '/api/admin/incamail', headers })).json().source).toBe('environment');
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  }

  it(`reads ${MAX_JSON_DEPTH} levels on every route with a body and refuses one more with a readable 400`, async () => {
    const routes = bodyRoutes();
    expect(routes.map((r) => `${r.method} ${r.url}`).sort()).toEqual([
      'DELETE /api/admin/accounting/bexio/connection',
      'DELETE /api/admin/accounting/bexio/token',
      'DELETE /api/admin/accounting/winbiz/password',
      'DELETE /api/admin/incamail',
      'DELETE /api/admin/incamail/route',
      'POST /api/admin/accounting/bexio/connect',
      'POST /api/batches',
      'POST /api/batches/:id/retry',
      'POST /api/batches/preview',
      'POST /api/sends',
      'PUT /api/admin/accounting/bexio/token',
      'PUT /api/admin/accounting/winbiz/password',
      'PUT /api/admin/incamail',
      'PUT /api/admin/incamail/route',
    ]);
    for (const { method, url: pattern } of routes) {
      const url = pattern.replace(':id', 'b-1');
      const what = `${method} ${pattern}`;
      // At the limit the body reaches the route, whose schema or service judges it (never as nesting).
      const atLimit = await app.inject({ method, url, headers, payload: nestedBody(MAX_JSON_DEPTH) });
      expect(atLimit.body, what).not.toMatch(/nested too deeply/);
      const deeper = await app.inject({ method, url, headers, payload: nestedBody(MAX_JSON_DEPTH + 1) });
      expectRefused(deeper, 400, what);
    }
    // DELETE /api/admin/incamail took its body at the limit; put the route back to what the others expect.
    expect((await app.inject({ url: '/api/admin/incamail', headers })).json().source).toBe('environment');
    await expectNothingChanged();
  });

  it('refuses 40 MB of [ to /api/sends, and the most of it every other route reads, on their depth', async () => {
    const started = Date.now();
    expectRefused(
      await app.inject({ method: 'POST', url: '/api/sends', headers, payload: '['.repeat(FORTY_MB) }),
      400,
      'sends',
    );
    for (const { method, url: pattern } of bodyRoutes().filter((r) => r.url !== '/api/sends')) {
      const url = pattern.replace(':id', 'b-1');
      expectRefused(await app.inject({ method, url, headers, payload: '['.repeat(JSON_BODY_LIMIT_BYTES) }), 400, url);
      expectRefused(await app.inject({ method, url, headers, payload: '['.repeat(FORTY_MB) }), 413, url);
    }
    // Before, the send alone took tens of seconds and gigabytes; reading 40 MB and refusing it takes well under one.
    expect(Date.now() - started).toBeLessThan(10_000);
    await expectNothingChanged();
  });

  it('answers two hostile sends at once with readable 4xx over the network, and /api/health meanwhile', async () => {
    const origin = await app.listen({ host: '127.0.0.1', port: 0 });
    const auth = { ...(await devAuthHeaders(origin)), 'content-type': 'application/json' };
    const hostile = (url: string, bytes: number, key: string) =>
      fetch(`${origin}${url}`, {
        method: 'POST',
        headers: { ...auth, 'idempotency-key': key },
        body: '['.repeat(bytes),
        signal: AbortSignal.timeout(20_000),
      }).then(async (response) => ({ status: response.status, body: ErrorBodySchema.parse(await response.json()) }));
    let healthy = 0;
    let polling = true;
    const poll = (async () => {
      while (polling) {
        if ((await fetch(`${origin}/api/health`)).status === 200) healthy++;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const answers = await Promise.all([
      hostile('/api/sends', FORTY_MB, 'key-nesting-0002'),
      hostile('/api/sends', SEND_BODY_LIMIT_BYTES, 'key-nesting-0003'),
      hostile('/api/batches', JSON_BODY_LIMIT_BYTES, 'key-nesting-0004'),
    ]);
    polling = false;
    await poll;
    for (const answer of answers) {
      expect(answer.status).toBe(400);
      expect(answer.body.error.message).toMatch(TOO_DEEP);
    }
    expect(healthy).toBeGreaterThan(0);
    await expectNothingChanged();
  });
});
