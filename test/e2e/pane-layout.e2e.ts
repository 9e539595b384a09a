/**
 * The task pane's layout at Outlook's narrow width, measured in real Chromium: the workbench hosts the pane
 * in a 360-pixel column, as Outlook's task pane opens. Nothing may reach past the pane's width (a control
 * cut off at the edge cannot be read or clicked), long customer names are shown in full, and the pager keeps
 * to one line with the total in every language.
 */
import type { Frame } from 'playwright-core';
import type { Language } from '../../src/contract/locale';
import { DEMO_INVOICE_COUNT } from '../../src/server/accounting/ledger/demo-data';
import { paneStrings } from '../../src/taskpane/strings';
import { eventually } from '../support/eventually';
import { workbenchSession } from './support/e2e-session';
import type { Workbench } from './support/workbench-page';

const openWorkbench = workbenchSession('layout');

const DISPLAY_LANGUAGES: readonly [string, Language][] = [
  ['de-CH', 'de'],
  ['fr-CH', 'fr'],
  ['it-CH', 'it'],
  ['en-US', 'en'],
];

/** Demo customers whose names are the longest of the seeded ledger (a branch: company, then its town). */
const LONG_NAMES = ['Falegnameria Galli SA, Chiasso', 'Metallbau Huber GmbH, Thun'];

async function openPane(testName: string, displayLanguage: string) {
  const wb = await openWorkbench(testName, { displayLanguage });
  const frame = await wb.paneFrame();
  await wb.pane().getByRole('searchbox').waitFor({ timeout: 20_000 });
  await wb.pane().getByRole('listitem').first().waitFor({ timeout: 20_000 });
  return { wb, frame, pane: wb.pane() };
}

/** How far the pane's page reaches past the pane's width, and where the Filters button lies. */
function measure(frame: Frame, filtersLabel: string) {
  return frame.evaluate((label) => {
    const root = document.scrollingElement!;
    const filters = [...document.querySelectorAll('button')].find((b) => b.textContent?.trim() === label);
    const box = filters?.getBoundingClientRect();
    return {
      paneWidth: root.clientWidth,
      overflow: root.scrollWidth - root.clientWidth,
      filters: box ? { left: box.left, right: box.right } : null,
    };
  }, filtersLabel);
}

async function expectFits(frame: Frame, filtersLabel: string, state: string) {
  const fit = await measure(frame, filtersLabel);
  // The workbench's column is 360 px with a 1-px border each side: this is the pane at Outlook's width.
  expect(fit.paneWidth, state).toBeGreaterThanOrEqual(350);
  expect(fit.paneWidth, state).toBeLessThanOrEqual(360);
  expect(fit.overflow, state).toBe(0);
  if (fit.filters) {
    expect(fit.filters.left, state).toBeGreaterThanOrEqual(0);
    expect(fit.filters.right, state).toBeLessThanOrEqual(fit.paneWidth);
  }
  return fit;
}

/** A screenshot of the pane alone, scrolled to what the test is about. */
async function paneScreenshot(wb: Workbench, name: string) {
  return wb.shots.takeOf(wb.page.locator('iframe[title="LedgerMail task pane"]'), name);
}

