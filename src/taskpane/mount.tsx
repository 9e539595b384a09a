import { createRoot } from 'react-dom/client';
import type { Language } from '../contract/locale';
import { createSignedInBridgeClient } from '../services/signed-in-bridge';
import { createComposeMailbox } from '../services/compose-item';
import { interactiveEntraSignIn } from '../services/entra-sign-in';
import { PaneRoot } from './PaneRoot';

/** Renders the pane into the container, with the real bridge client and the Office.js wrappers. */
export function mountPane(
  container: HTMLElement,
  host: {
    /** Office.context.mailbox: its item, and ItemChanged when a pinned pane moves to another item. */
    mailbox: Office.Mailbox;
    language: Language;
    officeTheme: Office.OfficeTheme | undefined;
    userEmail?: string | undefined;
    /** `/api/auth/config`, asked for while these scripts loaded (index.tsx). */
    authConfig?: Promise<unknown>;
  },
): void {
  container.textContent = '';
  createRoot(container).render(
    <PaneRoot
      bridge={createSignedInBridgeClient({
        userEmail: () => host.userEmail ?? '',
        entra: interactiveEntraSignIn(),
        ...(host.authConfig ? { authConfig: host.authConfig } : {}),
      })}
      mailbox={createComposeMailbox(host.mailbox)}
      language={host.language}
      officeTheme={host.officeTheme}
      userEmail={host.userEmail}
    />,
  );
}
