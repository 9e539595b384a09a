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
  /**
   * Extra sender addresses a user may send as, `user=alias` pairs separated by commas, e.g.
   * `anna.keller@example.ch=billing@example.ch`. Everyone may always send as their own address.
   */
  SENDER_ALIASES: z.string().optional(),
  /** Secure sends and reminder runs a user may start per minute (registered mail costs money). */
  SEND_RATE_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(60),
});

type AccessSettings = { adminEmails: string[]; senderAliases: Map<string, Set<string>>; sendRatePerMinute: number };

export type AuthSettings = AccessSettings &
  (
    | { mode: 'dev' }
    | {
        mode: 'entra';
        clientId: string;
        audience: string;
        tenantIds: string[];
        authorityHost: string;
        jwksUrl: string;
      }
  );

const list = (value: string | undefined) =>
  (value ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);

export function toAuthSettings(env: z.infer<typeof AuthEnvSchema>, nodeEnv: string, problems: string[]): AuthSettings {
  const adminEmails = list(env.ADMIN_EMAILS).map((email) => email.toLowerCase());
  const senderAliases = new Map<string, Set<string>>();
  for (const pair of list(env.SENDER_ALIASES)) {
    const [user, alias] = pair.split('=').map((part) => part?.trim().toLowerCase());
    if (!user || !alias || !user.includes('@') || !alias.includes('@')) {
      problems.push(`SENDER_ALIASES: "${pair}" is not a user=alias pair of e-mail addresses`);
      continue;
    }
    senderAliases.set(user, new Set([...(senderAliases.get(user) ?? []), alias]));
  }
  const access: AccessSettings = { adminEmails, senderAliases, sendRatePerMinute: env.SEND_RATE_PER_MINUTE };
  const mode = env.AUTH ?? (nodeEnv === 'production' ? 'entra' : 'dev');
  if (mode === 'dev') {
    if (nodeEnv === 'production') {
      problems.push('AUTH: dev mode signs its own tokens and is refused when NODE_ENV=production; use AUTH=entra');
    }
    return { mode: 'dev', ...access };
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
    ...access,
  };
}
