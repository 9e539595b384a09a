/**
 * The built task pane and function file with Microsoft's real office.js, opened in a German browser outside
 * Office (someone opens the add-in's address in a tab). The pages keep their production office.js tag
 * (Microsoft's CDN); the machines cannot reach the CDN, so Chromium's requests to that folder are answered
 * from the @microsoft/office-js package, which ships office.js with the scripts it loads next to itself.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { axeViolations } from './support/axe';
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { e2eRun } from './support/e2e-run';
import { Screenshots } from './support/workbench-page';
import { OFFICE_JS_CDN_FOLDER, officeJsFileFor } from '../support/real-office-js';

/**
 * office.js's own noise outside Office, allowed by exact text: the script it loads there
 * (o15apptofilemappingtable.js) frames Microsoft's telemetry proxy in a hidden iframe 3 s after start
 * (ULSEndpointProxy). The bridge's CSP frames only its own origin and the sign-in host, so Chromium blocks
 * the frame and logs this line; nothing of LedgerMail's is involved and office.js carries on without it.
 */
const OFFICE_JS_TELEMETRY_FRAME_BLOCKED =
  /^Framing 'https:\/\/telemetryservice\.firstpartyapps\.oaspapps\.com\/' violates the following Content Security Policy directive: "frame-src [^"]*"\. The request has been blocked\.\s*$/;
/** Long enough for that timer, so an error office.js or the page would raise by then is seen. */
const OFFICE_JS_SETTLE_MS = 3_500;

type OpenedPage = {
  page: Page;
  /** Script errors and console errors, less the allowance above. */
  problems: string[];
  /** Paths of the requests to the bridge, in order. */
  bridgePaths: string[];
  shots: Screenshots;
};

describe('the add-in outside Office, with the real office.js, in a German browser', () => {
  let browser: LaunchedBrowser;
  /** Requests to anywhere but the bridge and the office.js folder; the machines have no network for them. */
  const elsewhere: string[] = [];

  beforeAll(async () => {
    browser = await launchChromium({ locale: 'de-CH' });
    // Registered first, so the office.js route below (Playwright tries the newest first) takes precedence.
    await browser.context.route('**/*', (route) => {
      if (route.request().url().startsWith(e2eRun().bridgeUrl)) return route.continue();
      elsewhere.push(route.request().url());
      return route.abort();
    });
    await browser.context.route(`${OFFICE_JS_CDN_FOLDER}**`, async (route) => {
      const file = officeJsFileFor(route.request().url());
      const body = file ? await readFile(file).catch(() => undefined) : undefined;
      return body
        ? route.fulfill({ contentType: 'text/javascript; charset=utf-8', body })
        : route.fulfill({ status: 404, body: 'not in the @microsoft/office-js package' });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function open(file: 'taskpane.html' | 'commands.html', testName: string): Promise<OpenedPage> {
    const page = await browser.context.newPage();
    const opened: OpenedPage = {
      page,
      problems: [],
      bridgePaths: [],
      shots: new Screenshots(e2eRun().screenshotDir, `office-js-${testName}`),
    };
    page.on('pageerror', (error) => opened.problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !OFFICE_JS_TELEMETRY_FRAME_BLOCKED.test(message.text())) {
        opened.problems.push(`console.error: ${message.text()}`);
      }
    });
    page.on('request', (request) => {
      if (request.url().startsWith(e2eRun().bridgeUrl)) opened.bridgePaths.push(new URL(request.url()).pathname);
    });
    await page.goto(`${e2eRun().bridgeUrl}/${file}`);
    return opened;
  }

  /** What the real office.js reports outside Office: ready, with no host (what the pages detect). */
  function officeReadyInfo(page: Page) {
    return page.evaluate(() => Office.onReady().then((info) => ({ host: info.host, platform: info.platform })));
  }

  it('tells in German, and to screen readers, that LedgerMail opens from a new message in Outlook', async () => {
    const { page, problems, bridgePaths, shots } = await open('taskpane.html', 'taskpane');

    const status = page.getByRole('status');
    await status.getByRole('heading', { level: 1, name: 'LedgerMail in Outlook öffnen' }).waitFor();
    await page.waitForTimeout(OFFICE_JS_SETTLE_MS);
    await shots.take(page, 'outside-office');

    expect(await officeReadyInfo(page)).toEqual({ host: null, platform: null });
    // The how-to names what the person finds in Outlook: a new message, the LedgerMail group, «Rechnungen».
    const text = (await status.textContent()) ?? '';
    expect(text).toContain('neue Nachricht');
    expect(text).toContain('Gruppe LedgerMail');
    expect(text).toContain('«Rechnungen»');
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // Announced through the status region taskpane.html carries from the start (a live region must exist
    // before its text changes to be read), and no failure alert beside it.
    expect(await page.getByRole('alert').count()).toBe(0);
    // Styled, not the browser's default serif text.
    expect(await status.evaluate((node) => getComputedStyle(node).fontFamily)).toMatch(/Segoe UI/);

    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
    // Only the first chunk and the notice's texts: neither the pane (React, Fluent UI) nor a call to the API.
    expect(bridgePaths.filter((p) => p.startsWith('/api/'))).toEqual([]);
    const scripts = bridgePaths.filter((p) => p.endsWith('.js')).map((p) => p.replace(/\.[0-9a-f]{8}\.js$/, ''));
    expect(scripts).toEqual(['/taskpane', '/outside-outlook']);

    const blocking = (await axeViolations(page)).filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(blocking).toEqual([]);
  });

  it('loads the function file without a script error', async () => {
    const { page, problems, shots } = await open('commands.html', 'commands');
    expect(await officeReadyInfo(page)).toEqual({ host: null, platform: null });
    await page.waitForTimeout(OFFICE_JS_SETTLE_MS);
    await shots.take(page, 'commands');

    expect(problems).toEqual([]);
    expect(elsewhere).toEqual([]);
  });
});
