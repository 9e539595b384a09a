/**
 * NUL and other control characters in every text the bridge reads (query strings, ids in paths, send and
 * batch bodies, the admin's route, the sandbox's routes): each is refused with a 400 that names the field,
 * on the embedded sandbox (which adds its routes), and the bridge keeps answering. Part of the hostile-input
 * suite (hostile-input.test.ts fuzzes the same routes at random).
 */
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../src/server/app';
import { loadConfig } from '../../src/server/config';
import { devToken } from '../support/dev-auth';
import { useTempDir } from '../support/temp-dir';

/** C0 controls at the start, middle and end, DEL, and a C1 control (CSI), as the attack run sent them. */
const CONTROLS = ['abc\u0000', '\u0000abc', 'ab\u0000cd', 'ab\u0001cd', 'ab\u001bcd', 'ab\u007fcd', 'ab\u009bcd'];

const send = (patch: Record<string, unknown>) => ({
  mode: 'registered',
  from: 'anna.keller@example.ch',
  to: ['max@example.org'],
  subject: 'Invoice',
  html: '<p>Hello</p>',
  attachments: [{ name: 'a.pdf', contentType: 'application/pdf', contentBase64: 'JVBERi0=' }],
  ...patch,
});
const batch = (patch: Record<string, unknown>) => ({
  documentIds: ['reminder-1'],
  templates: { de: { '1': { subject: 'Mahnung {number}', body: 'Guten Tag' } } },
  ...patch,
});

/** Each text parameter of each route, with the hostile text put in; `field` is what the answer must name. */
function cases(text: string): { field: string; request: InjectOptions }[] {
  const q = (route: string, params: Record<string, string>) => `${route}?${new URLSearchParams(params)}`;
  const id = encodeURIComponent(text);
  const json = (method: 'POST' | 'PUT', url: string, payload: unknown): InjectOptions => ({
    method,
    url,
    headers: { 'content-type': 'application/json', 'idempotency-key': 'key-control-0001' },
    payload: JSON.stringify(payload),
  });
  return [
    ...['q', 'customerId', 'cursor', 'customerEmail'].map((field) => ({
      field,
      request: { url: q('/api/documents', { [field]: text }) },
    })),
    { field: 'email', request: { url: q('/api/customers', { email: text }) } },
    { field: 'name', request: { url: q('/api/dev/token', { email: 'x@example.ch', name: text }) } },
    { field: 'cursor', request: { url: q('/api/sends', { cursor: text }) } },
    ...['/api/documents/', '/api/sends/', '/api/batches/', '/api/sandbox/messages/'].map((route) => ({
      field: 'id',
      request: { url: `${route}${id}${route.includes('sandbox') ? '/raw' : ''}` },
    })),
    { field: 'id', request: { url: `/api/documents/${id}/pdf` } },
    { field: 'id', request: { method: 'POST', url: `/api/batches/${id}/retry` } },
    { field: 'subject', request: json('POST', '/api/sends', send({ subject: text })) },
    { field: 'documentIds', request: json('POST', '/api/sends', send({ documentIds: [text] })) },
    { field: 'html', request: json('POST', '/api/sends', send({ html: `<p>${text}</p>` })) },
    { field: 'documentIds', request: json('POST', '/api/batches/preview', batch({ documentIds: [text] })) },
    {
      field: 'templates',
      request: json(
        'POST',
        '/api/batches',
        batch({ templates: { de: { '1': { subject: text, body: 'Guten Tag' } } } }),
      ),
    },
    {
      field: 'templates',
      request: json('POST', '/api/batches', batch({ templates: { de: { '1': { subject: 'Mahnung', body: text } } } })),
    },
    ...(['subject', 'html'] as const).map((field) => ({
      field,
      request: json('POST', '/api/sandbox/mailbox/messages', {
        ...send({ [field]: field === 'html' ? `<p>${text}</p>` : text }),
        mode: undefined,
      }),
    })),
    { field: 'smtpUrl', request: json('PUT', '/api/admin/incamail', { smtpUrl: `smtp://${text}.example.ch:587` }) },
  ];
}

describe('control characters in what the bridge reads', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  let headers: Record<string, string>;

  beforeEach(async () => {
    const config = loadConfig({
      TLS: 'off',
      DATA_DIR: path.join(tempDir(), 'data'),
      ADDIN_DIR: path.join(tempDir(), 'dist'),
      LOG_LEVEL: 'silent',
    });
    app = await buildApp({ config, logger: false });
    await app.ready();
    headers = { authorization: `Bearer ${await devToken(app, 'boss@example.ch', 'admin')}` };
  });

  afterEach(async () => app.close());

  it.each(CONTROLS.map((text) => [JSON.stringify(text), text]))(
    'refuses %s in every text parameter with a 400 that says which field and why',
    async (_, text) => {
      for (const { field, request } of cases(text)) {
        const what = `${request.method ?? 'GET'} ${String(request.url)} (${field})`;
        const response = await app.inject({ ...request, headers: { ...headers, ...request.headers } });
        expect(response.statusCode, `${what}: ${response.body}`).toBe(400);
        const { error } = response.json() as { error: { code: string; message: string } };
        expect(error.code, what).toBe('bad_request');
        expect(error.message, what).toContain(field);
        expect(error.message, what).toMatch(/control character/);
      }
      expect((await app.inject('/api/health')).statusCode).toBe(200);
    },
  );

  it('still answers text without control characters, and keeps tabs and line breaks in message bodies', async () => {
    const search = await app.inject({ url: '/api/documents?q=abc&kind=reminder', headers });
    expect(search.statusCode).toBe(200);
    const reminders = await app.inject({ url: '/api/documents?kind=reminder&limit=50', headers });
    const items = (reminders.json() as { items: { id: string; customer: { email: string | null } }[] }).items;
    const reminder = items.find((item) => item.customer.email !== null);
    const template = { subject: 'Mahnung {number}', body: 'Guten\tTag\r\nund Gruss' };
    const levels = { '1': template, '2': template, '3': template };
    const preview = await app.inject({
      method: 'POST',
      url: '/api/batches/preview',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: JSON.stringify(
        batch({ documentIds: [reminder!.id], templates: { de: levels, fr: levels, it: levels, en: levels } }),
      ),
    });
    expect(preview.statusCode, preview.body).toBe(200);
    // The body's line break becomes a <br> in the HTML part and stays a line break in the text part.
    const [message] = (preview.json() as { messages: { html: string; text: string }[] }).messages;
    expect(message!.html).toContain('Guten\tTag<br>\nund Gruss');
    expect(message!.text).toContain('Guten\tTag\nund Gruss');
  });
});
