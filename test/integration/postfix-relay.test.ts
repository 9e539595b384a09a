import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { simpleParser } from 'mailparser';
import { startBenchBridge } from '../../bench/bench-bridge';
import { encodedMessageBytes } from '../../src/contract/message-size';
import type { MarkedMessage } from '../../src/server/incamail/compose-message';
import { Secret } from '../../src/server/incamail/incamail-config';
import { pooledSmtpTransport, type PooledTransport } from '../../src/server/incamail/smtp-pool';
import type { SmtpEndpoint } from '../../src/server/incamail/smtp-submission';
import { renderFixturePdf } from '../support/pdf-fixture';
import { postfixEndpoint, startPostfix, type PostfixInstance } from '../support/postfix';

const TO = 'max@example.org.incamail.ch';
const CC = 'lea@example.ch.incamail.ch';
const BCC = 'archive@example.ch.incamail.ch';

async function invoiceMessage(n: number): Promise<MarkedMessage> {
  const number = `2026-${String(n).padStart(4, '0')}`;
  // A real PDF per message, each different, so a mix-up between messages shows.
  const pdf = Buffer.from(await renderFixturePdf(`Rechnung ${number}`, [`Betrag: ${n * 100}.00 CHF`]));
  const message = {
    messageId: `<postfix-${n}.ledgermail@example.ch>`,
    from: 'anna.keller@example.ch',
    subject: `<r>Rechnung ${number}`,
    to: [TO],
    cc: [CC],
    bcc: [BCC],
    html: `<p>Guten Tag</p><p>Rechnung ${number} im Anhang.</p>`,
    attachments: [{ name: `Rechnung-${number}.pdf`, contentType: 'application/pdf', content: pdf }],
  };
  return {
    ...message,
    sizeBytes: encodedMessageBytes({
      subject: message.subject,
      html: message.html,
      addresses: [...message.to, ...message.cc, ...message.bcc, message.from],
      attachments: [{ name: message.attachments[0]!.name, bytes: pdf.length }],
    }),
  };
}

/** The header block of a raw message, without the lines Postfix's delivery adds to name the envelope recipient. */
function headersWithoutEnvelope(raw: Buffer): string {
  const text = raw.toString('latin1');
  return text
    .slice(0, text.indexOf('\r\n\r\n') >= 0 ? text.indexOf('\r\n\r\n') : text.indexOf('\n\n'))
    .split(/\r?\n/)
    .filter((line) => !/^(Delivered-To|X-Original-To):/i.test(line))
    .join('\n');
}

/**
 * The relay's SMTP submission against a real MTA: Debian's Postfix on loopback with STARTTLS required and SASL
 * logins from a cyrus sasldb, every recipient delivered to one Maildir. What arrives there is what IncaMail's
 * gateway would receive.
 */
describe('relay submission through Postfix (STARTTLS + AUTH)', () => {
  let postfix: PostfixInstance;
  let pool: PooledTransport | undefined;
  beforeAll(async () => {
    postfix = await startPostfix();
  }, 60_000);
  afterAll(async () => {
    await postfix?.stop();
  });
  afterEach(() => {
    pool?.close();
    pool = undefined;
  });

  const endpoint = (overrides: Partial<SmtpEndpoint> = {}) => postfixEndpoint(postfix, overrides);
  const signal = new AbortController().signal;

  it('delivers every message to every recipient, attachment byte-identical, over ESMTPSA, Bcc in no header', async () => {
    const before = postfix.delivered().length;
    pool = pooledSmtpTransport(endpoint(), { timeoutMs: 10_000 });
    const messages = await Promise.all([1, 2, 3, 4].map(invoiceMessage));
    // Two lanes at once, two messages each: the second message of a lane goes over a reused session.
    const outcomes = await Promise.all(
      [messages.slice(0, 2), messages.slice(2)].map(async (lane) => {
        const results = [];
        for (const message of lane) results.push(await pool!.submit(message, {}, signal));
        return results;
      }),
    );
    for (const outcome of outcomes.flat()) {
      expect(outcome).toMatchObject({ kind: 'accepted', response: expect.stringMatching(/^250 /), rejected: [] });
    }
    expect(pool.openSessions()).toBe(2);

    // virtual(8) delivers one copy per recipient: 4 messages × (To, Cc, Bcc).
    const raws = (await postfix.waitForMessages(before + 12, 20_000)).slice(before);
    const copies = await Promise.all(
      raws.map(async (raw) => ({ raw, parsed: await simpleParser(raw), headers: headersWithoutEnvelope(raw) })),
    );
    const deliveries = copies.map(
      ({ raw, parsed }) => `${parsed.messageId} → ${/^Delivered-To: (\S+)\r?$/m.exec(raw.toString('latin1'))?.[1]}`,
    );
    expect(deliveries.sort()).toEqual(
      messages.flatMap((message) => [TO, CC, BCC].map((address) => `${message.messageId} → ${address}`)).sort(),
    );
    for (const { raw, parsed, headers } of copies) {
      const sent = messages.find((message) => message.messageId === parsed.messageId)!;
      expect(parsed.subject).toBe(sent.subject);
      expect(parsed.attachments).toHaveLength(1);
      const [attachment] = parsed.attachments;
      expect(attachment!.filename).toBe(sent.attachments[0]!.name);
      expect(attachment!.content.equals(sent.attachments[0]!.content as Buffer)).toBe(true);
      // Postfix's own Received header (the topmost): TLS and SASL on the submission, and as whom.
      const topReceived = /^Received: [\s\S]*?(?=\r?\n\S)/m.exec(raw.toString('latin1'))![0];
      expect(topReceived).toMatch(/with ESMTPSA id /);
      // Postfix names the login with the SASL realm it appended (smtpd_sasl_local_domain).
      expect(topReceived).toContain(`(Authenticated sender: ${postfix.user}@`);
      expect(topReceived).toMatch(/using TLSv1\.[23]/);
      // Postfix is set to keep Bcc headers, so a Bcc header the relay wrote would be here.
      expect(headers).not.toMatch(/^(Resent-)?Bcc:/im);
      expect(headers).not.toContain(BCC);
      expect(parsed.headers.get('to')).toMatchObject({ text: TO });
      expect(parsed.headers.get('cc')).toMatchObject({ text: CC });
    }
  });

  it('gives a failed outcome when Postfix refuses the login, and delivers nothing', async () => {
    const before = postfix.delivered().length;
    pool = pooledSmtpTransport(endpoint({ auth: { user: postfix.user, pass: new Secret('wrong') } }), {
      timeoutMs: 10_000,
    });
    const outcome = await pool.submit(await invoiceMessage(5), {}, signal);
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/^IncaMail refused the login: 535/),
    });
    expect(pool.openSessions()).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(postfix.delivered()).toHaveLength(before);
  });

  it('is refused without a login: the relay cannot deliver unauthenticated', async () => {
    pool = pooledSmtpTransport(endpoint({ auth: undefined }), { timeoutMs: 10_000 });
    const outcome = await pool.submit(await invoiceMessage(6), {}, signal);
    expect(outcome).toMatchObject({ kind: 'failed', response: expect.stringMatching(/^554 5\.7\.1 .*Access denied/) });
  });

  it('fails closed on a server certificate it has no trust anchor for', async () => {
    pool = pooledSmtpTransport(endpoint({ ca: undefined }), { timeoutMs: 10_000 });
    const outcome = await pool.submit(await invoiceMessage(7), {}, signal);
    expect(outcome).toMatchObject({
      kind: 'failed',
      reason: expect.stringMatching(/certificate is not trusted \(.*SELF_SIGNED.*NODE_EXTRA_CA_CERTS/s),
    });
  });
});

