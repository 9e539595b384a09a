import { unmarkAddress } from '../../contract/marking';
import { useCallback, useEffect, useState } from 'react';
import { EmailAddressSchema } from '../../contract/sends.schemas';
import type { ComposeItem } from '../../services/compose-item';

/**
 * The e-mail addresses in To and Cc, lower-cased, unique and sorted (so an unchanged set keeps the same key
 * and causes no new request). Follows RecipientsChanged where Outlook raises it, otherwise re-reads when the
 * pane gets focus; `refresh` re-reads on demand.
 */
export function useRecipientEmails(item: ComposeItem): { emails: string[]; refresh: () => void; error: unknown } {
  const [emails, setEmails] = useState<string[]>([]);
  const [error, setError] = useState<unknown>(null);

  const refresh = useCallback(() => {
    item.getRecipients().then(
      ({ to, cc }) => {
        const next = normalizeEmails([...to, ...cc].map((r) => r.emailAddress));
        setEmails((current) => (current.join(',') === next.join(',') ? current : next));
        setError(null);
      },
      (reason: unknown) => setError(reason),
    );
  }, [item]);

  useEffect(() => {
    let active = true;
    let unsubscribe: (() => Promise<void>) | null = null;
    refresh();
    const onFocus = () => refresh();
    item.onRecipientsChanged(refresh).then(
      (remove) => {
        if (!active) {
          void remove?.().catch(() => undefined);
          return;
        }
        unsubscribe = remove;
        if (!remove) window.addEventListener('focus', onFocus);
      },
      (reason: unknown) => {
        setError(reason);
        window.addEventListener('focus', onFocus);
      },
    );
    return () => {
      active = false;
      window.removeEventListener('focus', onFocus);
      // Removing the handler can only fail when the item is gone, and then there is nothing to clean up.
      void unsubscribe?.().catch(() => undefined);
    };
  }, [item, refresh]);

  return { emails, refresh, error };
}

/** Display names or distribution lists are not addresses the bridge can look up; they are left out. */
export function normalizeEmails(addresses: readonly string[]): string[] {
  // A draft marked for IncaMail (the mailbox route) still belongs to the customers it was written to.
  const valid = addresses
    .map((a) => unmarkAddress(a.trim().toLowerCase()))
    .filter((a) => EmailAddressSchema.safeParse(a).success);
  return [...new Set(valid)].sort();
}
