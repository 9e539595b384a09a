/**
 * A task pane whose own chunks cannot be loaded (a proxy, a half-finished deployment), in the workbench's
 * simulated Outlook with a German display language: the pane says so in German and as an alert, which
 * screen readers read out, instead of a silent English line.
 */
import { launchChromium, type LaunchedBrowser } from './support/chromium';
import { e2eRun } from './support/e2e-run';
import { Screenshots, Workbench } from './support/workbench-page';

describe('a task pane that cannot load its chunks', () => {
  let browser: LaunchedBrowser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('tells in Outlook’s display language, as an alert, that LedgerMail could not be loaded', async () => {
    const failedChunks: string[] = [];
    // The pane chunk's name, from its webpackChunkName in index.tsx.
    await browser.context.route(/\/pane\.[0-9a-f]{8}\.js$/, (route) => {
      failedChunks.push(new URL(route.request().url()).pathname);
      return route.abort('connectionfailed');
    });
    const shots = new Screenshots(e2eRun().screenshotDir, 'pane-load-failure');
    const wb = await Workbench.open(browser.context, {
      baseUrl: e2eRun().bridgeUrl,
      shots,
      host: { displayLanguage: 'de-CH' },
    });

    const alert = wb.pane().getByRole('alert');
    await alert.waitFor();
    await wb.screenshot('load-failed');
    expect(await alert.textContent()).toBe(
      'LedgerMail konnte nicht geladen werden. Schliessen Sie den Bereich und öffnen Sie ihn erneut.',
    );
    expect(failedChunks).toHaveLength(1);
    // The loading line is gone from the status region, so it is not read out as if loading went on.
    expect(await wb.pane().getByRole('status').textContent()).toBe('');
    expect(await (await wb.paneFrame()).evaluate(() => document.documentElement.lang)).toBe('de');
    await wb.page.close();
  });
});
