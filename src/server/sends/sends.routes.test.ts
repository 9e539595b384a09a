import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { ErrorBodySchema } from '../../contract/errors.js';
import { PolicySchema, SendListSchema, SendRecordSchema, type SendRecord } from '../../contract/sends.schemas.js';
import { PDF, recordingAccounting, sendRequest, startSendsBridge } from '../../../test/support/smtp-bridge';
import { startSmtpFaultProxy, type SmtpFault, type SmtpFaultProxy } from '../../../test/support/smtp-faults';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../../test/support/smtp-sink';
import { useTempDir } from '../../../test/support/temp-dir';
import { eventually } from '../../../test/support/eventually';
import { messageOfEncodedSize } from '../../../test/support/message-at-size';
import { MAX_MESSAGE_BYTES } from '../../contract/message-size.js';
import { openDatabase } from '../storage/database.js';

describe('send API over a loopback SMTP server', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance | undefined;
  let sink: SmtpSink | undefined;
  let proxy: SmtpFaultProxy | undefined;
  afterEach(async () => {
    await app?.close();
    await proxy?.close();
    await sink?.close();
    app = sink = proxy = undefined;
  });

  async function bridge(options: { sink?: SmtpSinkOptions; faults?: SmtpFault[]; env?: Record<string, string> } = {}) {
    sink = await startSmtpSink(options.sink);
    proxy = options.faults ? await startSmtpFaultProxy(sink.port, options.faults) : undefined;
    const accounting = recordingAccounting();
    const started = await startSendsBridge({
      dir: tempDir(),
      accounting,
      env: { INCAMAIL_SMTP_URL: `smtp://127.0.0.1:${proxy?.port ?? sink.port}`, ...options.env },
    });
    app = started.app;
    return { ...started, accounting };
  }

  async function post(body: unknown, key = 'draft-1', wait = 5, headers: Record<string, string> = {}) {
    const response = await app!.inject({
      method: 'POST',
      url: `/api/sends?wait=${wait}`,
      headers: { 'idempotency-key': key, ...headers },
      payload: body as object,
    });
    return { response, record: response.statusCode < 300 ? SendRecordSchema.parse(response.json()) : undefined };
  }

  async function settled(id: string): Promise<SendRecord> {
    const response = await app!.inject({ method: 'GET', url: `/api/sends/${id}?wait=5` });
    return SendRecordSchema.parse(response.json());
  }

  it('finds a send by the key it was submitted under: 404 for a key never seen, 400 without one', async () => {
    await bridge();
    const { record } = await post(sendRequest(), 'draft/7?of=Anna');
    const byKey = (query: string) => app!.inject({ method: 'GET', url: `/api/sends/by-key${query}` });
    const found = await byKey(`?key=${encodeURIComponent('draft/7?of=Anna')}`);
    expect(found.statusCode).toBe(200);
    // The accounting may have been told in between: the one field that moves on after IncaMail accepted.
    expect(SendRecordSchema.parse(found.json())).toEqual({
      ...record,
      accountingUpdate: expect.stringMatching(/^(pending|settled)$/),
    });
    const missing = await byKey('?key=draft-8');
    expect(missing.statusCode).toBe(404);
    expect(ErrorBodySchema.parse(missing.json()).error.code).toBe('not_found');
    expect((await byKey('')).statusCode).toBe(400);
  });

  it('submits the marked message and records the documents as sent', async () => {
    const { accounting } = await bridge();
    const { response, record } = await post(sendRequest());
    expect(response.statusCode).toBe(202);
    expect(record).toMatchObject({
      status: 'accepted',
      mode: 'registered',
      from: 'anna.keller@example.ch',
      subject: '<r>Invoice 2026-0042',
      recipients: {
        to: ['max@example.org.incamail.ch'],
        cc: ['lea@example.ch.incamail.ch'],
        bcc: ['archive@example.ch.incamail.ch'],
      },
      attempts: 1,
      smtpResponse: expect.stringMatching(/^250 /),
      messageId: expect.stringMatching(/^<.+@example\.ch>$/),
      error: null,
      refusedRecipients: [],
      attachmentCount: 1,
    });
    const [message] = await sink!.waitForMessages(1);
    expect(message!.envelope.to).toEqual(record!.recipients.to.concat(record!.recipients.cc, record!.recipients.bcc));
    expect(message!.envelope.from).toBe('anna.keller@example.ch');
    expect(message!.parsed.subject).toBe('<r>Invoice 2026-0042');
    expect(message!.parsed.headers.has('bcc')).toBe(false);
    expect(message!.parsed.from?.value[0]?.address).toBe('anna.keller@example.ch');
    expect(message!.parsed.attachments[0]!.content.equals(PDF)).toBe(true);
    expect(message!.parsed.messageId).toBe(record!.messageId);
    await eventually(() => expect(accounting.calls).toHaveLength(1));
    expect(accounting.calls[0]).toEqual({
      documentIds: ['inv-2026-0042'],
      mode: 'registered',
      sentAt: record!.acceptedAt,
      sentBy: 'anna.keller@example.ch',
      sendId: record!.id,
    });
  });

  it('gives the space of a settled send’s attachments back to the file system', async () => {
    const { app: bridgeApp } = await bridge();
    const big = Buffer.concat([PDF, randomBytes(3 * 1024 * 1024)]);
    const posted = await bridgeApp.inject({
      method: 'POST',
      url: '/api/sends?wait=10',
      headers: { 'idempotency-key': 'key-space-1' },
      payload: sendRequest({
        attachments: [{ name: 'Scan.pdf', contentType: 'application/pdf', contentBase64: big.toString('base64') }],
      }),
    });
    expect(SendRecordSchema.parse(posted.json()).status).toBe('accepted');
    const file = openDatabase(path.join(tempDir(), 'ledgermail.sqlite'));
    try {
      expect(file.prepare('SELECT count(*) FROM outbox_attachment_chunks').pluck().get()).toBe(0);
      // 3 MB of chunks were freed; at most a few pages stay on the free list.
      expect(file.pragma('freelist_count', { simple: true }) as number).toBeLessThan(16);
    } finally {
      file.close();
    }
  });

  it('keeps the recipients IncaMail refused on an accepted send, as a list', async () => {
    await bridge({
      sink: {
        replyToRcpt: (_n, address) =>
          address === 'lea@example.ch.incamail.ch' ? { code: 550, message: '5.1.1 Mailbox unavailable' } : undefined,
      },
    });
    const { record } = await post(sendRequest());
    expect(record).toMatchObject({
      status: 'accepted',
      refusedRecipients: ['lea@example.ch.incamail.ch'],
      error: { code: 'upstream_rejected' },
    });
    expect((await settled(record!.id)).refusedRecipients).toEqual(['lea@example.ch.incamail.ch']);
  });

  it('marks a 5xx refusal as failed, with the server reply, and records nothing', async () => {
    const { accounting } = await bridge({ sink: { replyToData: () => ({ code: 554, message: '5.7.1 Rejected' }) } });
    const { record } = await post(sendRequest());
    expect(record).toMatchObject({
      status: 'failed',
      smtpResponse: '554 5.7.1 Rejected',
      error: { code: 'upstream_rejected', message: expect.stringContaining('554 5.7.1 Rejected') },
      attempts: 1,
    });
    expect(sink!.messages).toHaveLength(0);
    expect(accounting.calls).toHaveLength(0);
  });

  it('retries a 451 and delivers one message', async () => {
    await bridge({ sink: { replyToData: (n) => (n === 1 ? { code: 451, message: '4.3.0 Busy' } : undefined) } });
    const { record } = await post(sendRequest());
    expect(record).toMatchObject({ status: 'accepted', attempts: 2, error: null });
    expect(sink!.messages).toHaveLength(1);
  });

  it('retries a line cut before the data completed and delivers one message', async () => {
    await bridge({ faults: ['drop-at-data', 'refuse'] });
    const { record } = await post(sendRequest());
    expect(record).toMatchObject({ status: 'accepted', attempts: 3 });
    expect(sink!.messages).toHaveLength(1);
  });

  it('marks a line cut after the data as uncertain and never sends it again', async () => {
    await bridge({ faults: ['drop-after-data'] });
    const { record } = await post(sendRequest());
    expect(record).toMatchObject({ status: 'uncertain', attempts: 1, error: { code: 'upstream_unavailable' } });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sink!.messages).toHaveLength(1);
    expect(proxy!.connections()).toBe(1);
    expect((await settled(record!.id)).status).toBe('uncertain');
  });

  it('gives up after the configured attempts', async () => {
    await bridge({ faults: ['refuse', 'refuse', 'refuse'], env: { INCAMAIL_MAX_ATTEMPTS: '3' } });
    const { record } = await post(sendRequest());
    expect(record).toMatchObject({ status: 'failed', attempts: 3, error: { code: 'upstream_unavailable' } });
    expect(record!.error!.message).toMatch(/after 3 attempts/);
  });

  it('sends once when the same request arrives 20 times at once', async () => {
    await bridge();
    const responses = await Promise.all(Array.from({ length: 20 }, () => post(sendRequest(), 'draft-20')));
    const ids = new Set(responses.map((r) => r.record!.id));
    expect(ids.size).toBe(1);
    expect(responses.filter((r) => r.response.statusCode === 202)).toHaveLength(1);
    expect(responses.filter((r) => r.response.headers['idempotent-replayed'] === 'true')).toHaveLength(19);
    await settled([...ids][0]!);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(sink!.messages).toHaveLength(1);
  });

  it('answers 409 for the same key with a different message, and replays the same one', async () => {
    await bridge();
    const first = await post(sendRequest());
    const again = await post(sendRequest());
    expect(again.response.statusCode).toBe(200);
    expect(again.record!.id).toBe(first.record!.id);
    const changed = await post(sendRequest({ subject: 'Invoice 2026-0043' }));
    expect(changed.response.statusCode).toBe(409);
    expect(ErrorBodySchema.parse(changed.response.json()).error.code).toBe('conflict');
    expect(sink!.messages).toHaveLength(1);
  });

  it('refuses what IncaMail would refuse, before anything is sent', async () => {
    await bridge({ env: { SEND_MODES: 'confidential' } });
    const cases = [
      { body: sendRequest(), key: 'a', status: 403, code: 'mode_not_allowed' },
      {
        body: sendRequest({
          mode: 'confidential',
          attachments: [{ name: 'setup.EXE', contentType: 'application/octet-stream', contentBase64: 'TVo=' }],
        }),
        key: 'b',
        status: 400,
        code: 'bad_request',
      },
      {
        body: sendRequest({ mode: 'confidential', to: [], cc: [], bcc: [] }),
        key: 'c',
        status: 400,
        code: 'bad_request',
      },
      { body: { ...sendRequest(), subject: 'x\r\nBcc: evil@example.org' }, key: 'd', status: 400, code: 'bad_request' },
    ];
    for (const { body, key, status, code } of cases) {
      const { response } = await post(body, key);
      expect([response.statusCode, ErrorBodySchema.parse(response.json()).error.code]).toEqual([status, code]);
    }
    const missingKey = await app!.inject({ method: 'POST', url: '/api/sends', payload: sendRequest() });
    expect(missingKey.statusCode).toBe(400);
    expect(missingKey.json().error.message).toMatch(/idempotency-key/i);
    expect(sink!.dataAttempts()).toBe(0);
  });

  /** The standard request with one attachment that makes it exactly `target` bytes as IncaMail receives it. */
  function requestOfSize(target: number) {
    const base = sendRequest();
    const { extraRecipient, attachmentBytes } = messageOfEncodedSize(target, {
      subject: base.subject,
      html: base.html,
      addresses: [base.from, ...base.to!, ...base.cc!, ...base.bcc!],
      attachmentName: 'Scan.pdf',
    });
    const content = Buffer.alloc(attachmentBytes, 0x25).toString('base64');
    return sendRequest({
      to: [...base.to!, extraRecipient],
      attachments: [{ name: 'Scan.pdf', contentType: 'application/pdf', contentBase64: content }],
    });
  }

  it('refuses a message one byte over the limit, in the sizes and language the user knows, sending nothing', async () => {
    await bridge();
    const { response } = await post(requestOfSize(MAX_MESSAGE_BYTES + 1), 'big', 0, {
      'accept-language': 'de-CH,de;q=0.9,en;q=0.8',
    });
    expect(response.statusCode).toBe(413);
    expect(ErrorBodySchema.parse(response.json()).error).toEqual({
      code: 'payload_too_large',
      message: expect.stringMatching(
        /^Ihre Anhänge umfassen 2\d\.\d MB; IncaMail nimmt etwa 2\d\.\d MB an Anhängen an\.$/,
      ),
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sink!.mailFromArgs).toEqual([]);
    expect(sink!.dataAttempts()).toBe(0);
  });

  it('takes a message of exactly the limit and announces its size to the gateway (SMTP SIZE)', async () => {
    await bridge({ sink: { parse: false, size: MAX_MESSAGE_BYTES } });
    const { response, record } = await post(requestOfSize(MAX_MESSAGE_BYTES), 'at-limit', 20);
    expect(response.statusCode).toBe(202);
    expect(record).toMatchObject({ status: 'accepted', sizeBytes: MAX_MESSAGE_BYTES });
    expect(sink!.mailFromArgs).toEqual([expect.objectContaining({ SIZE: String(MAX_MESSAGE_BYTES) })]);
    // The estimate is an upper bound: what arrived is no larger than what was announced.
    expect(sink!.messages[0]!.raw.length).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
  });

  it('answers the policy and lists sends newest first, page by page', async () => {
    await bridge({ env: { SEND_MODES: 'registered, confidential,personal' } });
    const policy = PolicySchema.parse((await app!.inject({ method: 'GET', url: '/api/policy' })).json());
    expect(policy).toEqual({
      modes: ['registered', 'confidential', 'personal'],
      maxMessageBytes: 30 * 1024 * 1024,
      registeredWarnBytes: 10 * 1024 * 1024,
      route: 'relay',
      recipientSuffix: '.incamail.ch',
      level3Registered: false,
    });
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await post(sendRequest({ subject: `Reminder ${i}` }), `k${i}`, 0)).record!.id);
    const first = SendListSchema.parse((await app!.inject({ method: 'GET', url: '/api/sends?limit=3' })).json());
    expect(first.items.map((r) => r.id)).toEqual(ids.slice(2).reverse());
    const second = SendListSchema.parse(
      (await app!.inject({ method: 'GET', url: `/api/sends?limit=3&cursor=${first.nextCursor}` })).json(),
    );
    expect(second.items.map((r) => r.id)).toEqual(ids.slice(0, 2).reverse());
    expect(second.nextCursor).toBeNull();
    expect((await app!.inject({ method: 'GET', url: '/api/sends/nope' })).statusCode).toBe(404);
    expect((await app!.inject({ method: 'GET', url: '/api/sends?cursor=zzz' })).statusCode).toBe(400);
  });
});