/**
 * The whole bridge as production runs it, in a process of its own: INCAMAIL_SMTP_URL names Postfix with the login,
 * and the self-signed certificate is trusted the production way, NODE_EXTRA_CA_CERTS at process start (the bridge
 * has no CA setting of its own, and Node reads that variable only when it starts).
 */
describe('the bridge relaying through Postfix', () => {
  it('takes a registered send over HTTP and Postfix delivers it, marked, over ESMTPSA', async () => {
    const postfix = await startPostfix();
    const dir = mkdtempSync(path.join(os.tmpdir(), 'ledgermail-postfix-bridge-'));
    let bridge: Awaited<ReturnType<typeof startBenchBridge>> | undefined;
    try {
      writeFileSync(path.join(dir, 'ca.pem'), postfix.ca);
      bridge = await startBenchBridge({
        DATA_DIR: path.join(dir, 'data'),
        ADDIN_DIR: path.join(dir, 'dist'),
        INCAMAIL_SMTP_URL: `smtp://${postfix.user}:${encodeURIComponent(postfix.pass)}@127.0.0.1:${postfix.port}`,
        NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.pem'),
      });
      const pdf = Buffer.from(await renderFixturePdf('Invoice 2026-0042', ['Amount: 1,250.00 CHF']));
      const response = await fetch(`${bridge.address}/api/sends?wait=10`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': 'postfix-e2e-1',
          authorization: `Bearer ${await bridge.tokenOf('anna.keller@example.ch')}`,
        },
        body: JSON.stringify({
          mode: 'registered',
          from: 'anna.keller@example.ch',
          to: ['max@example.org'],
          subject: 'Invoice 2026-0042',
          html: '<p>Dear Max,</p><p>please find invoice 2026-0042 attached.</p>',
          attachments: [{ name: 'Invoice.pdf', contentType: 'application/pdf', contentBase64: pdf.toString('base64') }],
        }),
        signal: AbortSignal.timeout(20_000),
      });
      expect(response.status).toBe(202);
      expect(((await response.json()) as { status: string }).status).toBe('accepted');
      const [raw] = await postfix.waitForMessages(1, 10_000);
      const parsed = await simpleParser(raw!);
      expect(parsed.subject).toBe('<r>Invoice 2026-0042');
      expect(parsed.headers.get('to')).toMatchObject({ text: TO });
      expect(raw!.toString('latin1')).toMatch(/^Delivered-To: max@example\.org\.incamail\.ch\r?$/m);
      expect(parsed.attachments[0]!.content.equals(pdf)).toBe(true);
      expect(/^Received: [\s\S]*?(?=\r?\n\S)/m.exec(raw!.toString('latin1'))![0]).toMatch(
        /using TLSv1\.[23][\s\S]*with ESMTPSA id /,
      );
    } finally {
      await bridge?.stop();
      await postfix.stop();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
