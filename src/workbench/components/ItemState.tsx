import type { ItemLifecycle } from '../office-sim';
import { useCompose } from '../workbench-context';

const TEXT: Record<ItemLifecycle, string> = {
  open: 'Draft open, not saved.',
  saved: 'Draft saved (saveAsync).',
  discarded: 'Draft discarded by the add-in (closeAsync with discardItem): Outlook would close this window.',
  closed: 'Compose window closed (closeAsync); the draft was kept.',
  sent: "Sent through the mailbox (Outlook's Send): Outlook would close this window.",
};

export function ItemState() {
  const { lifecycle, itemId } = useCompose();
  return (
    <p className={`item-state item-state-${lifecycle}`} role="status" data-lifecycle={lifecycle}>
      {TEXT[lifecycle]}
      {itemId ? ` Item id ${itemId}.` : ''}
    </p>
  );
}
