import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, generateKeyPair, SignJWT, type JWTPayload, type CryptoKey } from 'jose';

/**
 * A stand-in for Microsoft Entra's key endpoint: a real HTTP server on loopback publishing a JWKS, and a
 * signer for access tokens with Entra's claims, so the bridge's token validation runs unmodified.
 */
export type EntraKeys = {
  jwksUrl: string;
  sign: (claims: JWTPayload, options?: { expiresIn?: string; key?: 'published' | 'unpublished' }) => Promise<string>;
  close: () => Promise<void>;
};

export const TEST_TENANT = '11111111-2222-3333-4444-555555555555';
export const TEST_CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
export const TEST_AUDIENCE = `api://bridge.example.ch/${TEST_CLIENT_ID}`;

// RSA key generation is slow on a loaded machine: one pair of keys serves every test of a worker.
let keyPairs:
  Promise<[Awaited<ReturnType<typeof generateKeyPair>>, Awaited<ReturnType<typeof generateKeyPair>>]> | undefined;

export async function startEntraKeys(): Promise<EntraKeys> {
  keyPairs ??= Promise.all([generateKeyPair('RS256'), generateKeyPair('RS256')]);
  const [published, unpublished] = await keyPairs;
  const jwk = { ...(await exportJWK(published.publicKey)), kid: 'test-key', alg: 'RS256', use: 'sig' };
  const server = http.createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    response.end(JSON.stringify({ keys: [jwk] }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    jwksUrl: `http://127.0.0.1:${port}/common/discovery/v2.0/keys`,
    async sign(claims, options = {}) {
      const key: CryptoKey = options.key === 'unpublished' ? unpublished.privateKey : published.privateKey;
      return new SignJWT({
        tid: TEST_TENANT,
        oid: 'oid-anna',
        preferred_username: 'anna.keller@example.ch',
        name: 'Anna Keller',
        ...claims,
      })
        .setProtectedHeader({ alg: 'RS256', kid: 'test-key' })
        .setIssuer(
          typeof claims.iss === 'string' ? claims.iss : `https://login.microsoftonline.com/${TEST_TENANT}/v2.0`,
        )
        .setAudience((claims.aud as string | undefined) ?? TEST_AUDIENCE)
        .setIssuedAt()
        .setExpirationTime(options.expiresIn ?? '1h')
        .sign(key);
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
