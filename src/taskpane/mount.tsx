import { createRoot } from 'react-dom/client';
import type { Language } from '../contract/locale';
import { createSignedInBridgeClient } from '../services/signed-in-bridge';
import { createComposeItem } from '../services/compose-item';
import { App } from './App';

/** Renders the pane into the container, with the real bridge client and the Office.js wrappers. */
export function mountPane(
  container: HTMLElement,
  host: {
    item: Office.MessageCompose;
    language: Language;
    officeTheme: Office.OfficeTheme | undefined;
    userEmail?: string | undefined;
  },
): void {
  container.textContent = '';
  createRoot(container).render(
    <App
      bridge={createSignedInBridgeClient({ userEmail: () => host.userEmail ?? '' })}
      item={createComposeItem(host.item)}
      language={host.language}
      officeTheme={host.officeTheme}
      userEmail={host.userEmail}
    />,
  );
}
