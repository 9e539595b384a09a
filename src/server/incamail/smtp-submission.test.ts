import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import net, { type AddressInfo } from 'node:net';
import { startSmtpFaultProxy, type SmtpFault, type SmtpFaultProxy } from '../../../test/support/smtp-faults';
import { startSmtpSink, type SmtpSink, type SmtpSinkOptions } from '../../../test/support/smtp-sink';
import { loopbackCertificate } from '../../../test/support/test-certificate';
import type { MarkedMessage } from './compose-message.js';
import { Secret } from './incamail-config.js';
import { submitMessage, type SmtpEndpoint, type SubmitOutcome } from './smtp-submission.js';

const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(64 * 1024), Buffer.from('\n.\r\n..\n%%EOF\n')]);
const notes = Buffer.from('line one\nline two\r\n.\nlast line without newline');

const message: MarkedMessage = {
  messageId: '<test-1.ledgermail@example.ch>',
  from: 'anna.keller@example.ch',
  subject: '<r>Invoice 2026-0042 – Müller & Söhne',
  to: ['max@example.org.incamail.ch'],
  cc: ['lea@example.ch.incamail.ch'],
  bcc: ['archive@example.ch.incamail.ch'],
  html: '<p>Dear Max,</p><p>please find <b>invoice 2026-0042</b> attached.</p>',
  attachments: [
    { name: 'Invoice-2026-0042.pdf', contentType: 'application/pdf', content: pdf },
    { name: 'notes.txt', contentType: 'text/plain', content: notes },
  ],
  sizeBytes: 120_000,
};

