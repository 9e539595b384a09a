import Fastify, { type FastifyInstance } from 'fastify';
import {
  startEntraKeys,
  TEST_AUDIENCE,
  TEST_CLIENT_ID,
  TEST_TENANT,
  type EntraKeys,
} from '../../../test/support/entra-keys';
import { useTempDir } from '../../../test/support/temp-dir';
import { installErrorHandling } from '../http/errors.js';
import { AuthEnvSchema, toAuthSettings, type AuthSettings } from './auth-config.js';
import { installAuth, requireAdmin } from './auth.plugin.js';

async function appWith(settings: AuthSettings, dataDir: string): Promise<FastifyInstance> {
  const app = Fastify({ logger: false });
  installErrorHandling(app);
  installAuth(app, settings, dataDir);
  app.get('/api/health', async () => ({ status: 'ok' }));
  app.get('/api/admin-only', async (request) => requireAdmin(request));
  await app.ready();
  return app;
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });

describe('authentication of the bridge API', () => {
  const tempDir = useTempDir();

  describe('dev mode', () => {
    it('refuses /api without a token, but not health', async () => {
      const app = await appWith(
        { mode: 'dev', adminEmails: [], senderAliases: new Map(), sendRatePerMinute: 60 },
        tempDir(),
      );
      expect((await app.inject('/api/me')).statusCode).toBe(401);
      expect((await app.inject('/api/me')).json().error.code).toBe('unauthorized');
      expect((await app.inject({ url: '/api/me', headers: { authorization: 'Basic abc' } })).statusCode).toBe(401);
      expect((await app.inject('/api/health')).statusCode).toBe(200);
      await app.close();
    });

    it('issues tokens that carry the identity and role', async () => {
      const app = await appWith(
        { mode: 'dev', adminEmails: ['boss@example.ch'], senderAliases: new Map(), sendRatePerMinute: 60 },
        tempDir(),
      );
      const { token } = (await app.inject('/api/dev/token?email=anna@example.ch')).json();
      expect((await app.inject({ url: '/api/me', headers: bearer(token) })).json()).toEqual({
        id: 'dev:anna@example.ch',
        email: 'anna@example.ch',
        name: null,
        role: 'user',
      });
      expect((await app.inject({ url: '/api/admin-only', headers: bearer(token) })).statusCode).toBe(403);
      const admin = (await app.inject('/api/dev/token?email=boss@example.ch')).json().token;
      expect((await app.inject({ url: '/api/admin-only', headers: bearer(admin) })).statusCode).toBe(200);
      expect((await app.inject('/api/dev/token?email=not-an-address')).statusCode).toBe(400);
      await app.close();
    });

    it('rejects a tampered token', async () => {
      const app = await appWith(
        { mode: 'dev', adminEmails: [], senderAliases: new Map(), sendRatePerMinute: 60 },
        tempDir(),
      );
      const { token } = (await app.inject('/api/dev/token?email=anna@example.ch')).json();
      const [header, payload, signature] = (token as string).split('.');
      const forged = Buffer.from(
        JSON.stringify({ ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'admin' }),
      ).toString('base64url');
      const response = await app.inject({ url: '/api/me', headers: bearer(`${header}.${forged}.${signature}`) });
      expect(response.statusCode).toBe(401);
      await app.close();
    });

    it('is refused when NODE_ENV=production', () => {
      const problems: string[] = [];
      toAuthSettings(AuthEnvSchema.parse({ AUTH: 'dev' }), 'production', problems);
      expect(problems.join()).toMatch(/refused when NODE_ENV=production/);
    });
  });

  describe('Entra ID mode', () => {
    let keys: EntraKeys;
    let app: FastifyInstance;
    let settings: AuthSettings;
    beforeEach(async () => {
      keys = await startEntraKeys();
      const problems: string[] = [];
      settings = toAuthSettings(
        AuthEnvSchema.parse({
          AUTH: 'entra',
          ENTRA_CLIENT_ID: TEST_CLIENT_ID,
          ENTRA_AUDIENCE: TEST_AUDIENCE,
          ENTRA_TENANT_IDS: TEST_TENANT,
          ENTRA_JWKS_URL: keys.jwksUrl,
        }),
        'production',
        problems,
      );
      expect(problems).toEqual([]);
      app = await appWith(settings, tempDir());
    });
    afterEach(async () => {
      await app.close();
      await keys.close();
    });

    it('accepts a valid token and takes the identity from it', async () => {
      const token = await keys.sign({ roles: ['LedgerMail.Admin'] });
      const response = await app.inject({ url: '/api/me', headers: bearer(token) });
      expect(response.json()).toEqual({
        id: 'oid-anna',
        email: 'anna.keller@example.ch',
        name: 'Anna Keller',
        role: 'admin',
      });
    });

    it.each([
      ['expired', () => keys.sign({}, { expiresIn: '-2h' })],
      ['wrong audience', () => keys.sign({ aud: 'api://someone-else' })],
      ['wrong issuer', () => keys.sign({ iss: 'https://login.example.org/evil/v2.0' })],
      ['bad signature', () => keys.sign({}, { key: 'unpublished' })],
      ['another tenant', () => keys.sign({ tid: '99999999-0000-0000-0000-000000000000' })],
      ['no oid', () => keys.sign({ oid: undefined })],
    ])('refuses a token with %s', async (_name, makeToken) => {
      const response = await app.inject({ url: '/api/me', headers: bearer(await makeToken()) });
      expect(response.statusCode).toBe(401);
      expect(response.json().error.code).toBe('unauthorized');
    });

    it('has no dev token route', async () => {
      expect((await app.inject('/api/dev/token?email=anna@example.ch')).statusCode).toBe(404);
    });

    it("tells the add-in how to sign in: at its one tenant's authority (a single-tenant app refuses /organizations)", async () => {
      expect((await app.inject('/api/auth/config')).json()).toEqual({
        mode: 'entra',
        clientId: TEST_CLIENT_ID,
        authority: `https://login.microsoftonline.com/${TEST_TENANT}`,
        scopes: [`${TEST_AUDIENCE}/access_as_user`],
      });
    });

    it('sends a bridge for several tenants to the organizations authority', async () => {
      if (settings.mode !== 'entra') throw new Error('expected Entra settings');
      const several = await appWith({ ...settings, tenantIds: [TEST_TENANT, 'other-tenant'] }, tempDir());
      expect((await several.inject('/api/auth/config')).json()).toMatchObject({
        authority: 'https://login.microsoftonline.com/organizations',
      });
      await several.close();
    });
  });

  it('fails closed with a 502 when the key server cannot be reached', async () => {
    const keys = await startEntraKeys();
    const token = await keys.sign({});
    await keys.close();
    const app = await appWith(
      {
        mode: 'entra',
        clientId: TEST_CLIENT_ID,
        audience: TEST_AUDIENCE,
        tenantIds: [TEST_TENANT],
        authorityHost: 'https://login.microsoftonline.com',
        jwksUrl: keys.jwksUrl,
        adminEmails: [],
        senderAliases: new Map(),
        sendRatePerMinute: 60,
      },
      tempDir(),
    );
    const response = await app.inject({ url: '/api/me', headers: bearer(token) });
    expect(response.statusCode).toBe(502);
    expect(response.json().error.code).toBe('upstream_unavailable');
    await app.close();
  });
});
