import path from 'node:path';
import { z } from 'zod';
import { AccountingEnvSchema, toAccountingSettings, type AccountingSettings } from './accounting/accounting-config.js';
import { AuthEnvSchema, toAuthSettings, type AuthSettings } from './auth/auth-config.js';
import { BatchEnvSchema, toBatchSettings, type BatchSettings } from './batches/batches-config.js';
import { parseSecretsKey } from './security/secret-box.js';
import { IncaMailEnvSchema, toIncaMailSettings, type IncaMailSettings } from './incamail/incamail-config.js';

const onOff = z.enum(['on', 'off']);

/**
 * Every setting of the bridge comes from the environment and is checked here, once, at start-up.
 * A wrong value stops the bridge with a list of every problem, not just the first.
 */
const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('localhost'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  TLS: onOff.default('on'),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  ADDIN_DIR: z.string().min(1).default('./dist'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** `json` (one object a line, for a log collector) or `pretty` (coloured lines, for a person at a terminal). */
  LOG_FORMAT: z.enum(['json', 'pretty']).default('json'),
  ...IncaMailEnvSchema.shape,
  ...AuthEnvSchema.shape,
  ...BatchEnvSchema.shape,
  ...AccountingEnvSchema.shape,
  /** 32 random bytes in base64: the key that seals credentials an admin stores through the API. */
  SECRETS_KEY: z.string().min(1).optional(),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  tls: { mode: 'off' } | { mode: 'on'; certFile: string | undefined; keyFile: string | undefined };
  dataDir: string;
  addinDir: string;
  logLevel: z.infer<typeof EnvSchema>['LOG_LEVEL'];
  logFormat: z.infer<typeof EnvSchema>['LOG_FORMAT'];
  incamail: IncaMailSettings;
  auth: AuthSettings;
  batches: BatchSettings;
  accounting: AccountingSettings;
  secretsKey: Buffer | undefined;
};

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`LedgerMail bridge configuration is invalid:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // Empty variables count as unset, as in most shells' `VAR= command`.
  const present = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = EnvSchema.safeParse(present);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if ((e.TLS_CERT_FILE === undefined) !== (e.TLS_KEY_FILE === undefined)) {
    problems.push('TLS_CERT_FILE and TLS_KEY_FILE: set both or neither');
  }
  const incamail = toIncaMailSettings(e, problems);
  const auth = toAuthSettings(e, e.NODE_ENV, problems);
  const accounting = toAccountingSettings(e, e.SECRETS_KEY !== undefined, problems);
  // Development sign-in hands out tokens to anyone who asks: only ever on this machine's loopback.
  if (auth.mode === 'dev' && !['localhost', '127.0.0.1', '::1'].includes(e.HOST)) {
    problems.push(
      `AUTH: dev mode signs tokens for anyone and is refused on HOST=${e.HOST}; use AUTH=entra or a loopback HOST`,
    );
  }
  let secretsKey: Buffer | undefined;
  try {
    secretsKey = e.SECRETS_KEY === undefined ? undefined : parseSecretsKey(e.SECRETS_KEY);
  } catch (error) {
    problems.push(`SECRETS_KEY: ${(error as Error).message.replace(/^SECRETS_KEY /, '')}`);
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    tls: e.TLS === 'off' ? { mode: 'off' } : { mode: 'on', certFile: e.TLS_CERT_FILE, keyFile: e.TLS_KEY_FILE },
    dataDir: path.resolve(e.DATA_DIR),
    addinDir: path.resolve(e.ADDIN_DIR),
    logLevel: e.LOG_LEVEL,
    logFormat: e.LOG_FORMAT,
    incamail,
    auth,
    batches: toBatchSettings(e),
    accounting,
    secretsKey,
  };
}