describe('SMTP submission', () => {
  let sink: SmtpSink | undefined;
  let proxy: SmtpFaultProxy | undefined;
  afterEach(async () => {
    await proxy?.close();
    await sink?.close();
    proxy = sink = undefined;
  });

  async function submitThrough(
    options: SmtpSinkOptions & { faults?: SmtpFault[]; endpoint?: Partial<SmtpEndpoint>; message?: MarkedMessage },
  ) {
    sink = await startSmtpSink(options);
    proxy = options.faults ? await startSmtpFaultProxy(sink.port, options.faults) : undefined;
    const progress: string[] = [];
    const outcome = await submitMessage(
      { host: '127.0.0.1', port: proxy?.port ?? sink.port, secure: false, requireTLS: false, ...options.endpoint },
      options.message ?? message,
      {
        timeoutMs: 2000,
        hooks: { onDataStart: () => progress.push('start'), onDataComplete: () => progress.push('complete') },
      },
    );
    return { outcome, progress, sink };
  }

  it('delivers the marked message: From is the user, Bcc only in the envelope, attachments byte-exact', async () => {
    const { outcome, progress } = await submitThrough({});
    expect(outcome).toMatchObject({ kind: 'accepted', response: expect.stringMatching(/^250 /), rejected: [] });
    expect(progress).toEqual(['start', 'complete']);
    const [received] = sink!.messages;
    expect(received!.envelope).toEqual({
      from: 'anna.keller@example.ch',
      to: ['max@example.org.incamail.ch', 'lea@example.ch.incamail.ch', 'archive@example.ch.incamail.ch'],
    });
    const parsed = received!.parsed;
    expect(parsed.subject).toBe('<r>Invoice 2026-0042 – Müller & Söhne');
    expect(parsed.from?.value).toEqual([{ address: 'anna.keller@example.ch', name: '' }]);
    expect(parsed.headers.has('bcc')).toBe(false);
    expect(received!.raw.toString('latin1')).not.toContain('archive@example.ch');
    expect(parsed.messageId).toBe('<test-1.ledgermail@example.ch>');
    expect(parsed.html).toContain('<b>invoice 2026-0042</b>');
    expect(parsed.text).toMatch(/please find invoice 2026-0042 attached/i);
    expect(parsed.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['Invoice-2026-0042.pdf', 'application/pdf'],
      ['notes.txt', 'text/plain'],
    ]);
    expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true);
    expect(parsed.attachments[1]!.content.equals(notes)).toBe(true);
  });

  it('announces the message size with SIZE, so a gateway at its limit refuses before the upload', async () => {
    await submitThrough({});
    expect(sink!.mailFromArgs).toEqual([expect.objectContaining({ SIZE: '120000' })]);
    await sink!.close();
    // A gateway whose limit is below the announced size: nothing of the message travels.
    const { outcome } = await submitThrough({ size: 119_999 });
    expect(outcome).toMatchObject({ kind: 'failed' });
    expect(sink!.dataAttempts()).toBe(0);
  });

  it('reads the message only after the 354 reply: a line cut at DATA is retryable, no data sent', async () => {
    const { outcome, progress } = await submitThrough({ faults: ['drop-at-data'] });
    expect(outcome.kind).toBe('retry');
    expect(progress).toEqual([]);
    expect(sink!.messages).toHaveLength(0);
  });

  it('retries a line cut in the middle of the data: without the final dot nothing was delivered', async () => {
    // Large enough that the client cannot have handed all of it to the socket when the cut arrives.
    const large = {
      ...message,
      attachments: [{ name: 'scan.pdf', contentType: 'application/pdf', content: randomBytes(4e6) }],
    };
    const { outcome, progress } = await submitThrough({ faults: ['drop-mid-data'], message: large });
    expect(outcome.kind).toBe('retry');
    expect(progress).toEqual(['start']);
    expect(sink!.messages).toHaveLength(0);
  });

  it('is uncertain when the line breaks after the whole message went out', async () => {
    const { outcome, progress } = await submitThrough({ faults: ['drop-after-data'] });
    expect(outcome.kind).toBe('uncertain');
    expect(progress).toEqual(['start', 'complete']);
    // The server did receive it: exactly the case that must never be sent again automatically.
    expect(sink!.messages).toHaveLength(1);
  });

  it('retries a refused connection', async () => {
    const { outcome } = await submitThrough({ faults: ['refuse'] });
    expect(outcome.kind).toBe('retry');
  });

  it('fails on a 5xx reply to the data, with the server reply', async () => {
    const { outcome } = await submitThrough({
      replyToData: () => ({ code: 554, message: '5.7.1 Rejected by policy' }),
    });
    expect(outcome).toEqual({
      kind: 'failed',
      reason: expect.stringContaining('554 5.7.1 Rejected by policy'),
      response: '554 5.7.1 Rejected by policy',
    });
  });

  it('retries a 4xx reply to the data or to a recipient', async () => {
    const data = await submitThrough({ replyToData: () => ({ code: 451, message: '4.3.0 Try again later' }) });
    expect(data.outcome).toMatchObject({ kind: 'retry', response: '451 4.3.0 Try again later' });
    await sink!.close();
    const rcpt = await submitThrough({ replyToRcpt: () => ({ code: 450, message: '4.2.1 Mailbox busy' }) });
    expect(rcpt.outcome).toMatchObject({ kind: 'retry' });
    expect(rcpt.progress).toEqual([]);
  });

  it('logs in with the configured credentials and fails on a refused login', async () => {
    const auth = { user: 'ledgermail', pass: 'Sup3r-Secret!' };
    const ok = await submitThrough({ auth, endpoint: { auth: { user: auth.user, pass: new Secret(auth.pass) } } });
    expect(ok.outcome.kind).toBe('accepted');
    await sink!.close();
    const refused = await submitThrough({ auth, endpoint: { auth: { user: auth.user, pass: new Secret('wrong') } } });
    expect(refused.outcome).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/refused the login/) });
  });

  it('never logs in without TLS when STARTTLS is required', async () => {
    const auth = { user: 'ledgermail', pass: 'Sup3r-Secret!' };
    const { outcome } = await submitThrough({
      auth,
      endpoint: { requireTLS: true, auth: { user: auth.user, pass: new Secret(auth.pass) } },
    });
    expect(outcome.kind).toBe('failed');
    expect(sink!.logins()).toBe(0);
  });

  it('fails at once, as a configuration error, when the server’s certificate is not trusted', async () => {
    const tls = await loopbackCertificate();
    const auth = { user: 'ledgermail', pass: 'Sup3r-Secret!' };
    // No trust anchor for the server's self-signed certificate: retrying would meet the same certificate.
    const { outcome } = await submitThrough({
      auth,
      tls,
      endpoint: { requireTLS: true, auth: { user: auth.user, pass: new Secret(auth.pass) } },
    });
    expect(outcome).toMatchObject({ kind: 'failed', reason: expect.stringMatching(/certificate/i) });
    expect(sink!.logins()).toBe(0);
    expect(sink!.dataAttempts()).toBe(0);
  });

  it('submits over STARTTLS to an IP-address host without Node’s warning about TLS server names', async () => {
    const tls = await loopbackCertificate();
    sink = await startSmtpSink({ tls });
    // Node warns on the real process, which a test file does not see: the submission runs in a child.
    const endpoint = { host: '127.0.0.1', port: sink.port, secure: false, requireTLS: true, ca: tls.cert };
    const script = `
      import { submitMessage } from ${JSON.stringify(new URL('./smtp-submission.ts', import.meta.url).href)};
      const message = ${JSON.stringify({ ...message, attachments: [] })};
      const outcome = await submitMessage(${JSON.stringify(endpoint)}, message, { timeoutMs: 5000 });
      console.log(JSON.stringify(outcome));`;
    const child = await new Promise<{ stdout: string; stderr: string }>((resolve, reject) => {
      execFile(
        process.execPath,
        ['--import', 'tsx', '--input-type=module', '-e', script],
        { timeout: 20_000 },
        (error, stdout, stderr) => (error ? reject(error) : resolve({ stdout, stderr })),
      );
    });
    expect(JSON.parse(child.stdout.trim().split('\n').at(-1)!)).toMatchObject({ kind: 'accepted' });
    expect(child.stderr).not.toContain('DEP0123');
  });

  it('gives up on a server that never greets, within the timeout', async () => {
    const silent = net.createServer(() => undefined);
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const started = Date.now();
    let outcome: SubmitOutcome;
    try {
      outcome = await submitMessage(
        { host: '127.0.0.1', port: (silent.address() as AddressInfo).port, secure: false, requireTLS: false },
        message,
        { timeoutMs: 300 },
      );
    } finally {
      silent.close();
    }
    expect(outcome.kind).toBe('retry');
    expect(Date.now() - started).toBeLessThan(2000);
  });
});
