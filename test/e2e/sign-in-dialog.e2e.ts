/**
 * The sign-in dialog (auth-dialog.html) of Outlooks without nested app authentication, in Chromium against
 * a bridge that accepts only Entra ID: the real page, the real MSAL redirect flow, the bridge's CSP. Two
 * parts of the outside world are played at the browser's network edge: Entra's endpoints (fake-entra.ts)
 * and Office's dialog host, whose office.js hands `messageParent` to the test as the opening pane gets it.
 */
import path from 'node:path';
import { e2eRun } from './support/e2e-run';
import { startBridge, type RunningBridge } from './support/bridge-process';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { fakeEntra, type FakeEntra } from './support/fake-entra';
import { Screenshots } from './support/workbench-page';
import { eventually } from '../support/eventually';

const TENANT = '11111111-2222-3333-4444-555555555555';
const CLIENT_ID = 'aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee';
const AUDIENCE = `api://mail.example.ch/${CLIENT_ID}`;
const ANNA = { oid: 'oid-anna', username: 'anna.keller@example.ch', name: 'Anna Keller' };

/** Office's dialog host as the dialog page sees it: office.js with Office.onReady and context.ui.messageParent. */
const DIALOG_HOST_OFFICE_JS = `
window.Office = {
  onReady: function (callback) {
    var info = { host: 'Outlook', platform: 'OfficeOnline' };
    return Promise.resolve().then(function () { if (callback) callback(info); return info; });
  },
  context: {
    displayLanguage: 'de-CH',
    requirements: {
      isSetSupported: function (name) { return name === 'DialogApi' || name === 'DialogOrigin'; },
    },
    ui: {
      messageParent: function (message, options) {
        window.ledgerMailMessageParent(message, options ? options.targetOrigin : null);
      },
    },
  },
};`;

describe('sign-in dialog (Entra ID without nested app authentication)', () => {
  let bridge: RunningBridge;
  let browser: LaunchedBrowser;
  let entra: FakeEntra;
  let decision: 'sign-in' | 'decline';
  let messages: unknown[];
  let cspViolations: string[];

  beforeAll(async () => {
    bridge = await startBridge(path.join(e2eRun().screenshotDir, 'bridge-entra.log'), {
      AUTH: 'entra',
      ENTRA_CLIENT_ID: CLIENT_ID,
      ENTRA_AUDIENCE: AUDIENCE,
      ENTRA_TENANT_IDS: TENANT,
    });
    browser = await launchChromium();
    await browser.context.route('https://appsforoffice.microsoft.com/**', (route) =>
      route.fulfill({ contentType: 'text/javascript', body: DIALOG_HOST_OFFICE_JS }),
    );
    await browser.context.exposeFunction('ledgerMailMessageParent', (message: string, targetOrigin: string | null) => {
      messages.push({ ...JSON.parse(message), targetOrigin });
    });
    entra = await fakeEntra(browser.context, {
      tenant: TENANT,
      user: ANNA,
      accessToken: 'entra-access-token-for-anna',
      decide: () => decision,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await bridge?.stop();
  });

  async function openDialog(testName: string) {
    messages = [];
    cspViolations = [];
    entra.authorizeRequests.length = 0;
    entra.authorizePaths.length = 0;
    const page = await browser.context.newPage();
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
    });
    const shots = new Screenshots(e2eRun().screenshotDir, `sign-in-dialog-${testName}`);
    // As Office opens it: the add-in's parameter, and Office's own.
    await page.goto(
      `${bridge.url}/auth-dialog.html?hint=${encodeURIComponent(ANNA.username)}&_host_Info=Outlook$Win32$16.02$de-CH$$$$0`,
    );
    return { page, shots };
  }

  it('signs in at Entra by redirect and hands the access token to the pane that opened it', async () => {
    decision = 'sign-in';
    const { page, shots } = await openDialog('signed-in');

    await eventually(async () => expect(messages).toHaveLength(1), { timeoutMs: 20_000 });
    // Addressed to the pane's origin only: no other page can receive the token.
    expect(messages[0]).toEqual({
      status: 'signed-in',
      token: 'entra-access-token-for-anna',
      targetOrigin: bridge.url,
    });
    // Entra returned to the page it started from: one sign-in round trip, no second load to get back.
    expect(new URL(page.url()).search).toBe('');

    const [authorize] = entra.authorizeRequests;
    expect(authorize).toMatchObject({
      client_id: CLIENT_ID,
      login_hint: ANNA.username,
      redirect_uri: `${bridge.url}/auth-dialog.html`,
      code_challenge_method: 'S256',
    });
    expect(authorize!.scope!.split(' ')).toContain(`${AUDIENCE}/access_as_user`);
    // The bridge names its one tenant: a single-tenant registration refuses /organizations.
    expect(entra.authorizePaths).toEqual([`/${TENANT}/oauth2/v2.0/authorize`]);
    expect(entra.tokenRequests.at(-1)).toMatchObject({ grant_type: 'authorization_code', client_id: CLIENT_ID });
    expect(entra.unknown).toEqual([]);
    expect(cspViolations).toEqual([]);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    await eventually(async () =>
      expect(await page.getByRole('status').textContent()).toBe('Anmeldung bei LedgerMail…'),
    );
    await shots.take(page, 'signed-in');
    await page.close();
  });

  it('tells the pane the person declined, and says so in the window', async () => {
    decision = 'decline';
    const { page, shots } = await openDialog('declined');

    await eventually(async () => expect(messages).toHaveLength(1), { timeoutMs: 20_000 });
    expect(messages[0]).toEqual({
      status: 'failed',
      reason: 'cancelled',
      detail: 'access_denied',
      targetOrigin: bridge.url,
    });
    await eventually(async () =>
      expect(await page.getByRole('status').textContent()).toBe(
        'Die Anmeldung wurde nicht abgeschlossen. Sie können dieses Fenster schliessen.',
      ),
    );
    expect(cspViolations).toEqual([]);
    await shots.take(page, 'declined');
    await page.close();
  });
});
