import { startSmtpFaultProxy, type SmtpFaultPlan, type SmtpFaultProxy } from '../../../test/support/smtp-faults';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../../test/support/smtp-sink';
import type { MarkedMessage } from './compose-message.js';
import { Secret } from './incamail-config.js';
import { pooledSmtpTransport, type PooledTransport, type SmtpPoolOptions } from './smtp-pool.js';
import type { SubmitOutcome } from './smtp-submission.js';

const messageNumber = (n: number): MarkedMessage => ({
  messageId: `<pool-${n}.ledgermail@example.ch>`,
  from: 'anna.keller@example.ch',
  subject: `<r>Rechnung 2026-${String(n).padStart(4, '0')}`,
  to: ['max@example.org.incamail.ch'],
  cc: [],
  bcc: [],
  html: `<p>Rechnung ${n}</p>`,
  attachments: [{ name: 'Rechnung.pdf', contentType: 'application/pdf', content: Buffer.from(`%PDF-1.7\n${n}`) }],
  sizeBytes: 2_000,
});

/**
 * The relay's SMTP sessions kept between messages: one TLS handshake and login per lane instead of per message,
 * and the exactly-once rules of one message unchanged on a reused line (decision record 003).
 */
describe('pooled SMTP submission', () => {
  let sink: SmtpSink;
  let proxy: SmtpFaultProxy | undefined;
  let pool: PooledTransport;
  afterEach(async () => {
    pool?.close();
    await proxy?.close();
    await sink?.close();
    proxy = undefined;
  });

  async function poolOf(
    options: SmtpSinkOptions & { faults?: SmtpFaultPlan[] } = {},
    poolOptions: Partial<SmtpPoolOptions> = {},
  ) {
    sink = await startSmtpSink({ parse: false, ...options });
    proxy = options.faults ? await startSmtpFaultProxy(sink.port, options.faults) : undefined;
    pool = pooledSmtpTransport(
      {
        host: '127.0.0.1',
        port: proxy?.port ?? sink.port,
        secure: false,
        requireTLS: false,
        ...(options.auth ? { auth: { user: options.auth.user, pass: new Secret(options.auth.pass) } } : {}),
      },
      { timeoutMs: 2000, ...poolOptions },
    );
    return pool;
  }
  const signal = new AbortController().signal;
  const submit = (n: number, phases: string[] = []) =>
    pool.submit(
      messageNumber(n),
      { onDataStart: () => phases.push(`${n}:start`), onDataComplete: () => phases.push(`${n}:complete`) },
      signal,
    );

  it('sends one message after another over one session, logged in once', async () => {
    await poolOf({ auth: { user: 'relay', pass: 's3cret' } });
    for (let n = 1; n <= 5; n++) expect((await submit(n)).kind).toBe('accepted');
    expect(sink.messages).toHaveLength(5);
    expect([sink.connections(), sink.logins()]).toEqual([1, 1]);
    expect(pool.openSessions()).toBe(1);
  });

  it('opens no more sessions than messages in flight at once', async () => {
    await poolOf({ dataReplyDelayMs: 50 });
    const outcomes = await Promise.all([1, 2, 3].map((n) => submit(n)));
    expect(outcomes.map((o) => o.kind)).toEqual(['accepted', 'accepted', 'accepted']);
    for (let n = 4; n <= 9; n += 3) await Promise.all([n, n + 1, n + 2].map((m) => submit(m)));
    expect(sink.messages).toHaveLength(9);
    expect(sink.connections()).toBe(3);
  });

  it('sends over a fresh session at once when the server dropped the idle one, without a retry', async () => {
    await poolOf({ faults: [] });
    expect((await submit(1)).kind).toBe('accepted');
    proxy!.cutAll();
    const phases: string[] = [];
    expect((await submit(2, phases)).kind).toBe('accepted');
    expect(phases).toEqual(['2:start', '2:complete']);
    expect(sink.messages).toHaveLength(2);
    expect(proxy!.connections()).toBe(2);
  });

  it('marks only the message on a reused line that broke after its data, and never sends it again by itself', async () => {
    await poolOf({ faults: [{ fault: 'drop-after-data', atMessage: 2 }] });
    const phases: string[] = [];
    expect((await submit(1, phases)).kind).toBe('accepted');
    const second: SubmitOutcome = await submit(2, phases);
    expect(second.kind).toBe('uncertain');
    expect((await submit(3, phases)).kind).toBe('accepted');
    expect(phases).toEqual(['1:start', '1:complete', '2:start', '2:complete', '3:start', '3:complete']);
    // The server kept message 2 (its reply was lost): it is there once, and the pool did not send it again.
    expect(sink.messages.filter((m) => m.raw.toString().includes('Rechnung 2026-0002'))).toHaveLength(1);
    expect(sink.messages).toHaveLength(3);
  });

  it('reports a line cut at DATA on a reused session as safe to retry, its data never started', async () => {
    await poolOf({ faults: [{ fault: 'drop-at-data', atMessage: 2 }] });
    expect((await submit(1)).kind).toBe('accepted');
    const phases: string[] = [];
    const second = await submit(2, phases);
    // The envelope went through on the reused line, then it broke: nothing of the message left. The pool sends it
    // at once over a fresh session, as the server had in effect dropped the line.
    expect(second.kind).toBe('accepted');
    expect(phases).toEqual(['2:start', '2:complete']);
    expect(sink.messages).toHaveLength(2);
  });

  it('gives up a session after its message limit and when it idles', async () => {
    await poolOf({}, { maxMessagesPerSession: 2, idleMs: 100 });
    for (let n = 1; n <= 4; n++) await submit(n);
    expect(sink.connections()).toBe(2);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pool.openSessions()).toBe(0);
    expect((await submit(5)).kind).toBe('accepted');
    expect(sink.connections()).toBe(3);
  });

  it('keeps no session whose message the server refused, and refuses nothing else for it', async () => {
    await poolOf({ replyToData: (n) => (n === 2 ? { code: 554, message: '5.6.0 refused' } : undefined) });
    expect((await submit(1)).kind).toBe('accepted');
    expect(await submit(2)).toMatchObject({ kind: 'failed', response: expect.stringMatching(/^554 /) });
    expect((await submit(3)).kind).toBe('accepted');
    expect(sink.connections()).toBe(2);
  });
});
