import { z } from 'zod';

/**
 * Authentication settings of the bridge. `AUTH=dev` (the default outside production) lets the bridge sign
 * its own tokens for the workbench and tests; `AUTH=entra` validates Microsoft Entra ID access tokens.
 */
export const AuthEnvSchema = z.object({
  AUTH: z.enum(['dev', 'entra']).optional(),
  ENTRA_CLIENT_ID: z.string().min(1).optional(),
  /** The bridge's API, as the add-in requests it: `api://mail.example.ch/<client id>` by convention. */
  ENTRA_AUDIENCE: z.string().min(1).optional(),
  ENTRA_TENANT_IDS: z.string().min(1).optional(),
  ENTRA_AUTHORITY_HOST: z.url().default('https://login.microsoftonline.com'),
  ENTRA_JWKS_URL: z.url().optional(),
  /** Comma-separated e-mail addresses that get the admin role in addition to the `LedgerMail.Admin` app role. */
  ADMIN_EMAILS: z.string().optional(),
});

export type AuthSettings =
  | { mode: 'dev'; adminEmails: string[] }
  | {
      mode: 'entra';
      clientId: string;
      audience: string;
      tenantIds: string[];
      authorityHost: string;
      jwksUrl: string;
      adminEmails: string[];
    };

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export function toAuthSettings(env: z.infer<typeof AuthEnvSchema>, nodeEnv: string, problems: string[]): AuthSettings {
  const adminEmails = list(env.ADMIN_EMAILS).map((email) => email.toLowerCase());
  const mode = env.AUTH ?? (nodeEnv === 'production' ? 'entra' : 'dev');
  if (mode === 'dev') {
    if (nodeEnv === 'production') {
      problems.push('AUTH: dev mode signs its own tokens and is refused when NODE_ENV=production; use AUTH=entra');
    }
    return { mode: 'dev', adminEmails };
  }
  const tenantIds = list(env.ENTRA_TENANT_IDS);
  if (!env.ENTRA_CLIENT_ID) problems.push('ENTRA_CLIENT_ID: required with AUTH=entra (the bridge app registration)');
  if (tenantIds.length === 0) problems.push('ENTRA_TENANT_IDS: required with AUTH=entra (comma-separated tenant ids)');
  const authorityHost = env.ENTRA_AUTHORITY_HOST.replace(/\/+$/, '');
  return {
    mode: 'entra',
    clientId: env.ENTRA_CLIENT_ID ?? '',
    audience: env.ENTRA_AUDIENCE ?? env.ENTRA_CLIENT_ID ?? '',
    tenantIds,
    authorityHost,
    jwksUrl: env.ENTRA_JWKS_URL ?? `${authorityHost}/common/discovery/v2.0/keys`,
    adminEmails,
  };
}
