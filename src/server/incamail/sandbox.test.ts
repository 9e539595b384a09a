import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import { SendRecordSchema } from '../../contract/sends.schemas.js';
import { PDF, recordingAccounting, sendRequest, startSendsBridge } from '../../../test/support/smtp-bridge';
import { startSmtpSink } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';
import { SandboxMessageListSchema } from '../../contract/sandbox.schemas.js';
import { IncaMailSandbox } from './sandbox-server.js';
import { Secret } from './incamail-config.js';
import { submitMessage } from './smtp-submission.js';

describe('IncaMail sandbox', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  afterEach(async () => {
    await app?.close();
    app = undefined;
  });

  it('is the default route outside production: it keeps the message and lists it', async () => {
    ({ app } = await startSendsBridge({ dir: tempDir(), accounting: recordingAccounting() }));
    const posted = await app.inject({
      method: 'POST',
      url: '/api/sends?wait=5',
      headers: { 'idempotency-key': 'k' },
      payload: sendRequest({ mode: 'confidential' }),
    });
    expect(SendRecordSchema.parse(posted.json()).status).toBe('accepted');
    const list = SandboxMessageListSchema.parse((await app.inject('/api/sandbox/messages')).json());
    expect(list.items).toHaveLength(1);
    const [message] = list.items;
    expect(message).toMatchObject({
      subject: '<c>Invoice 2026-0042',
      mode: 'confidential',
      from: 'anna.keller@example.ch',
      to: ['max@example.org.incamail.ch'],
      cc: ['lea@example.ch.incamail.ch'],
      envelope: { to: expect.arrayContaining(['archive@example.ch.incamail.ch']) },
      hasHtml: true,
      hasText: true,
      attachments: [{ name: 'Invoice-2026-0042.pdf', contentType: 'application/pdf', sizeBytes: PDF.length }],
    });
    const raw = await app.inject(`/api/sandbox/messages/${message!.id}/raw`);
    expect(raw.headers['content-type']).toMatch(/^message\/rfc822/);
    expect((await simpleParser(raw.rawPayload)).attachments[0]!.content.equals(PDF)).toBe(true);
  });

  it('refuses unmarked messages with a 5xx, like the gateway', async () => {
    const sandbox = await IncaMailSandbox.start({ recipientSuffix: '.incamail.ch' });
    try {
      const base = {
        messageId: '<x@example.ch>',
        from: 'anna.keller@example.ch',
        cc: [],
        bcc: [],
        html: '<p>Hi</p>',
        sizeBytes: 4096,
        attachments: [],
      };
      const unmarkedRecipient = await submitMessage(
        sandbox.endpoint(),
        { ...base, subject: '<r>Invoice', to: ['max@example.org'] },
        { timeoutMs: 2000 },
      );
      expect(unmarkedRecipient).toMatchObject({ kind: 'failed', response: expect.stringMatching(/^550 .*incamail/) });
      const unmarkedSubject = await submitMessage(
        sandbox.endpoint(),
        { ...base, subject: 'Invoice', to: ['max@example.org.incamail.ch'] },
        { timeoutMs: 2000 },
      );
      expect(unmarkedSubject).toMatchObject({
        kind: 'failed',
        response: expect.stringMatching(/^554 .*<r>, <c> or <p>/),
      });
      expect(sandbox.list()).toHaveLength(0);
    } finally {
      await sandbox.close();
    }
  });

  it('is absent in production, where an unset INCAMAIL_SMTP_URL refuses secure sends', async () => {
    const production = { NODE_ENV: 'production', AUTH: 'entra', ENTRA_CLIENT_ID: 'client', ENTRA_TENANT_IDS: 'tenant' };
    ({ app } = await startSendsBridge({ dir: tempDir(), env: production }));
    expect((await app.inject('/api/sandbox/messages')).statusCode).toBe(404);
    expect((await app.inject('/api/policy')).json()).toMatchObject({ route: 'mailbox' });
    const posted = await app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'k' },
      payload: sendRequest(),
    });
    expect([posted.statusCode, posted.json().error.code]).toEqual([502, 'upstream_unavailable']);
  });

  it('takes the route an admin names: mailbox refuses relay sends, relay without a submission says why', async () => {
    ({ app } = await startSendsBridge({ dir: tempDir(), env: { INCAMAIL_ROUTE: 'mailbox' } }));
    expect((await app.inject('/api/policy')).json()).toMatchObject({ route: 'mailbox' });
    const refused = await app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'k' },
      payload: sendRequest(),
    });
    expect([refused.statusCode, refused.json().error.code]).toEqual([502, 'upstream_unavailable']);
    await app.close();
    const production = { NODE_ENV: 'production', AUTH: 'entra', ENTRA_CLIENT_ID: 'client', ENTRA_TENANT_IDS: 'tenant' };
    ({ app } = await startSendsBridge({ dir: tempDir(), env: { ...production, INCAMAIL_ROUTE: 'relay' } }));
    expect((await app.inject('/api/policy')).json()).toMatchObject({ route: 'relay' });
    const unconfigured = await app.inject({
      method: 'POST',
      url: '/api/sends',
      headers: { 'idempotency-key': 'k' },
      payload: sendRequest(),
    });
    expect(unconfigured.json().error).toEqual({
      code: 'upstream_unavailable',
      message: 'This bridge has no IncaMail submission configured.',
    });
  });

  it('never lets the SMTP password reach the logs or the API', async () => {
    const password = 'hunter2-Very-Secret';
    const sink = await startSmtpSink({
      auth: { user: 'acme', pass: password },
      replyToData: (n) => (n === 1 ? { code: 554, message: '5.7.1 Rejected' } : undefined),
    });
    try {
      const bridge = await startSendsBridge({
        dir: tempDir(),
        env: { INCAMAIL_SMTP_URL: `smtp://acme:${password}@127.0.0.1:${sink.port}`, LOG_LEVEL: 'trace' },
      });
      app = bridge.app;
      const bodies: string[] = [];
      for (const key of ['one', 'two']) {
        const posted = await app.inject({
          method: 'POST',
          url: '/api/sends?wait=5',
          headers: { 'idempotency-key': key },
          payload: sendRequest(),
        });
        bodies.push(posted.body);
      }
      bodies.push((await app.inject('/api/sends')).body, (await app.inject('/api/policy')).body);
      expect(bodies.map((b) => SendRecordSchema.safeParse(JSON.parse(b)).data?.status).slice(0, 2)).toEqual([
        'failed',
        'accepted',
      ]);
      expect(sink.logins()).toBe(2);
      const encoded = Buffer.from(`\0acme\0${password}`).toString('base64');
      for (const text of [...bodies, ...bridge.logs]) {
        expect(text).not.toContain(password);
        expect(text).not.toContain(encoded);
      }
      expect(bridge.logs.length).toBeGreaterThan(0);
      expect(`${new Secret(password)}`).not.toContain(password);
    } finally {
      await app?.close();
      app = undefined;
      await sink.close();
    }
  });
});
