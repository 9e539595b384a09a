import { randomBytes } from 'node:crypto';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { FIXTURE_TODAY } from '../../../../test/support/accounting-fixture.js';
import { createBexioAuthStandIn } from '../../../../test/support/bexio/bexio-auth-stand-in.js';
import { createBexioStandIn, type BexioStandIn } from '../../../../test/support/bexio/bexio-stand-in.js';
import { AppError } from '../../../contract/errors.js';
import { DocumentQuerySchema } from '../../../contract/documents-query.schemas.js';
import { createSecretBox } from '../../security/secret-box.js';
import { openDatabase, type Db } from '../../storage/database.js';
import { createSentRecords } from '../remote/sent-records.js';
import { createBexioConnector } from './bexio-connector.js';
import { BEXIO_SCOPES, createBexioOAuth, type BexioOAuth } from './bexio-oauth.js';
import { createBexioTokenStore, type BexioTokenStore } from './bexio-token-store.js';

const API = 'https://api.bexio.example';
const ISSUER = 'https://auth.bexio.example/realms/bexio';
const CLIENT = { clientId: 'ledgermail-test', clientSecret: 's3cret' };
const REDIRECT = 'https://bridge.example/api/admin/bexio/callback';
const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

let db: Db;
let api: BexioStandIn;
let auth: ReturnType<typeof createBexioAuthStandIn>;
let store: BexioTokenStore;
let clock: number;
let oauth: BexioOAuth;
beforeEach(() => {
  db = openDatabase(':memory:');
  api = createBexioStandIn({ baseUrl: API });
  auth = createBexioAuthStandIn({ state: api.state, issuer: ISSUER, ...CLIENT });
  server.use(...api.handlers, ...auth.handlers);
  store = createBexioTokenStore(db, createSecretBox(randomBytes(32)));
  clock = Date.parse(`${FIXTURE_TODAY}T08:00:00Z`);
  oauth = createBexioOAuth({ ...CLIENT, redirectUri: REDIRECT, store, issuer: ISSUER, now: () => clock });
});
afterEach(() => db.close());

const connectorOver = (tokens: BexioOAuth) =>
  createBexioConnector({
    apiUrl: API,
    tokens,
    sentRecords: createSentRecords(db, 'bexio'),
    today: () => FIXTURE_TODAY,
  });
const invoices = DocumentQuerySchema.parse({ kind: 'invoice' });

async function connectAsAdmin() {
  const { authorizeUrl } = oauth.startAuthorization();
  await oauth.completeAuthorization(auth.authorize(authorizeUrl), 'admin@sonnenberg-holzbau.example');
}

