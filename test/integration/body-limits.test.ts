/**
 * How much of a request body the whole bridge reads (buildApp and inject, real SQLite, a loopback SMTP
 * server): a message travels only in `POST /api/sends`, so only it may be tens of MB; every other body is
 * held to the small limit. Both edges are pinned with bodies the contract accepts at their longest.
 */
import type { FastifyInstance } from 'fastify';
import {
  MAX_BATCH_SIZE,
  MAX_TEMPLATE_BODY_LENGTH,
  MAX_TEMPLATE_SUBJECT_LENGTH,
} from '../../src/contract/batches.schemas';
import { ErrorBodySchema } from '../../src/contract/errors';
import { MAX_MESSAGE_BYTES } from '../../src/contract/message-size';
import { buildApp } from '../../src/server/app';
import { JSON_BODY_LIMIT_BYTES } from '../../src/server/http/json-body';
import { testBridgeConfig } from '../support/bridge-config';
import { devToken, signInAs } from '../support/dev-auth';
import { messageOfEncodedSize } from '../support/message-at-size';
import { sendRequest } from '../support/smtp-bridge';
import { startSmtpSink, type SmtpSink } from '../support/smtp-sink';
import { useTempDir } from '../support/temp-dir';

/** Every character as a `\uXXXX` escape: the longest way a JSON encoder may write a text (Python's default). */
const escaped = (text: string) =>
  `"${[...text].map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}"`;

/** The largest reminder run the contract accepts: 1000 ids of 100 characters, twelve templates at their longest. */
function largestBatchBody(): string {
  const ids = Array.from({ length: MAX_BATCH_SIZE }, (_, i) => escaped(`r${String(i).padStart(99, '0')}`));
  const template = `{"subject":${escaped('S'.repeat(MAX_TEMPLATE_SUBJECT_LENGTH))},"body":${escaped('b'.repeat(MAX_TEMPLATE_BODY_LENGTH))}}`;
  const levels = `{"1":${template},"2":${template},"3":${template}}`;
  const templates = ['de', 'fr', 'it', 'en'].map((language) => `"${language}":${levels}`).join(',');
  return `{"documentIds":[${ids.join(',')}],"grouping":"per-reminder","templates":{${templates}}}`;
}

describe('request body limits of the whole bridge', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let sink: SmtpSink;

  beforeEach(async () => {
    sink = await startSmtpSink({ parse: false, size: 2 * MAX_MESSAGE_BYTES });
    app = await buildApp({ config: testBridgeConfig(tempDir(), sink.port, { LOG_LEVEL: 'silent' }), logger: false });
    await app.ready();
    await signInAs(app);
  });

  afterEach(async () => {
    await app.close();
    await sink.close();
  });

  const post = (url: string, payload: string, headers: Record<string, string> = {}) =>
    app.inject({
      method: 'POST',
      url,
      headers: { 'content-type': 'application/json', 'idempotency-key': 'key-limits-0001', ...headers },
      payload,
    });

  it('reads the largest reminder run the contract accepts, so its verdict comes from the batch service', async () => {
    const body = largestBatchBody();
    expect(body.length).toBeLessThanOrEqual(JSON_BODY_LIMIT_BYTES);
    for (const url of ['/api/batches/preview', '/api/batches']) {
      const response = await post(url, body);
      // The ids name no reminder of the ledger: the service says so, which it can only after the body was read.
      expect(response.statusCode, url).toBe(400);
      expect(response.json().error.message, url).toMatch(/^This batch cannot be sent: body\.documentIds\.0/);
    }
  });

  it('reads a body of exactly the small limit and refuses one byte more with a readable 413', async () => {
    const body = '{"documentIds":["x"],"templates":{}}';
    const atLimit = body + ' '.repeat(JSON_BODY_LIMIT_BYTES - body.length);
    expect((await post('/api/batches/preview', atLimit)).statusCode).toBe(400);
    for (const url of ['/api/batches/preview', '/api/batches', '/api/batches/b-1/retry']) {
      const response = await post(url, `${atLimit} `);
      expect(response.statusCode, url).toBe(413);
      expect(ErrorBodySchema.parse(response.json()).error, url).toEqual({
        code: 'payload_too_large',
        message: 'The request is too large.',
      });
    }
    const admin = await app.inject({
      method: 'PUT',
      url: '/api/admin/incamail',
      headers: { 'content-type': 'application/json' },
      payload: `${atLimit} `,
    });
    expect(admin.statusCode).toBe(413);
    expect(admin.json().error.code).toBe('payload_too_large');
  });

  it('still takes a send of a message at IncaMail’s limit, far beyond the small limit', async () => {
    const base = sendRequest({ cc: [], bcc: [] });
    const { extraRecipient, attachmentBytes } = messageOfEncodedSize(MAX_MESSAGE_BYTES, {
      subject: base.subject,
      html: base.html,
      addresses: [base.from, ...base.to!],
      attachmentName: 'Scan.pdf',
    });
    const payload = JSON.stringify(
      sendRequest({
        cc: [],
        bcc: [],
        to: [...base.to!, extraRecipient],
        documentIds: [],
        attachments: [
          {
            name: 'Scan.pdf',
            contentType: 'application/pdf',
            contentBase64: Buffer.alloc(attachmentBytes, 0x25).toString('base64'),
          },
        ],
      }),
    );
    expect(payload.length).toBeGreaterThan(7 * JSON_BODY_LIMIT_BYTES);
    const response = await post('/api/sends', payload);
    expect(response.statusCode, response.body.slice(0, 300)).toBe(202);
  });

  it('answers a key of 3 MB on every route with a body in a short, readable error, without echoing the key', async () => {
    const key = 'k'.repeat(3_000_000);
    const admin = `Bearer ${await devToken(app, 'boss@example.ch', 'admin')}`;
    for (const [method, url, payload] of [
      ['POST', '/api/sends', `{"${key}":1}`],
      ['POST', '/api/batches/preview', `{"${key}":1}`],
      ['POST', '/api/batches', `{"documentIds":["x"],"templates":{"de":{"subject":"s","html":"h","${key}\\u0007":1}}}`],
      ['PUT', '/api/admin/incamail', `{"smtpUrl":"smtp://a","${key}":1}`],
    ] as const) {
      const response = await app.inject({
        method,
        url,
        headers: { 'content-type': 'application/json', 'idempotency-key': 'key-limits-0002', authorization: admin },
        payload,
      });
      const what = `${method} ${url}`;
      expect(response.statusCode, what).toBeGreaterThanOrEqual(400);
      expect(response.statusCode, what).toBeLessThan(500);
      // The bridge names the key, shortened: a client that sent megabytes does not get them back (twice).
      expect(response.body.length, what).toBeLessThan(4000);
      expect(ErrorBodySchema.parse(response.json()).error.message, what).toMatch(/k{20}…/);
    }
  });
});