describe('task pane layout at 360 pixels', () => {
  for (const [tag, language] of DISPLAY_LANGUAGES) {
    it(`keeps the search box and the Filters button inside the pane in ${tag}, while searching and filtering`, async () => {
      const { wb, frame, pane } = await openPane(`fit-${language}`, tag);
      const t = paneStrings[language];
      await expectFits(frame, t.filters.show, `${tag}, nothing typed`);
      await pane.getByRole('searchbox', { name: t.search.label }).fill('Metallbau');
      // The search box shows its clear button once it holds text: the state the issue reported.
      await pane
        .getByRole('listitem', { name: /Metallbau/ })
        .first()
        .waitFor();
      await eventually(async () => expect((await measure(frame, t.filters.show)).overflow).toBe(0));
      const fit = await expectFits(frame, t.filters.show, `${tag}, search typed`);
      expect(fit.filters, 'the Filters button is there').not.toBeNull();
      await pane.getByRole('button', { name: t.filters.show }).click();
      await pane.getByRole('combobox', { name: t.filters.status }).waitFor();
      await expectFits(frame, t.filters.show, `${tag}, search typed, filters open`);
      await paneScreenshot(wb, 'searched-filters-open');

      await pane.getByRole('tab', { name: t.tabs.reminder }).click();
      await pane.getByRole('searchbox', { name: t.search.label }).fill('Huber');
      await pane.getByRole('button', { name: t.filters.show }).click();
      await pane.getByRole('combobox', { name: t.filters.level }).waitFor();
      await expectFits(frame, t.filters.show, `${tag}, reminders, search typed, filters open`);
    });
  }

  it('shows long customer names in full, in the rows and in their accessible names', async () => {
    const { wb, frame, pane } = await openPane('long-names', 'en-US');
    for (const name of LONG_NAMES) {
      await pane.getByRole('searchbox', { name: 'Search documents' }).fill(name);
      const rows = pane.getByRole('list', { name: 'All documents' }).getByRole('listitem');
      await eventually(async () => {
        const labels = await rows.evaluateAll((items) => items.map((li) => li.getAttribute('aria-label') ?? ''));
        expect(labels.length).toBeGreaterThan(0);
        expect(
          labels.every((label) => label.includes(name)),
          labels.join(' | '),
        ).toBe(true);
      });
      // The name as the person sees it: its whole text inside the row, nothing cut off or hidden.
      const shown = await frame.evaluate((wanted) => {
        const names = [...document.querySelectorAll('li span')].filter((el) => el.textContent === wanted);
        return names.map((el) => {
          const box = el.getBoundingClientRect();
          return {
            clipped: el.scrollWidth > el.clientWidth,
            right: box.right,
            width: document.documentElement.clientWidth,
          };
        });
      }, name);
      expect(shown.length, name).toBeGreaterThan(0);
      for (const span of shown) {
        expect(span.clipped, name).toBe(false);
        expect(span.right, name).toBeLessThanOrEqual(span.width);
      }
      await expectFits(frame, 'Filters', name);
    }
    await paneScreenshot(wb, 'long-name');
  });

  it("draws a recipient's long list in steps: a dozen rows first, the rest as the pane scrolls near its end", async () => {
    // The demo ledger's customer with the most invoices (35).
    const { wb, frame, pane } = await openPane('long-list', 'en-US');
    await wb.typeRecipients('to', 'urs.schneider@postfach.example');
    const rows = pane.getByRole('list', { name: 'For this message' }).getByRole('listitem');
    await eventually(async () => expect(await rows.count()).toBe(12));
    await pane.getByRole('button', { name: 'Show more (12 of 35 shown)' }).waitFor();
    await paneScreenshot(wb, 'long-list-first-rows');
    // Scrolling toward the end draws the rest without a click; the button goes with nothing left to draw.
    await frame.evaluate(() => document.scrollingElement!.scrollBy(0, 600));
    await eventually(async () => expect(await rows.count()).toBe(35));
    expect(await pane.getByRole('button', { name: /^Show more/ }).count()).toBe(0);
    await expectFits(frame, 'Filters', 'long list');
  });

  it('shows the reminders of the run with their customers in full, inside the pane', async () => {
    const { wb, frame, pane } = await openPane('bulk-names', 'en-US');
    await pane.getByRole('tab', { name: 'Reminders' }).click();
    await pane.getByRole('button', { name: 'Send in bulk' }).click();
    const list = pane.getByRole('list', { name: 'Select reminders' });
    await list.locator('label').first().waitFor({ timeout: 20_000 });
    const labels = await list.locator('label').evaluateAll((items) =>
      items.map((label) => ({
        text: label.textContent ?? '',
        clipped: label.scrollWidth > label.clientWidth,
        right: label.getBoundingClientRect().right,
      })),
    );
    expect(labels.length).toBeGreaterThan(10);
    const width = await frame.evaluate(() => document.documentElement.clientWidth);
    for (const label of labels) {
      expect(label.clipped, label.text).toBe(false);
      expect(label.right, label.text).toBeLessThanOrEqual(width);
    }
    await expectFits(frame, 'Filters', 'reminder run');
    await list.scrollIntoViewIfNeeded();
    await paneScreenshot(wb, 'reminder-run');
  });

  for (const [tag, language] of DISPLAY_LANGUAGES) {
    it(`keeps the pager on one line with the total in ${tag}`, async () => {
      const { wb, frame, pane } = await openPane(`pager-${language}`, tag);
      const t = paneStrings[language];
      const pager = pane.getByRole('navigation', { name: t.all.heading });
      const next = pager.getByRole('button', { name: t.all.next });
      const range = (first: number, last: number) =>
        t.all.range(first, last, { count: DEMO_INVOICE_COUNT, exact: true });
      await pager.getByText(range(1, 50)).waitFor({ timeout: 20_000 });
      await next.click();
      await pager.getByText(range(51, 100)).waitFor({ timeout: 20_000 });
      await pager.scrollIntoViewIfNeeded();

      const line = await frame.evaluate((label) => {
        const nav = document.querySelector(`nav[aria-label="${label}"]`)!;
        const parts = [...nav.children].map((child) => child.getBoundingClientRect());
        const box = nav.getBoundingClientRect();
        return {
          height: box.height,
          tallest: Math.max(...parts.map((p) => p.height)),
          tops: parts.map((p) => Math.round(p.top + p.height / 2)),
          right: box.right,
          width: document.documentElement.clientWidth,
        };
      }, t.all.heading);
      expect(line.tops.length).toBe(3);
      // One line: the pager is as tall as its tallest part, and all three sit on the same middle line.
      expect(line.height).toBeLessThanOrEqual(line.tallest + 8);
      expect(Math.max(...line.tops) - Math.min(...line.tops)).toBeLessThanOrEqual(2);
      expect(line.right).toBeLessThanOrEqual(line.width);
      await expectFits(frame, t.filters.show, `${tag}, page 2`);
      await paneScreenshot(wb, 'pager');
      // The buttons are named for the keyboard and the screen reader, and go back as they came.
      await pager.getByRole('button', { name: t.all.previous }).click();
      await pager.getByText(range(1, 50)).waitFor();
    });
  }
});
