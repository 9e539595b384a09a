import { toLanguage } from '../contract/language';
import { askAuthConfigEarly } from '../services/auth-config-early';
import { detectOfficeHost } from '../services/office-host';
import { showFirstPaint, showOutsideOutlook } from './first-paint-view';

/**
 * The composition root, kept small on purpose: once Office is ready it says, in plain DOM and in the
 * person's language, that the pane is loading (or that it must be opened from Outlook), then loads the pane
 * (React, Fluent UI, zod, the bridge client) as a separate chunk. The only place that reaches for
 * Office.context; everything below gets what it needs as arguments.
 */
async function startPane(root: HTMLElement): Promise<void> {
  if (typeof Office === 'undefined') {
    // office.js itself did not load (blocked or offline): there is no Office to ask for a language.
    showFirstPaint(root, toLanguage(navigator.language), 'load-failed');
    return;
  }
  const host = await detectOfficeHost(Office);
  // Office's display language, e.g. `de-CH`; outside Office office.js gives none, and the browser's
  // language is the best guess at the person's.
  const language = toLanguage(Office.context.displayLanguage || navigator.language);
  try {
    if (host === 'outside-outlook') {
      // Nothing here works without Outlook's compose item: the pane's chunks are not loaded, only the notice's
      // texts, which Outlook never needs and so do not weigh on the first chunk.
      const { outsideOutlookStrings } = await import(
        /* webpackChunkName: "outside-outlook" */ './strings/outside-outlook'
      );
      showOutsideOutlook(root, language, outsideOutlookStrings[language]);
      return;
    }
    showFirstPaint(root, language, 'loading');
    const authConfig = askAuthConfigEarly();
    const { mountPane } = await import(/* webpackChunkName: "pane" */ './mount');
    mountPane(root, {
      authConfig,
      mailbox: Office.context.mailbox,
      language,
      officeTheme: Office.context.officeTheme,
      userEmail: Office.context.mailbox.userProfile?.emailAddress,
    });
  } catch {
    showFirstPaint(root, language, 'load-failed');
  }
}

const root = document.getElementById('root');
if (!root) throw new Error('LedgerMail: #root is missing from taskpane.html');
void startPane(root);
