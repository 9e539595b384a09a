import { useEffect, useState } from 'react';
import type { ComposeMailbox } from '../services/compose-item';
import { App, type AppProps } from './App';
import { paneStrings } from './strings';

export type PaneRootProps = Omit<AppProps, 'item'> & { mailbox: ComposeMailbox };

/**
 * The pane for the item Outlook shows it with. A pinned pane that Outlook moves to another item (ItemChanged,
 * Mailbox 1.5: the user started a new draft) starts afresh there: nothing of the last message (what was
 * attached to it, its notices, its send) may be said about the new one.
 */
export function PaneRoot({ mailbox, ...props }: PaneRootProps) {
  const [current, setCurrent] = useState(() => ({ item: mailbox.currentItem(), generation: 0 }));

  useEffect(() => {
    let unmounted = false;
    let removeHandler: (() => Promise<void>) | null = null;
    mailbox
      .onItemChanged(() => setCurrent((c) => ({ item: mailbox.currentItem(), generation: c.generation + 1 })))
      .then(
        (remove) => {
          if (unmounted) void remove?.().catch(() => undefined);
          else removeHandler = remove;
        },
        // Not registered: Outlook closes an unpinned pane with its item, and opens it anew for the next one.
        () => undefined,
      );
    return () => {
      unmounted = true;
      void removeHandler?.().catch(() => undefined);
    };
  }, [mailbox]);

  if (!current.item) return <p role="status">{paneStrings[props.language].noItem}</p>;
  return <App key={current.generation} {...props} item={current.item} />;
}
