import { createRoot } from 'react-dom/client';
import { createSimulatedOffice, MAILBOX_VERSIONS, type SimulatedOffice } from './office-sim';
import { browserDraftsFolder } from './browser-drafts-folder';
import { Workbench } from './Workbench';
import { WorkbenchContext } from './workbench-context';

declare global {
  interface Window {
    /** Read by the framed add-in pages (their office.js shim) and by the end-to-end tests. */
    ledgerMailWorkbench: SimulatedOffice;
  }
}

// Query parameters preset the simulated host, so a link (or a test) opens the workbench as it needs it.
const params = new URLSearchParams(window.location.search);
const version = MAILBOX_VERSIONS.find((v) => v === params.get('host'));
const sim = createSimulatedOffice({
  ...(version ? { version } : {}),
  ...(params.get('lang') ? { displayLanguage: params.get('lang')! } : {}),
  ...(params.get('theme') === 'dark' ? { theme: 'dark' as const } : {}),
  // Saved drafts outlive a reload of this page, as Outlook's Drafts folder does a reload of Outlook on the web.
  drafts: browserDraftsFolder(),
});
window.ledgerMailWorkbench = sim;

const container = document.getElementById('root');
if (!container) throw new Error('LedgerMail workbench: #root is missing from index.html');
createRoot(container).render(
  <WorkbenchContext.Provider value={sim}>
    <Workbench />
  </WorkbenchContext.Provider>,
);
