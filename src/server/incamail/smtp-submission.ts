import os from 'node:os';
import SMTPConnection from 'nodemailer/lib/smtp-connection';
import type { Secret } from './incamail-config.js';
import { envelopeOf, observedMimeStream, type MarkedMessage } from './compose-message.js';

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

/** IncaMail's SMTP submission (or the sandbox) as the outbox's transport. */
export function smtpTransport(endpoint: SmtpEndpoint, timeoutMs: number): SendTransport {
  return { submit: (message, hooks, signal) => submitMessage(endpoint, message, { timeoutMs, hooks, signal }) };
}

type Phase = 'connect' | 'login' | 'envelope' | 'data' | 'data-complete';

type NodemailerError = Error & { code?: string; originalCode?: string; responseCode?: number; response?: string };

/**
 * Submits one message over a fresh SMTP connection and classifies the result. Uses nodemailer's low-level
 * SMTPConnection rather than its transport: the transport reports a line cut at RCPT and one after the data
 * alike, while here the message stream tells exactly how far the data got.
 */
export function submitMessage(
  endpoint: SmtpEndpoint,
  message: MarkedMessage,
  options: { timeoutMs: number; hooks?: SubmitHooks; signal?: AbortSignal },
): Promise<SubmitOutcome> {
  return new Promise((resolve) => {
    let phase: Phase = 'connect';
    let settled = false;
    const connection = new SMTPConnection({
      host: endpoint.host,
      port: endpoint.port,
      secure: endpoint.secure,
      requireTLS: endpoint.requireTLS,
      // A loopback server without STARTTLS (the sandbox, a local relay) is fine; remote ones require it above.
      opportunisticTLS: !endpoint.requireTLS,
      name: os.hostname(),
      connectionTimeout: options.timeoutMs,
      greetingTimeout: options.timeoutMs,
      socketTimeout: options.timeoutMs,
      dnsTimeout: options.timeoutMs,
      socketCloseTimeout: 1000,
      logger: false,
      // No servername of our own: nodemailer sends the host name for SNI and none for an IP address, which
      // Node would otherwise warn about on every connection (DEP0123, RFC 6066).
      tls: endpoint.ca ? { ca: endpoint.ca } : {},
    });

    const settle = (outcome: SubmitOutcome) => {
      if (settled) return;
      settled = true;
      options.signal?.removeEventListener('abort', abort);
      if (outcome.kind === 'accepted') connection.quit();
      else connection.close();
      resolve(outcome);
    };
    const fail = (error: NodemailerError) => settle(classifyFailure(error, phase));
    // Stopping the bridge breaks the line; the outcome is classified like any other broken line.
    function abort() {
      fail(Object.assign(new Error('The bridge is stopping'), { code: 'ECONNECTION' }));
    }
    if (options.signal?.aborted) return abort();
    options.signal?.addEventListener('abort', abort, { once: true });

    // Errors also arrive as 'error' events (during connect only there); an unheard one would crash the bridge.
    connection.on('error', fail);
    connection.once('end', () => fail(Object.assign(new Error('Connection closed'), { code: 'ECONNECTION' })));

    connection.connect((error) => {
      if (error) return fail(error);
      const send = () => {
        phase = 'envelope';
        const stream = observedMimeStream(message, {
          onStart: () => {
            phase = 'data';
            options.hooks?.onDataStart?.();
          },
          onComplete: () => {
            phase = 'data-complete';
            options.hooks?.onDataComplete?.();
          },
        });
        connection.send(envelopeOf(message), stream, (error, info) => {
          if (error) return fail(error);
          settle({ kind: 'accepted', response: info.response, rejected: info.rejected });
        });
      };
      if (!endpoint.auth) return send();
      phase = 'login';
      connection.login({ user: endpoint.auth.user, pass: endpoint.auth.pass.reveal() }, (error) => {
        if (error) return fail(error);
        send();
      });
    });
  });
}

/**
 * Node's codes for a server certificate that cannot be trusted (OpenSSL's verification results, and the
 * host name check). The same server presents the same certificate on every attempt: not worth retrying.
 */
const CERTIFICATE_ERRORS = new Set([
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_REVOKED',
  'CERT_REJECTED',
  'CERT_UNTRUSTED',
  'CERT_SIGNATURE_FAILURE',
  'CERT_CHAIN_TOO_LONG',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_DECRYPT_CERT_SIGNATURE',
  'INVALID_CA',
  'INVALID_PURPOSE',
  'PATH_LENGTH_EXCEEDED',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/** SMTP reply classes (RFC 5321 §4.2.1): 4xx transient, 5xx permanent; no reply at all depends on the phase. */
function classifyFailure(error: NodemailerError, phase: Phase): SubmitOutcome {
  const response = typeof error.response === 'string' ? error.response : null;
  const code = error.responseCode;
  // nodemailer reports a socket error as ESOCKET and keeps Node's own code beside it.
  const tlsCode = error.originalCode ?? error.code ?? '';
  if (CERTIFICATE_ERRORS.has(tlsCode)) {
    const reason =
      `The IncaMail server's TLS certificate is not trusted (${tlsCode}: ${error.message}). ` +
      'Check the IncaMail host name, or give the bridge the certificate authority (NODE_EXTRA_CA_CERTS).';
    return { kind: 'failed', reason, response };
  }
  if (code && code >= 400 && code < 500) {
    return { kind: 'retry', reason: `IncaMail is temporarily unavailable: ${response}`, response };
  }
  if (code && code >= 500) {
    const reason =
      error.code === 'ETLS'
        ? `The IncaMail server refused STARTTLS, and the password never travels unencrypted: ${response}`
        : phase === 'login'
          ? `IncaMail refused the login: ${response}`
          : `IncaMail refused the message: ${response}`;
    return { kind: 'failed', reason, response };
  }
  if (error.code === 'ESTREAM' || (error.code === 'EMESSAGE' && !code)) {
    return { kind: 'failed', reason: `The message could not be built or is too large: ${error.message}`, response };
  }
  if (phase === 'data-complete') {
    return {
      kind: 'uncertain',
      reason: `The connection to IncaMail broke after the message was transmitted, before IncaMail confirmed it (${error.message})`,
    };
  }
  return { kind: 'retry', reason: `Could not reach IncaMail (${error.code ?? 'error'}): ${error.message}`, response };
}
