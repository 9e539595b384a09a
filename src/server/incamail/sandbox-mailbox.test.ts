import type { FastifyInstance } from 'fastify';
import { simpleParser } from 'mailparser';
import {
  MailboxMessageListSchema,
  MailboxMessageSchema,
  SandboxMessageListSchema,
} from '../../contract/sandbox.schemas.js';
import { PDF, recordingAccounting, startSendsBridge } from '../../../test/support/smtp-bridge';
import { useTempDir } from '../../../test/support/temp-dir';

/**
 * The workbench's Send on the mailbox route: the bridge plays the user's Exchange with an IncaMail domain
 * connection, routing the suffixed recipients to the sandbox by SMTP and keeping every message it was handed.
 */
describe('the sandbox mailbox (the workbench’s Outlook Send)', () => {
  const tempDir = useTempDir();
  let app: FastifyInstance;
  beforeEach(async () => {
    ({ app } = await startSendsBridge({ dir: tempDir(), accounting: recordingAccounting() }));
  });
  afterEach(() => app.close());

  const send = (payload: object) => app.inject({ method: 'POST', url: '/api/sandbox/mailbox/messages', payload });
  const sandbox = async () => SandboxMessageListSchema.parse((await app.inject('/api/sandbox/messages')).json()).items;
  const message = {
    from: 'anna.keller@example.ch',
    html: '<p>Guten Tag</p>',
    attachments: [{ name: 'Rechnung.pdf', contentType: 'application/pdf', contentBase64: PDF.toString('base64') }],
  };

  it('routes a marked message to IncaMail as the person wrote it, Bcc in the envelope only', async () => {
    const posted = await send({
      ...message,
      to: ['max@example.org.incamail.ch'],
      bcc: ['archiv@example.ch.incamail.ch'],
      subject: '<r>Rechnung 2026-0042',
    });
    expect(posted.statusCode).toBe(201);
    const sent = MailboxMessageSchema.parse(posted.json());
    expect(sent.incamail).toMatchObject({
      status: 'accepted',
      recipients: ['max@example.org.incamail.ch', 'archiv@example.ch.incamail.ch'],
    });
    expect(sent.ordinaryRecipients).toEqual([]);
    const [received] = await sandbox();
    expect(received).toMatchObject({
      subject: '<r>Rechnung 2026-0042',
      mode: 'registered',
      to: ['max@example.org.incamail.ch'],
      cc: [],
      envelope: { to: ['max@example.org.incamail.ch', 'archiv@example.ch.incamail.ch'] },
      attachments: [{ name: 'Rechnung.pdf', sizeBytes: PDF.length }],
    });
    const raw = await app.inject(`/api/sandbox/messages/${received!.id}/raw`);
    const parsed = await simpleParser(raw.rawPayload);
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.attachments[0]!.content.equals(PDF)).toBe(true);
  });

  it('keeps ordinary mail in the mailbox and sends nothing to IncaMail', async () => {
    const sent = MailboxMessageSchema.parse(
      (await send({ ...message, to: ['max@example.org'], subject: 'Rechnung 2026-0042' })).json(),
    );
    expect(sent.incamail).toEqual({ status: 'not-addressed' });
    expect(sent.ordinaryRecipients).toEqual(['max@example.org']);
    expect(await sandbox()).toEqual([]);
    const listed = MailboxMessageListSchema.parse((await app.inject('/api/sandbox/mailbox/messages')).json());
    expect(listed.items.map((m) => m.id)).toEqual([sent.id]);
  });

  it("records IncaMail's refusal of a message that lost its prefix, as a bounce would tell", async () => {
    const sent = MailboxMessageSchema.parse(
      (await send({ ...message, to: ['max@example.org.incamail.ch'], subject: 'Rechnung 2026-0042' })).json(),
    );
    expect(sent.incamail).toMatchObject({ status: 'refused', response: expect.stringMatching(/^554 /) });
    expect(await sandbox()).toEqual([]);
  });

  it('refuses a message without recipients in the common error shape', async () => {
    const posted = await send({ ...message, subject: 'x' });
    expect(posted.statusCode).toBe(400);
    expect(posted.json()).toMatchObject({ error: { code: 'bad_request' } });
  });
});
