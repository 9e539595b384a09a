/**
 * Random and hostile input at every route of the bridge: wrong types, huge strings, CR/LF header injection,
 * path traversal, invalid base64. The bridge must answer 4xx with a readable message, never 5xx, never crash,
 * and never let a line break reach an SMTP header. Fixed seed and bounded runs, so the suite is repeatable.
 */
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import fc from 'fast-check';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { apiRoutes } from '../support/api-routes';
import { testBridgeConfig } from '../support/bridge-config';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

const SEED = 20261127;
const RUNS = 60;
const RUNS_PER_ROUTE = 12;

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
    // A NUL or another control character inside a longer text reached FTS5's query parser (a 500) before.
    'abc\u0000',
    '\u0000abc',
    'ab\u0000cd',
    'ab\u0007cd\u001b[2J',
    'ab\u007fcd\u0085',
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

/**
 * Every route of the API, with the body fields it reads (the fuzzer sends hostile values under those names
 * and under others). The first test compares this table with the routes the bridge registers.
 */
const BODY_KEYS: Record<string, readonly string[]> = {
  'GET /api/health': [],
  'GET /api/ready': [],
  'GET /api/auth/config': [],
  'GET /api/dev/token': [],
  'GET /api/me': [],
  'GET /api/documents': [],
  'GET /api/documents/count': [],
  'GET /api/documents/:id': [],
  'GET /api/documents/:id/pdf': [],
  'GET /api/customers': [],
  'GET /api/policy': [],
  'POST /api/sends': ['mode', 'from', 'to', 'cc', 'bcc', 'subject', 'html', 'attachments', 'documentIds', 'x'],
  'GET /api/sends': [],
  'GET /api/sends/:id': [],
  'GET /api/sends/by-key': [],
  'POST /api/batches/preview': ['documentIds', 'grouping', 'modeByLevel', 'templates', 'x'],
  'POST /api/batches': ['documentIds', 'grouping', 'modeByLevel', 'templates', 'x'],
  'GET /api/batches': [],
  'GET /api/batches/templates': [],
  'GET /api/batches/:id': [],
  'POST /api/batches/:id/retry': ['x'],
  'GET /api/admin/audit': [],
  'GET /api/admin/incamail': [],
  'PUT /api/admin/incamail': ['smtpUrl', 'x'],
  'DELETE /api/admin/incamail': [],
  'GET /api/admin/incamail/route': [],
  'PUT /api/admin/incamail/route': ['route', 'x'],
  'DELETE /api/admin/incamail/route': [],
  'GET /api/admin/accounting': [],
  'PUT /api/admin/accounting/bexio/token': ['token', 'x'],
  'DELETE /api/admin/accounting/bexio/token': [],
  'POST /api/admin/accounting/bexio/connect': ['x'],
  'DELETE /api/admin/accounting/bexio/connection': [],
  'GET /api/accounting/bexio/callback': [],
  'PUT /api/admin/accounting/winbiz/password': ['password', 'x'],
  'DELETE /api/admin/accounting/winbiz/password': [],
  'GET /api/sandbox/messages': [],
  'GET /api/sandbox/messages/:id/raw': [],
  'POST /api/sandbox/mailbox/messages': ['from', 'to', 'cc', 'bcc', 'subject', 'html', 'attachments', 'x'],
  'GET /api/sandbox/mailbox/messages': [],
};
const BODY_KEY_NAMES = [...new Set(Object.values(BODY_KEYS).flat())];
const QUERY_KEYS = [
  'kind',
  'q',
  'status',
  'customerEmail',
  'level',
  'overdueDays',
  'limit',
  'cursor',
  'email',
  'role',
  'name',
  'wait',
  'before',
  'notSent',
  'code',
  'state',
  'error',
  'x',
];

