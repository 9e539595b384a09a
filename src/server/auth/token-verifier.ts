import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createRemoteJWKSet, errors as joseErrors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Caller, Role } from '../../contract/auth.schemas.js';
import { AppError } from '../../contract/errors.js';
import type { AuthSettings } from './auth-config.js';
import { ensurePrivateDir } from '../storage/private-files.js';

export type TokenVerifier = { verify: (token: string) => Promise<Caller> };
export type DevTokenIssuer = TokenVerifier & {
  issue: (input: { email: string; role: Role; name?: string | undefined }) => Promise<string>;
};

/** The app role an Entra admin assigns to LedgerMail administrators in the bridge's app registration. */
export const ADMIN_APP_ROLE = 'LedgerMail.Admin';
const DEV_ISSUER = 'ledgermail-dev';
const DEV_AUDIENCE = 'ledgermail-bridge';
const DEV_TOKEN_LIFETIME = '8h';

function toUnauthorized(error: unknown): AppError {
  if (error instanceof AppError) return error;
  if (error instanceof joseErrors.JWTExpired)
    return new AppError('unauthorized', 'Your sign-in has expired. Sign in again.');
  // Fail closed either way; but a key server that cannot be reached is not the caller's fault.
  if (error instanceof joseErrors.JWKSTimeout || !(error instanceof joseErrors.JOSEError)) {
    return new AppError('upstream_unavailable', 'Microsoft sign-in keys could not be fetched. Try again.', {
      cause: error,
    });
  }
  return new AppError('unauthorized', 'The sign-in token is not valid for LedgerMail.', { cause: error });
}

function roleFor(email: string, roles: unknown, adminEmails: readonly string[]): Role {
  const appRoles = Array.isArray(roles) ? roles : [];
  return appRoles.includes(ADMIN_APP_ROLE) || adminEmails.includes(email.toLowerCase()) ? 'admin' : 'user';
}

/**
 * Development tokens, signed by the bridge with a key kept in DATA_DIR (so tokens survive a restart).
 * Refused in production by the configuration check.
 */
export function createDevTokenIssuer(dataDir: string, adminEmails: readonly string[]): DevTokenIssuer {
  const keyFile = path.join(dataDir, 'auth', 'dev-signing.key');
  if (!existsSync(keyFile)) {
    ensurePrivateDir(path.dirname(keyFile));
    writeFileSync(keyFile, randomBytes(32), { mode: 0o600 });
  }
  const secret = new Uint8Array(readFileSync(keyFile));
  return {
    async issue({ email, role, name }) {
      return new SignJWT({ email, role, ...(name ? { name } : {}) })
        .setProtectedHeader({ alg: 'HS256' })
        .setIssuer(DEV_ISSUER)
        .setAudience(DEV_AUDIENCE)
        .setSubject(`dev:${email.toLowerCase()}`)
        .setIssuedAt()
        .setExpirationTime(DEV_TOKEN_LIFETIME)
        .sign(secret);
    },
    async verify(token) {
      try {
        const { payload } = await jwtVerify(token, secret, {
          issuer: DEV_ISSUER,
          audience: DEV_AUDIENCE,
          algorithms: ['HS256'],
        });
        const email = typeof payload.email === 'string' ? payload.email : '';
        const role: Role = payload.role === 'admin' || adminEmails.includes(email.toLowerCase()) ? 'admin' : 'user';
        return {
          id: payload.sub ?? `dev:${email}`,
          email,
          name: typeof payload.name === 'string' ? payload.name : null,
          role,
        };
      } catch (error) {
        throw toUnauthorized(error);
      }
    },
  };
}

/**
 * Validates Microsoft Entra ID access tokens for the bridge's API: signature against the published keys,
 * audience, expiry, an allowed tenant, and the tenant's own issuer. Identity comes from the token only.
 */
export function createEntraVerifier(settings: Extract<AuthSettings, { mode: 'entra' }>): TokenVerifier {
  const jwks = createRemoteJWKSet(new URL(settings.jwksUrl), { timeoutDuration: 5_000, cooldownDuration: 30_000 });
  const audiences = [...new Set([settings.audience, settings.clientId])];
  return {
    async verify(token) {
      let payload: JWTPayload;
      try {
        ({ payload } = await jwtVerify(token, jwks, {
          audience: audiences,
          algorithms: ['RS256'],
          clockTolerance: 60,
        }));
      } catch (error) {
        throw toUnauthorized(error);
      }
      const tenantId = typeof payload.tid === 'string' ? payload.tid : '';
      if (!settings.tenantIds.includes(tenantId)) {
        throw new AppError('unauthorized', 'Your organisation is not allowed to use this LedgerMail bridge.');
      }
      const issuers = [`${settings.authorityHost}/${tenantId}/v2.0`, `https://sts.windows.net/${tenantId}/`];
      if (!payload.iss || !issuers.includes(payload.iss)) {
        throw new AppError('unauthorized', 'The sign-in token was not issued by your organisation.');
      }
      const email = [payload.preferred_username, payload.upn, payload.email].find((v) => typeof v === 'string');
      const oid = typeof payload.oid === 'string' ? payload.oid : undefined;
      if (typeof email !== 'string' || !oid) {
        throw new AppError('unauthorized', 'The sign-in token does not say who you are (oid and e-mail are needed).');
      }
      return {
        id: oid,
        email,
        name: typeof payload.name === 'string' ? payload.name : null,
        role: roleFor(email, payload.roles, settings.adminEmails),
      };
    },
  };
}
