/**
 * Random and hostile input at every route of the bridge: wrong types, huge strings, CR/LF header injection,
 * path traversal, invalid base64. The bridge must answer 4xx with a readable message, never 5xx, never crash,
 * and never let a line break reach an SMTP header. Fixed seed and bounded runs, so the suite is repeatable.
 */
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { buildApp } from '../../src/server/app';
import { testBridgeConfig } from '../support/outlook-draft';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const SEED = 20261127;
const RUNS = 60;

const hostileString = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.constantFrom(
    '',
    ' ',
    '\r\nBcc: victim@example.org',
    'x\nSubject: injected',
    '../../etc/passwd',
    '..\\..\\windows\\win.ini',
    '%0d%0aBcc:%20a@b.c',
    '<script>alert(1)</script>',
    "' OR 1=1 --",
    '\u0000',
    '😀'.repeat(50),
    'a'.repeat(100_000),
    '-1',
    '1e309',
    'NaN',
    '{}',
    '[]',
  ),
);
const hostileValue = fc.oneof(
  hostileString,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(hostileString, { maxLength: 3 }),
  fc.dictionary(hostileString, hostileString, { maxKeys: 3 }),
);

describe('the bridge under hostile input', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let auth: Record<string, string>;

  beforeEach(async () => {
    sink = await startSmtpSink({ parse: true });
    const config = testBridgeConfig(tempDir(), sink.port, { LOG_LEVEL: 'silent' });
    app = await buildApp({ config, logger: false });
    await app.ready();
    const token = await app.inject('/api/dev/token?email=anna.keller@example.ch');
    auth = token.statusCode === 200 ? { authorization: `Bearer ${token.json().token as string}` } : {};
  });

  afterEach(async () => {
    await app.close();
    await sink.close();
  });

  function expectClientError(response: { statusCode: number; json: () => unknown }, what: string): void {
    if (response.statusCode >= 500)
      throw new Error(`${what} answered ${response.statusCode}: ${JSON.stringify(response.json())}`);
    if (response.statusCode >= 400) {
      const body = response.json() as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.code, what).toBe('string');
      expect(typeof body.error?.message, what).toBe('string');
      expect(String(body.error?.message), what).not.toMatch(/ at .+\.(ts|js):\d+/);
    }
  }

  it('answers every GET route with a 2xx or a readable 4xx', async () => {
    const routes = [
      '/api/documents',
      '/api/documents/ID',
      '/api/documents/ID/pdf',
      '/api/customers',
      '/api/sends',
      '/api/sends/ID',
      '/api/policy',
      '/api/me',
      '/api/sandbox/messages',
      '/api/admin/audit',
      '/api/dev/token',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        hostileString,
        fc.dictionary(
          fc.constantFrom(
            'kind',
            'q',
            'status',
            'customerEmail',
            'level',
            'overdueDays',
            'limit',
            'cursor',
            'email',
            'wait',
            'before',
            'notSent',
            'role',
            'x',
          ),
          hostileString,
          { maxKeys: 4 },
        ),
        async (route, id, query) => {
          const url = `${route.replace('ID', encodeURIComponent(id.slice(0, 2000)))}?${new URLSearchParams(query as Record<string, string>)}`;
          const response = await app.inject({ method: 'GET', url, headers: auth });
          expectClientError(response, `GET ${url.slice(0, 200)}`);
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('answers malformed send requests with a readable 4xx, never a 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.record(
          {
            mode: fc.oneof(fc.constantFrom('registered', 'confidential', 'personal'), hostileValue),
            from: fc.oneof(fc.constant('anna.keller@example.ch'), hostileValue),
            to: fc.oneof(fc.array(fc.oneof(fc.emailAddress(), hostileString), { maxLength: 3 }), hostileValue),
            subject: hostileValue,
            html: hostileValue,
            attachments: fc.oneof(
              fc.array(fc.record({ name: hostileString, contentType: hostileString, contentBase64: hostileString }), {
                maxLength: 2,
              }),
              hostileValue,
            ),
            documentIds: fc.oneof(fc.array(hostileString, { maxLength: 2 }), hostileValue),
          },
          { requiredKeys: [] },
        ),
        fc.oneof(fc.constant('key-0001-fuzz'), hostileString),
        async (body, key) => {
          const response = await app.inject({
            method: 'POST',
            url: '/api/sends',
            headers: {
              ...auth,
              'content-type': 'application/json',
              'idempotency-key': key.replace(/[^\x21-\x7e]/g, '') || 'k',
            },
            payload: JSON.stringify(body),
          });
          expectClientError(response, 'POST /api/sends');
        },
      ),
      { seed: SEED, numRuns: RUNS },
    );
    // Invalid JSON and wrong content types, too.
    for (const payload of ['{', 'null', '[]', '"text"', '{"mode":']) {
      const response = await app.inject({
        method: 'POST',
        url: '/api/sends',
        headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': 'key-0002-fuzz' },
        payload,
      });
      expect(response.statusCode, payload).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, payload).toBeLessThan(500);
    }
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });

  it('never lets a line break reach an SMTP header', async () => {
    const injections = ['Invoice\r\nBcc: victim@example.org', 'Invoice\nX-Evil: 1', 'Invoice\rX-Evil: 1'];
    for (const [i, subject] of injections.entries()) {
      for (const field of ['subject', 'to', 'name'] as const) {
        const body = {
          mode: 'registered',
          from: 'anna.keller@example.ch',
          to: [field === 'to' ? `max@example.org${subject.slice(7)}` : 'max@example.org'],
          subject: field === 'subject' ? subject : 'Invoice',
          html: '<p>Hello</p>',
          attachments: [
            {
              name: field === 'name' ? `${subject}.pdf` : 'a.pdf',
              contentType: 'application/pdf',
              contentBase64: 'JVBERi0=',
            },
          ],
        };
        const response = await app.inject({
          method: 'POST',
          url: '/api/sends',
          headers: { ...auth, 'content-type': 'application/json', 'idempotency-key': `key-injection-${field}-${i}` },
          payload: JSON.stringify(body),
        });
        expect(response.statusCode, `${field}: ${JSON.stringify(subject)}`).toBe(400);
      }
    }
    expect(sink.dataAttempts()).toBe(0);
  });
});
