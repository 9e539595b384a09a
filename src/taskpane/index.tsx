import { firstPaintStrings } from './strings/first-paint';

/**
 * The composition root, kept small on purpose: it paints a localized loading line the moment Office is
 * ready, then loads the pane (React, Fluent UI, zod, the bridge client) as a separate chunk. The only place
 * that reaches for Office.context; everything below gets what it needs as arguments.
 */
Office.onReady(async () => {
  const container = document.getElementById('root');
  if (!container) throw new Error('LedgerMail: #root is missing from taskpane.html');
  // Office's display language, e.g. `de-CH`; contract/locale's toLanguage is not imported here because the
  // contract module brings zod into this first chunk.
  const primary = (Office.context.displayLanguage ?? '').toLowerCase().split(/[-_]/)[0] ?? '';
  const language = primary in firstPaintStrings ? (primary as keyof typeof firstPaintStrings) : 'en';
  const strings = firstPaintStrings[language];
  document.documentElement.lang = language;
  container.setAttribute('role', 'status');
  container.textContent = strings.loading;
  try {
    const { mountPane } = await import(/* webpackChunkName: "pane" */ './mount');
    container.removeAttribute('role');
    mountPane(container, {
      item: Office.context.mailbox.item as Office.MessageCompose,
      language,
      officeTheme: Office.context.officeTheme,
      userEmail: Office.context.mailbox.userProfile?.emailAddress,
    });
  } catch {
    container.textContent = strings.loadFailed;
  }
});
