/** @jest-environment ./test/support/dom-environment.js */
import { readFileSync } from 'node:fs';
import { within } from '@testing-library/react';
import { LANGUAGES, type Language } from '../contract/language';
import { showFirstPaint, showOutsideOutlook } from './first-paint-view';
import { outsideOutlookStrings } from './strings/outside-outlook';

/** The body of the real taskpane.html, so the live region is the one the page ships. */
const PAGE_BODY = /<body[^>]*>([\s\S]*)<\/body>/.exec(
  readFileSync(new URL('./taskpane.html', import.meta.url), 'utf8'),
)![1]!;

function page(): HTMLElement {
  document.body.innerHTML = PAGE_BODY;
  return document.getElementById('root')!;
}

describe('the first paint of the task pane', () => {
  it('comes with a live status region in taskpane.html, before any text is written', () => {
    const root = page();
    expect(within(root).getByRole('status')).toBeEmptyDOMElement();
  });

  it('says it is loading in the status region', () => {
    const root = page();
    const region = within(root).getByRole('status');
    showFirstPaint(root, 'de', 'loading');
    expect(within(root).getByRole('status')).toBe(region);
    expect(region).toHaveTextContent('Dokumente werden geladen…');
    expect(document.documentElement.lang).toBe('de');
  });

  it('tells outside Outlook, in the same status region, where LedgerMail is opened', () => {
    const root = page();
    const region = within(root).getByRole('status');
    showFirstPaint(root, 'de', 'loading');
    showOutsideOutlook(root, 'de', outsideOutlookStrings.de);
    expect(within(root).getByRole('status')).toBe(region);
    expect(within(region).getByRole('heading', { level: 1 })).toHaveTextContent('LedgerMail in Outlook öffnen');
    expect(region).toHaveTextContent('Erstellen Sie in Outlook eine neue Nachricht');
    expect(region).not.toHaveTextContent('geladen');
    expect(within(root).queryByRole('alert')).toBeNull();
  });

  it('raises a load failure as an alert and empties the status region', () => {
    const root = page();
    showFirstPaint(root, 'fr', 'loading');
    showFirstPaint(root, 'fr', 'load-failed');
    expect(within(root).getByRole('alert')).toHaveTextContent('LedgerMail n’a pas pu être chargé.');
    expect(within(root).getByRole('status')).toBeEmptyDOMElement();
    showFirstPaint(root, 'fr', 'load-failed');
    expect(root.querySelectorAll('[role="alert"]')).toHaveLength(1);
  });

  it('makes its own status region where a page lacks one', () => {
    document.body.innerHTML = '<div id="root"></div>';
    const root = document.getElementById('root')!;
    showFirstPaint(root, 'it', 'loading');
    expect(within(root).getByRole('status')).toHaveTextContent('Caricamento dei documenti…');
  });

  /** The three first-paint texts as shown in a language: loading, outside Outlook, load failure. */
  function textsIn(language: Language): string[] {
    return (['loading', 'outside-outlook', 'load-failed'] as const).map((paint) => {
      const root = page();
      if (paint === 'outside-outlook') showOutsideOutlook(root, language, outsideOutlookStrings[language]);
      else showFirstPaint(root, language, paint);
      return root.textContent ?? '';
    });
  }

  it.each(LANGUAGES)(
    'has every first-paint text in %s, and not in English where the language is another',
    (language) => {
      const texts = textsIn(language);
      const english = textsIn('en');
      for (const [index, text] of texts.entries()) {
        expect(text.trim().length, `${language} #${index}`).toBeGreaterThan(10);
        if (language !== 'en') expect(text, `${language} #${index}`).not.toBe(english[index]);
      }
      // The how-to names the ribbon's group and the button as the manifest labels them in that language.
      expect(texts[1]).toContain('LedgerMail');
      expect(texts[1]).toContain({ de: 'Rechnungen', fr: 'Factures', it: 'Fatture', en: 'Invoices' }[language]);
    },
  );
});
