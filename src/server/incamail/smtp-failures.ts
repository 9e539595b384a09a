import type { SubmitOutcome } from './smtp-submission.js';

/** How far one message got in its SMTP session when something went wrong. */
export type Phase = 'connect' | 'login' | 'envelope' | 'data' | 'data-complete';

export type NodemailerError = Error & {
  code?: string;
  originalCode?: string;
  responseCode?: number;
  response?: string;
};

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
export function classifyFailure(error: NodemailerError, phase: Phase): SubmitOutcome {
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
