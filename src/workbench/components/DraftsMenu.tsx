import { useEffect, useId, useState } from 'react';
import type { SavedDraft } from '../office-sim';
import { useSimulatedOffice } from '../workbench-context';

/**
 * Outlook's Drafts folder: the drafts saved so far (they outlive a reload of the workbench), and opening one
 * in the compose window, as a person opens a draft again after Outlook on the web reloaded.
 */
export function DraftsMenu() {
  const { host } = useSimulatedOffice();
  const id = useId();
  const [drafts, setDrafts] = useState<readonly SavedDraft[]>([]);
  const [chosen, setChosen] = useState('');

  useEffect(() => {
    let active = true;
    const refresh = () => {
      host.savedDrafts().then(
        (list) => active && setDrafts(list),
        () => active && setDrafts([]),
      );
    };
    refresh();
    const unsubscribe = host.subscribeDrafts(refresh);
    return () => {
      active = false;
      unsubscribe();
    };
  }, [host]);

  const open = () => {
    if (!chosen) return;
    void host.openDraft(chosen).then(() => setChosen(''));
  };
  return (
    <>
      <label htmlFor={id}>Drafts</label>
      <select id={id} value={chosen} style={{ maxWidth: '18em' }} onChange={(e) => setChosen(e.target.value)}>
        <option value="">{drafts.length === 0 ? 'None saved' : `${drafts.length} saved`}</option>
        {drafts.map((draft) => (
          <option key={draft.itemId} value={draft.itemId}>
            {draft.subject || '(no subject)'} · saved {new Date(draft.savedAt).toLocaleTimeString('de-CH')}
          </option>
        ))}
      </select>
      <button type="button" disabled={!chosen} onClick={open}>
        Open draft
      </button>
    </>
  );
}
