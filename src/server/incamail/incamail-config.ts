import { inspect } from 'node:util';
import { z } from 'zod';
import { DEFAULT_RECIPIENT_SUFFIX, isValidRecipientSuffix } from '../../contract/marking.js';
import { SECURE_MODES, type SecureMode } from '../../contract/modes.js';

/**
 * A password that cannot leak by accident: JSON, string conversion and `util.inspect` (what loggers use)
 * all print `[redacted]`; only `reveal()` hands out the value, at the one place that logs in.
 */
export class Secret {
  readonly #value: string;
  constructor(value: string) {
    this.#value = value;
  }
  reveal(): string {
    return this.#value;
  }
  toJSON(): string {
    return '[redacted]';
  }
  toString(): string {
    return '[redacted]';
  }
  [inspect.custom](): string {
    return '[redacted]';
  }
}

/** Where secure messages go: the embedded sandbox (no INCAMAIL_SMTP_URL) or IncaMail's SMTP submission. */
export type SmtpTarget =
  | { kind: 'sandbox' }
  | {
      kind: 'remote';
      host: string;
      port: number;
      /** `smtps://`: TLS from the first byte (port 465). */
      secure: boolean;
      /** STARTTLS is mandatory unless the host is this machine: the password must never cross a network in clear. */
      requireTLS: boolean;
      auth: { user: string; pass: Secret } | undefined;
    };

export type IncaMailSettings = {
  smtp: SmtpTarget;
  /**
   * `mailbox`: the add-in marks the message and it leaves through the organisation's own mail server (an IncaMail
   * domain connection); `relay`: the bridge submits it by SMTP. Unset: relay where a submission is configured.
   */
  route: 'relay' | 'mailbox' | undefined;
  /** The send guard holds a level-3 reminder that does not go registered. */
  level3Registered: boolean;
  recipientSuffix: string;
  sendModes: SecureMode[];
  /** Messages submitted at the same time. */
  concurrency: number;
  /** Attempts before a send that keeps meeting temporary failures is given up as failed. */
  maxAttempts: number;
  /** First retry delay; each further one doubles, capped at 10 minutes. */
  retryBaseMs: number;
  /** Inactivity limit of each SMTP step (connect, greeting, every reply). */
  smtpTimeoutMs: number;
};

export const IncaMailEnvSchema = z.object({
  INCAMAIL_SMTP_URL: z.string().min(1).optional(),
  INCAMAIL_ROUTE: z.enum(['relay', 'mailbox']).optional(),
  LEVEL3_REGISTERED: z.enum(['on', 'off']).default('off'),
  INCAMAIL_RECIPIENT_SUFFIX: z.string().default(DEFAULT_RECIPIENT_SUFFIX),
  SEND_MODES: z.string().default('registered,confidential'),
  INCAMAIL_CONCURRENCY: z.coerce.number().int().min(1).max(32).default(4),
  INCAMAIL_MAX_ATTEMPTS: z.coerce.number().int().min(1).max(100).default(10),
  INCAMAIL_RETRY_SECONDS: z.coerce.number().min(0.01).max(3600).default(5),
  INCAMAIL_TIMEOUT_SECONDS: z.coerce.number().min(1).max(600).default(60),
});
export type IncaMailEnv = z.infer<typeof IncaMailEnvSchema>;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '::1', '[::1]']);

export function isLoopbackHost(host: string): boolean {
  return LOOPBACK_HOSTS.has(host.toLowerCase()) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Problems are pushed, not thrown, so the bridge lists every configuration mistake at once. */
export function toIncaMailSettings(env: IncaMailEnv, problems: string[]): IncaMailSettings {
  const modes = env.SEND_MODES.split(',')
    .map((mode) => mode.trim())
    .filter(Boolean);
  const unknown = modes.filter((mode) => !(SECURE_MODES as readonly string[]).includes(mode));
  if (unknown.length > 0 || modes.length === 0) {
    problems.push(`SEND_MODES: expected a comma list of ${SECURE_MODES.join(', ')}; got "${env.SEND_MODES}"`);
  }
  if (!isValidRecipientSuffix(env.INCAMAIL_RECIPIENT_SUFFIX)) {
    problems.push('INCAMAIL_RECIPIENT_SUFFIX: must be a dot followed by domain labels, like .incamail.ch');
  }
  return {
    smtp: env.INCAMAIL_SMTP_URL === undefined ? { kind: 'sandbox' } : parseSmtpUrl(env.INCAMAIL_SMTP_URL, problems),
    route: env.INCAMAIL_ROUTE,
    level3Registered: env.LEVEL3_REGISTERED === 'on',
    recipientSuffix: env.INCAMAIL_RECIPIENT_SUFFIX,
    sendModes: SECURE_MODES.filter((mode) => modes.includes(mode)),
    concurrency: env.INCAMAIL_CONCURRENCY,
    maxAttempts: env.INCAMAIL_MAX_ATTEMPTS,
    retryBaseMs: Math.round(env.INCAMAIL_RETRY_SECONDS * 1000),
    smtpTimeoutMs: Math.round(env.INCAMAIL_TIMEOUT_SECONDS * 1000),
  };
}

export function parseSmtpUrl(value: string, problems: string[]): SmtpTarget {
  // The URL carries the password: no problem message may quote it.
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    problems.push('INCAMAIL_SMTP_URL: not a URL; expected smtp://user:password@host:587 or smtps://…:465');
    return { kind: 'sandbox' };
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:') {
    problems.push(`INCAMAIL_SMTP_URL: the scheme must be smtp:// (STARTTLS) or smtps:// (TLS), not ${url.protocol}//`);
    return { kind: 'sandbox' };
  }
  const secure = url.protocol === 'smtps:';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
  if (!host) problems.push('INCAMAIL_SMTP_URL: the host is missing');
  const loopback = isLoopbackHost(host);
  const user = decodeURIComponent(url.username);
  const pass = decodeURIComponent(url.password);
  if (!loopback && (!user || !pass)) {
    problems.push('INCAMAIL_SMTP_URL: IncaMail needs a user name and password (smtp://user:password@host:587)');
  }
  return {
    kind: 'remote',
    host,
    port: url.port ? Number(url.port) : secure ? 465 : 587,
    secure,
    requireTLS: !secure && !loopback,
    auth: user ? { user, pass: new Secret(pass) } : undefined,
  };
}
