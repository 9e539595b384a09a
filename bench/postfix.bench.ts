/**
 * The relay's SMTP submission against a real MTA: Debian's Postfix on loopback, STARTTLS required and a SASL
 * login, N messages with a 200 KB PDF, each to one recipient delivered to one Maildir. Baseline, in the same run:
 * pooled nodemailer (4 connections kept open) through the same Postfix. Measured: the bridge's pooled transport
 * with 4 submissions at once (target ≥ 80 % of the baseline), and for reference a connection (TLS handshake and
 * login) per message. A round ends when the last message is in the Maildir, not when the transport says 250:
 * Postfix's queue manager and virtual delivery are part of the path, the same for every client.
 */
import nodemailer from 'nodemailer';
import { postfixEndpoint, startPostfix } from '../test/support/postfix';
import { encodedMessageBytes } from '../src/contract/message-size';
import type { MarkedMessage } from '../src/server/incamail/compose-message';
import { pooledSmtpTransport } from '../src/server/incamail/smtp-pool';
import { submitMessage, type SubmitOutcome } from '../src/server/incamail/smtp-submission';
import { makePdf } from './bench-bridge';
import { median, type Benchmark } from './harness';

const MESSAGES = Number(process.env.BENCH_POSTFIX_MESSAGES ?? 300);
const ROUNDS = Number(process.env.BENCH_POSTFIX_ROUNDS ?? 3);
const PARALLEL = 4;

/** Runs `total` jobs with at most `parallel` at once. */
async function inParallel(total: number, parallel: number, job: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: parallel }, async () => {
      while (next < total) await job(next++);
    }),
  );
}

function expectAccepted(outcome: SubmitOutcome): void {
  if (outcome.kind !== 'accepted') throw new Error(`a submission ended ${outcome.kind}: ${JSON.stringify(outcome)}`);
}

const benchmark: Benchmark = {
  name: `Relay through Postfix: ${MESSAGES} messages with a 200 KB PDF, STARTTLS + AUTH, ${PARALLEL} at once`,
  async run(report) {
    const postfix = await startPostfix();
    try {
      const pdf = await makePdf(200 * 1024);
      const base = {
        from: 'anna.keller@example.ch',
        to: ['max@example.org.incamail.ch'],
        cc: [],
        bcc: [],
        subject: '<r>Invoice 2026-0042',
        html: '<p>Dear Max,</p><p>please find invoice 2026-0042 attached.</p>',
      };
      const sizeBytes = encodedMessageBytes({
        subject: base.subject,
        html: base.html,
        addresses: [...base.to, base.from],
        attachments: [{ name: 'Invoice.pdf', bytes: pdf.length }],
      });
      let serial = 0;
      const marked = (): MarkedMessage => ({
        ...base,
        messageId: `<bench-${serial++}.ledgermail@example.ch>`,
        attachments: [{ name: 'Invoice.pdf', contentType: 'application/pdf', content: pdf }],
        sizeBytes,
      });
      report.note(`PDF: ${(pdf.length / 1024).toFixed(0)} KB; arrival counted in Postfix's Maildir`);

      const endpoint = postfixEndpoint(postfix);
      const pooled = nodemailer.createTransport({
        host: '127.0.0.1',
        port: postfix.port,
        secure: false,
        requireTLS: true,
        auth: { user: postfix.user, pass: postfix.pass },
        tls: { ca: postfix.ca },
        pool: true,
        maxConnections: PARALLEL,
        maxMessages: Infinity,
      });
      const relay = pooledSmtpTransport(endpoint, { timeoutMs: 60_000 });
      const signal = new AbortController().signal;
      const mail = () => {
        const message = marked();
        return {
          from: message.from,
          to: message.to,
          subject: message.subject,
          html: message.html,
          messageId: message.messageId,
          attachments: [{ filename: 'Invoice.pdf', contentType: 'application/pdf', content: pdf }],
        };
      };

      const rate = async (send: () => Promise<void>) => {
        const before = postfix.deliveredCount();
        const start = Date.now();
        await inParallel(MESSAGES, PARALLEL, send);
        await postfix.waitForMessages(before + MESSAGES, 600_000);
        return MESSAGES / ((Date.now() - start) / 1000);
      };
      const nodemailerPooled = async () => void (await pooled.sendMail(mail()));
      const relayPooled = async () => expectAccepted(await relay.submit(marked(), {}, signal));
      const perConnection = async () => expectAccepted(await submitMessage(endpoint, marked(), { timeoutMs: 60_000 }));

      // Warm-up: JIT, the pools' first sessions, Postfix's first smtpd, cleanup and virtual processes.
      for (const send of [nodemailerPooled, relayPooled, perConnection]) await send();
      await postfix.waitForMessages(3, 30_000);

      const baseline: number[] = [];
      const bridge: number[] = [];
      const single: number[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        baseline.push(await rate(nodemailerPooled));
        bridge.push(await rate(relayPooled));
        single.push(await rate(perConnection));
        report.note(
          `round ${round + 1}: nodemailer pooled ${baseline.at(-1)!.toFixed(1)}/s, relay pooled ` +
            `${bridge.at(-1)!.toFixed(1)}/s, a connection per message ${single.at(-1)!.toFixed(1)}/s`,
        );
      }
      pooled.close();
      relay.close();
      report.figure('nodemailer pooled through Postfix (baseline)', 'median', median(baseline), 'messages/s');
      report.figure('relay: pooledSmtpTransport', 'median', median(bridge), 'messages/s');
      report.figure('relay: a connection per message (submitMessage)', 'median', median(single), 'messages/s');
      report.ratio('relay pooled / nodemailer pooled', median(bridge) / median(baseline), '≥ 0.8');
      report.ratio('per-connection / nodemailer pooled', median(single) / median(baseline), 'for reference');
    } finally {
      await postfix.stop();
    }
  },
};

export default benchmark;