describe('the bridge under hostile input', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;
  let auth: Record<string, string>;

  beforeEach(async () => {
    sink = await startSmtpSink({ parse: true });
    const config = testBridgeConfig(tempDir(), sink.port, { LOG_LEVEL: 'silent', SEND_RATE_PER_MINUTE: '10000' });
    app = await buildApp({ config, logger: false });
    await app.ready();
    const token = await app.inject('/api/dev/token?email=anna.keller@example.ch');
    auth = token.statusCode === 200 ? { authorization: `Bearer ${token.json().token as string}` } : {};
  });

  afterEach(async () => {
    await app.close();
    await sink.close();
  });

  function expectClientError(
    response: { statusCode: number; json: () => unknown; body: string; headers: Record<string, unknown> },
    what: string,
  ): void {
    if (response.statusCode >= 500) throw new Error(`${what} answered ${response.statusCode}: ${response.body}`);
    // bexio's callback answers the admin's browser, not the add-in: a page that says what to do, in HTML.
    if (response.statusCode >= 400 && String(response.headers['content-type']).startsWith('text/html')) {
      expect(what).toMatch(/^GET \/api\/accounting\/bexio\/callback/);
      expect(response.body, what).toContain('Start connecting again from the admin settings');
      return;
    }
    if (response.statusCode >= 400) {
      const body = response.json() as { error?: { code?: unknown; message?: unknown } };
      expect(typeof body.error?.code, what).toBe('string');
      expect(typeof body.error?.message, what).toBe('string');
      expect(String(body.error?.message), what).not.toMatch(/ at .+\.(ts|js):\d+/);
    }
  }

  /** The same bridge on its embedded IncaMail sandbox, which adds the sandbox's routes. */
  async function sandboxBridge(): Promise<FastifyInstance> {
    const sandbox = await buildApp({
      config: loadConfig({
        TLS: 'off',
        DATA_DIR: path.join(tempDir(), 'sandbox-data'),
        ADDIN_DIR: path.join(tempDir(), 'dist'),
        LOG_LEVEL: 'silent',
      }),
      logger: false,
    });
    await sandbox.ready();
    return sandbox;
  }

  it('knows every route of the API, so a new route cannot escape the fuzzing', async () => {
    const sandbox = await sandboxBridge();
    const routes = [...apiRoutes(app), ...apiRoutes(sandbox)].map((r) => `${r.method} ${r.url}`);
    await sandbox.close();
    // The routes of this suite's table above; a route added to the bridge must be added there too.
    expect([...new Set(routes)].sort()).toEqual(Object.keys(BODY_KEYS).sort());
  });

  it.each([
    ['relaying to an SMTP server', false],
    ['on the embedded sandbox', true],
  ])(
    'answers every route of the API with a 2xx or a readable 4xx, as a user and as an admin, %s',
    async (_, onSandbox) => {
      const target = onSandbox ? await sandboxBridge() : app;
      const signIn = async (query: string) => {
        const response = await target.inject(`/api/dev/token?${query}`);
        return { authorization: `Bearer ${response.json().token as string}` };
      };
      const asUser = await signIn('email=anna.keller@example.ch');
      const asAdmin = await signIn('email=boss@example.ch&role=admin');
      // Every route, each with its own bounded run and seed: none is left to chance.
      const routes = apiRoutes(target);
      expect(routes.length).toBeGreaterThan(15);
      for (const [index, { method, url: pattern }] of routes.entries()) {
        // A path segment that does not decode, straight to the router.
        const raw = await target.inject({ method, url: pattern.replace(/:[a-zA-Z]+/g, '%E0%A4%A'), headers: asUser });
        expectClientError(raw, `${method} ${pattern} with an undecodable segment`);
        await fc.assert(
          fc.asyncProperty(
            fc.boolean(),
            hostileString,
            fc.dictionary(fc.constantFrom(...QUERY_KEYS), hostileString, { maxKeys: 4 }),
            fc.dictionary(fc.constantFrom(...BODY_KEY_NAMES), hostileValue, { maxKeys: 5 }),
            async (isAdmin, id, query, body) => {
              const path = pattern.replace(/:[a-zA-Z]+/g, encodeURIComponent(id.slice(0, 2000)) || 'x');
              const url = `${path}?${new URLSearchParams(query as Record<string, string>)}`;
              const keys = BODY_KEYS[`${method} ${pattern}`] ?? [];
              const payload = Object.fromEntries(Object.entries(body).filter(([key]) => keys.includes(key)));
              const hasBody = method === 'POST' || method === 'PUT';
              const response = await target.inject({
                method,
                url,
                headers: {
                  ...(isAdmin ? asAdmin : asUser),
                  ...(hasBody ? { 'content-type': 'application/json', 'idempotency-key': 'key-0003-fuzz' } : {}),
                },
                ...(hasBody ? { payload: JSON.stringify(payload) } : {}),
              });
              expectClientError(response, `${method} ${url.slice(0, 200)}`);
            },
          ),
          { seed: SEED + index, numRuns: RUNS_PER_ROUTE },
        );
      }
      expect((await target.inject('/api/health')).statusCode).toBe(200);
      if (onSandbox) await target.close();
    },
  );

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
