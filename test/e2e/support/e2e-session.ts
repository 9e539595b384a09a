import { launchChromium, type LaunchedBrowser } from './chromium';
import { e2eRun } from './e2e-run';
import { Screenshots, Workbench } from './workbench-page';
import type { HostSettings } from '../../../src/workbench/office-sim';

/**
 * One Chromium for a test file (started in beforeAll, closed in afterAll) and a helper that opens a
 * workbench page per test with numbered screenshots named after the test.
 */
export function workbenchSession(filePrefix: string) {
  let browser: LaunchedBrowser | undefined;
  const opened: Workbench[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const wb of opened.splice(0)) await wb.page.close();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return async function openWorkbench(testName: string, host?: Partial<HostSettings>): Promise<Workbench> {
    if (!browser) throw new Error('Chromium did not start');
    const shots = new Screenshots(e2eRun().screenshotDir, `${filePrefix}-${testName}`);
    const wb = await Workbench.open(browser.context, {
      baseUrl: e2eRun().bridgeUrl,
      shots,
      ...(host ? { host } : {}),
    });
    opened.push(wb);
    return wb;
  };
}
