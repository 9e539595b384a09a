import os from 'node:os';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Secret } from './incamail-config.js';
import { envelopeOf, observedMimeStream, type MarkedMessage } from './compose-message.js';
import { classifyFailure, type NodemailerError, type Phase } from './smtp-failures.js';

/** A concrete SMTP server to submit to: IncaMail's, or the sandbox on its loopback port. */
export type SmtpEndpoint = {
  host: string;
  port: number;
  secure: boolean;
  requireTLS: boolean;
  auth?: { user: string; pass: Secret } | undefined;
  /** Trust anchors for a test server's self-signed certificate; production uses the system's. */
  ca?: string | undefined;
};

/**
 * What one attempt came to. `retry`: nothing can have been delivered (the line broke before the message was
 * complete, or the server answered 4xx), so trying again is safe. `uncertain`: the whole message went out and
 * no final reply came back; it may have been delivered, so it is never sent again automatically.
 */
export type SubmitOutcome =
  | { kind: 'accepted'; response: string; rejected: string[] }
  | { kind: 'retry'; reason: string; response: string | null }
  | { kind: 'failed'; reason: string; response: string | null }
  | { kind: 'uncertain'; reason: string };

export type SubmitHooks = {
  /** The server answered 354 and the message data starts to flow. */
  onDataStart?: () => void;
  /** The whole message was handed to the socket; only the terminating dot and the reply remain. */
  onDataComplete?: () => void;
};

/** The one way out of the outbox: submits a message and says how it went. */
export type SendTransport = {
  submit(message: MarkedMessage, hooks: SubmitHooks, signal: AbortSignal): Promise<SubmitOutcome>;
};

/**
 * One SMTP session with an IncaMail server: connected, TLS negotiated, logged in; messages then go over it one
 * after another. Uses nodemailer's low-level SMTPConnection rather than its transport: the transport reports a
 * line cut at RCPT and one after the data alike, while here the message stream tells exactly how far the data
 * of each message got, which decides whether it may ever be sent again (decision record 003).
 */
export class SmtpSession {
  /** Fails the operation in progress (opening, or one message) when the line breaks. */
  private failCurrent: ((error: NodemailerError) => void) | undefined;
  private lost = false;
  /** Messages this session has carried, accepted or not. */
  messages = 0;

  private constructor(private readonly connection: SMTPConnection) {
    // Errors also arrive as 'error' events (during connect only there); an unheard one would crash the bridge.
    connection.on('error', (error: NodemailerError) => this.lose(error));
    connection.once('end', () => this.lose(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })));
  }

  /** False once the line broke or was closed: the session takes no further message. */
  get usable(): boolean {
    return !this.lost;
  }

  private lose(error: NodemailerError): void {
    this.lost = true;
    const fail = this.failCurrent;
    this.failCurrent = undefined;
    fail?.(error);
  }

  /** Connects and logs in, or says why not (classified as a submission that never started). */
  static open(endpoint: SmtpEndpoint, timeoutMs: number, signal?: AbortSignal): Promise<SmtpSession | SubmitOutcome> {
    const connection = new SMTPConnection({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.secure,
      requireTLS: endpoint.requireTLS,
      // A loopback server without STARTTLS (the sandbox, a local relay) is fine; remote ones require it above.
      opportunisticTLS: !endpoint.requireTLS,
      name: os.hostname(),
      connectionTimeout: timeoutMs,
      greetingTimeout: timeoutMs,
      socketTimeout: timeoutMs,
      dnsTimeout: timeoutMs,
      socketCloseTimeout: 1000,
      logger: false,
      // No servername of our own: nodemailer sends the host name for SNI and none for an IP address, which
      // Node would otherwise warn about on every connection (DEP0123, RFC 6066).
      tls: endpoint.ca ? { ca: endpoint.ca } : {},
    });
    const session = new SmtpSession(connection);
    return new Promise((resolve) => {
      let phase: Phase = 'connect';
      let settled = false;
      const settle = (result: SmtpSession | SubmitOutcome) => {
        if (settled) return;
        settled = true;
        session.failCurrent = undefined;
        signal?.removeEventListener('abort', abort);
        if (!(result instanceof SmtpSession)) session.close();
        resolve(result);
      };
      const fail = (error: NodemailerError) => settle(classifyFailure(error, phase));
      // Stopping the bridge breaks the line itself; the outcome is classified like any other broken line.
      function abort() {
        fail(Object.assign(new Error('The bridge is stopping'), { code: 'ECONNECTION' }));
      }
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      session.failCurrent = fail;
      connection.connect((error) => {
        if (error) return fail(error);
        if (!endpoint.auth) return settle(session);
        phase = 'login';
        connection.login({ user: endpoint.auth.user, pass: endpoint.auth.pass.reveal() }, (loginError) => {
          if (loginError) return fail(loginError);
          settle(session);
        });
      });
    });
  }

  /**
   * Sends one message. `untouched`: it failed before a byte of its data went out (a reused line the server had
   * closed meanwhile, say), so it may go over another session at once.
   */
  send(
    message: MarkedMessage,
    hooks: SubmitHooks = {},
    signal?: AbortSignal,
  ): Promise<{ outcome: SubmitOutcome; untouched: boolean; refusedByServer: boolean }> {
    this.messages += 1;
    return new Promise((resolve) => {
      let phase: Phase = 'envelope';
      let settled = false;
      const settle = (outcome: SubmitOutcome, error?: NodemailerError) => {
        if (settled) return;
        settled = true;
        this.failCurrent = undefined;
        signal?.removeEventListener('abort', abort);
        // After any failure the line is given up: its state is not worth a guess.
        if (outcome.kind !== 'accepted') this.close();
        resolve({ outcome, untouched: phase === 'envelope', refusedByServer: error?.responseCode !== undefined });
      };
      const fail = (error: NodemailerError) => settle(classifyFailure(error, phase), error);
      function abort() {
        fail(Object.assign(new Error('The bridge is stopping'), { code: 'ECONNECTION' }));
      }
      if (!this.usable) return fail(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' }));
      if (signal?.aborted) return abort();
      signal?.addEventListener('abort', abort, { once: true });
      this.failCurrent = fail;
      const stream = observedMimeStream(message, {
        onStart: () => {
          phase = 'data';
          hooks.onDataStart?.();
        },
        onComplete: () => {
          phase = 'data-complete';
          hooks.onDataComplete?.();
        },
      });
      this.connection.send(envelopeOf(message), stream, (error, info) => {
        if (error) return fail(error);
        settle({ kind: 'accepted', response: info.response, rejected: info.rejected });
      });
    });
  }

  /** Ends the session politely (QUIT). */
  quit(): void {
    this.lost = true;
    this.connection.quit();
  }

  close(): void {
    this.lost = true;
    this.connection.close();
  }
}

/** Submits one message over a fresh SMTP connection of its own and classifies the result. */
export async function submitMessage(
  endpoint: SmtpEndpoint,
  message: MarkedMessage,
  options: { timeoutMs: number; hooks?: SubmitHooks; signal?: AbortSignal },
): Promise<SubmitOutcome> {
  const session = await SmtpSession.open(endpoint, options.timeoutMs, options.signal);
  if (!(session instanceof SmtpSession)) return session;
  const { outcome } = await session.send(message, options.hooks, options.signal);
  if (outcome.kind === 'accepted') session.quit();
  return outcome;
}