describe('bexio OAuth', () => {
  it('sends the admin to bexio with state and a PKCE S256 challenge, and keeps the verifier on the bridge', async () => {
    const { authorizeUrl, state } = oauth.startAuthorization();
    const url = new URL(authorizeUrl);
    expect(url.origin + url.pathname).toBe(`${ISSUER}/protocol/openid-connect/auth`);
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      response_type: 'code',
      client_id: CLIENT.clientId,
      redirect_uri: REDIRECT,
      scope: BEXIO_SCOPES.join(' '),
      state,
      code_challenge_method: 'S256',
    });
    expect(url.searchParams.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect([...url.searchParams.keys()]).not.toContain('code_verifier');
  });

  it('stores the tokens sealed once bexio sends the admin back, and takes each state once', async () => {
    const { authorizeUrl } = oauth.startAuthorization();
    const back = auth.authorize(authorizeUrl);
    await oauth.completeAuthorization(back, 'admin@sonnenberg-holzbau.example');
    const tokens = store.load()!;
    expect(oauth.status()).toMatchObject({ connected: true });
    const row = db.prepare("SELECT sealed FROM sealed_settings WHERE name = 'bexio.oauth_tokens'").get() as {
      sealed: string;
    };
    expect(row.sealed).not.toContain(tokens.refreshToken);
    await expect(oauth.completeAuthorization(back, 'admin')).rejects.toMatchObject({ code: 'bad_request' });
    expect(auth.counts.codeExchanges).toBe(1);
    expect((await connectorOver(oauth).listDocuments(invoices)).items.length).toBeGreaterThan(0);
  });

  it('refuses a state it never handed out, and one older than ten minutes', async () => {
    await expect(oauth.completeAuthorization({ code: 'x', state: 'forged' }, 'admin')).rejects.toMatchObject({
      code: 'bad_request',
    });
    const { authorizeUrl } = oauth.startAuthorization();
    const back = auth.authorize(authorizeUrl);
    clock += 10 * 60_000 + 1;
    await expect(oauth.completeAuthorization(back, 'admin')).rejects.toMatchObject({ code: 'bad_request' });
    expect(auth.counts.codeExchanges).toBe(0);
  });

  it('stores the rotated refresh token before the new access token is used', async () => {
    await connectAsAdmin();
    const first = store.load()!;
    clock = first.expiresAt - 30_000;
    const storedWhenUsed: (string | undefined)[] = [];
    server.use(
      http.all(`${API}/*`, ({ request }) => {
        const token = request.headers.get('authorization')?.replace('Bearer ', '');
        if (token !== first.accessToken)
          storedWhenUsed.push(store.load()?.accessToken === token ? 'stored' : 'not yet');
      }),
    );
    await connectorOver(oauth).listDocuments(invoices);
    const second = store.load()!;
    expect(auth.counts.refreshes).toBe(1);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(storedWhenUsed.length).toBeGreaterThan(0);
    expect(new Set(storedWhenUsed)).toEqual(new Set(['stored']));
  });

  it('refreshes once for many requests that bexio refused at the same time', async () => {
    await connectAsAdmin();
    // bexio ended the access token early (it is not expired by the bridge's clock).
    api.state.tokens.delete(store.load()!.accessToken);
    // One refusal arrives only after the refresh is done: it retries with the new token, it does not rotate again.
    api.faults.add({ path: '/2.0/kb_invoice/1', reply: { delayMs: 150 } });
    const connector = connectorOver(oauth);
    const [late, ...pages] = await Promise.all([
      connector.getDocument('inv-1'),
      ...Array.from({ length: 6 }, () => connector.listDocuments(invoices)),
    ]);
    expect(pages.every((p) => p.items.length > 0)).toBe(true);
    expect(late).toMatchObject({ number: 'RE-2026-0101' });
    expect(auth.counts.refreshes).toBe(1);
  });

  it('says the connection must be made again when bexio refuses the refresh token', async () => {
    await connectAsAdmin();
    api.state.tokens.delete(store.load()!.accessToken);
    auth.revokeAll();
    const error = (await connectorOver(oauth)
      .listDocuments(invoices)
      .catch((e: unknown) => e)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: 'accounting_refused' });
    expect(error.message).toBe('bexio refused the connection: reconnect in the admin settings.');
  });

  it('tells a login service that is down from a refused connection, and keeps the tokens for the next try', async () => {
    await connectAsAdmin();
    const before = store.load()!;
    clock = before.expiresAt;
    auth.setUnavailable(true);
    await expect(oauth.accessToken()).rejects.toMatchObject({ code: 'accounting_unavailable' });
    expect(store.load()).toEqual(before);
    auth.setUnavailable(false);
    expect(await oauth.accessToken()).not.toBe(before.accessToken);
  });

  it('fails closed on tokens sealed under another SECRETS_KEY', async () => {
    await connectAsAdmin();
    const other = createBexioTokenStore(db, createSecretBox(randomBytes(32)));
    expect(() => other.load()).toThrow(AppError);
    expect(() => createBexioTokenStore(db, undefined).load()).toThrow('SECRETS_KEY');
  });

  it('asks an admin to connect bexio before anything else', async () => {
    await expect(oauth.accessToken()).rejects.toMatchObject({ code: 'accounting_refused' });
    expect(oauth.status()).toEqual({ connected: false, scope: null, updatedAt: null });
  });
});
