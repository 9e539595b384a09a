import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import fc from 'fast-check';
import { startBatchBridge, TEMPLATES } from '../../../test/support/batch-bridge';
import { startSmtpSink, type SmtpSink } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';

const SEED = 20261128;
const RUNS = 40;

const hostileString = fc.oneof(
  fc.string(),
  fc.constantFrom(
    '',
    '\r\nBcc: victim@example.org',
    '../../etc/passwd',
    '{customerName',
    '{__proto__}',
    'rem-1',
    'inv-1',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
);

/** Random and hostile input at the batch routes: always a readable 4xx (or a 2xx), never a 5xx, never a send. */
describe('batch routes under hostile input', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  let sink: SmtpSink | undefined;
  afterEach(async () => {
    await app?.close();
    await sink?.close();
    app = sink = undefined;
  });

  function expectNoServerError(response: LightMyRequestResponse, what: string) {
    expect(response.statusCode, `${what}: ${response.body.slice(0, 300)}`).toBeLessThan(500);
    if (response.statusCode >= 400) {
      const body = response.json() as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.message, what).toBe('string');
    }
  }

  it('answers malformed batch requests and unknown ids with a 4xx', async () => {
    sink = await startSmtpSink();
    app = await startBatchBridge(tempDir(), sink.port);
    const bridge = app;
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            documentIds: fc.oneof(fc.array(hostileString, { maxLength: 3 }), hostileValue),
            modeByLevel: fc.oneof(fc.dictionary(fc.constantFrom('1', '2', '3', 'x'), hostileValue), hostileValue),
            templates: fc.oneof(
              fc.constant(TEMPLATES),
              fc.dictionary(
                fc.constantFrom('de', 'fr', 'it', 'en', 'xx'),
                fc.record({ subject: hostileValue, html: hostileValue }),
              ),
              hostileValue,
            ),
          },
          { requiredKeys: [] },
        ),
        fc.constantFrom('/api/batches/preview', '/api/batches'),
        async (body, url) => {
          const response = await bridge.inject({
            method: 'POST',
            url,
            headers: { 'content-type': 'application/json', 'idempotency-key': 'fuzz' },
            payload: JSON.stringify(body),
          });
          expectNoServerError(response, `POST ${url}`);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    await fc.assert(
      fc.asyncProperty(hostileString, fc.constantFrom('GET', 'POST'), async (id, method) => {
        const url = `/api/batches/${encodeURIComponent(id.slice(0, 300)) || 'x'}${method === 'POST' ? '/retry' : ''}`;
        expectNoServerError(await bridge.inject({ method, url }), `${method} ${url}`);
      }),
      { seed: SEED, numRuns: RUNS },
    );
    for (const query of ['limit=0', 'limit=abc', 'limit=1000', 'x=1']) {
      expect((await bridge.inject({ url: `/api/batches?${query}` })).statusCode, query).toBe(400);
    }
    // Nothing valid was asked for, so nothing went out.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink.dataAttempts()).toBe(0);
  });
});
