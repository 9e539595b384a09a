import { useState } from 'react';
import { CommandLog } from './components/CommandLog';
import { ComposeForm } from './components/ComposeForm';
import { HostBar } from './components/HostBar';
import { ItemState } from './components/ItemState';
import { NotificationBar } from './components/NotificationBar';
import { Ribbon } from './components/Ribbon';
import { SandboxPanel } from './components/SandboxPanel';
import { SendBar } from './components/SendBar';
import { isTaskPaneCommand } from './manifest-ribbon';
import { useManifest } from './use-manifest';
import { useHostSettings } from './workbench-context';

/**
 * The workbench: a simulated Outlook compose window hosting the real task pane and the real function
 * file in frames. The frames reload when the simulated host changes, as Outlook would start them anew.
 */
export function Workbench() {
  const settings = useHostSettings();
  const [paneOpen, setPaneOpen] = useState(true);
  const manifest = useManifest();
  const [mailboxSends, setMailboxSends] = useState(0);
  const frameKey = `${settings.version}|${settings.displayLanguage}|${settings.theme}`;

  return (
    <div className={`workbench theme-${settings.theme}`}>
      <header className="workbench-header">
        <h1>LedgerMail workbench</h1>
        <p className="disclaimer">
          A development tool that simulates an Outlook compose window around the real add-in. It is not Outlook.
        </p>
        <HostBar />
      </header>
      <Ribbon manifest={manifest} paneOpen={paneOpen} onTogglePane={() => setPaneOpen((open) => !open)} />
      <NotificationBar />
      <div className="workbench-main">
        <main className="compose-column">
          <SendBar
            manifest={manifest}
            onSent={() => setMailboxSends((n) => n + 1)}
            onOpenPane={(commandId) => {
              // The Invoices button is the manifest's one task pane: Outlook opens it for its control id.
              if (manifest.status === 'ready' && isTaskPaneCommand(manifest.doc, commandId)) setPaneOpen(true);
            }}
          />
          <ItemState />
          <ComposeForm />
        </main>
        {paneOpen && (
          <aside className="pane-column" aria-label="Task pane">
            <iframe
              key={frameKey}
              className="taskpane-frame"
              title="LedgerMail task pane"
              src="/workbench/taskpane.html"
            />
          </aside>
        )}
      </div>
      <div className="workbench-panels">
        <CommandLog />
        <SandboxPanel mailboxSends={mailboxSends} />
      </div>
      <iframe key={frameKey} title="LedgerMail function file" src="/workbench/commands.html" hidden />
    </div>
  );
}
