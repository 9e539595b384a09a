import { useId } from 'react';
import { MAILBOX_VERSIONS, type MailboxVersion, type Theme } from '../office-sim';
import { useHostSettings, useSimulatedOffice } from '../workbench-context';
import { DraftsMenu } from './DraftsMenu';

const LANGUAGES = [
  { tag: 'en-US', label: 'English' },
  { tag: 'de-CH', label: 'Deutsch' },
  { tag: 'fr-CH', label: 'Français' },
  { tag: 'it-CH', label: 'Italiano' },
];

/** The simulated host: requirement set, display language and theme, as an Outlook client would report them. */
export function HostBar() {
  const { host } = useSimulatedOffice();
  const settings = useHostSettings();
  const id = useId();
  return (
    <div className="host-bar" role="group" aria-label="Simulated host">
      <label htmlFor={`${id}-host`}>Host</label>
      <select
        id={`${id}-host`}
        value={settings.version}
        onChange={(e) => host.configure({ version: e.target.value as MailboxVersion })}
      >
        {MAILBOX_VERSIONS.map((v) => (
          <option key={v} value={v}>
            Mailbox {v}
            {v === '1.13' ? ' (no closeAsync)' : v === '1.14' ? ' (Mac)' : ''}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-lang`}>Display language</label>
      <select
        id={`${id}-lang`}
        value={settings.displayLanguage}
        onChange={(e) => host.configure({ displayLanguage: e.target.value })}
      >
        {LANGUAGES.map((l) => (
          <option key={l.tag} value={l.tag}>
            {l.label} ({l.tag})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-theme`}>Theme</label>
      <select
        id={`${id}-theme`}
        value={settings.theme}
        onChange={(e) => host.configure({ theme: e.target.value as Theme })}
      >
        <option value="light">Light</option>
        <option value="dark">Dark</option>
      </select>
      <button type="button" onClick={() => host.newDraft()}>
        New draft
      </button>
      <DraftsMenu />
    </div>
  );
}
