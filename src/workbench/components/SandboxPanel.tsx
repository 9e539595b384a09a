import { useCallback, useEffect, useState } from 'react';
import { formatSize } from '../format';
import { fetchSandboxMessages, type SandboxListing } from '../sandbox-messages';
import { useCommandRuns } from '../workbench-context';

/** What the IncaMail sandbox received: refreshed after every ribbon command and on request. */
export function SandboxPanel() {
  const [listing, setListing] = useState<SandboxListing | null>(null);
  const runs = useCommandRuns();
  const settledRuns = runs.filter((r) => r.status !== 'running').length;
  const refresh = useCallback(() => {
    void fetchSandboxMessages().then(setListing);
  }, []);
  useEffect(refresh, [refresh, settledRuns]);

  return (
    <section className="panel sandbox" aria-labelledby="sandbox-title">
      <h2 id="sandbox-title">IncaMail sandbox</h2>
      <button type="button" onClick={refresh}>
        Refresh
      </button>
      {listing === null && <p>Loading…</p>}
      {listing?.status === 'not-available' && <p data-sandbox="not-available">Not available: {listing.reason}.</p>}
      {listing?.status === 'available' &&
        (listing.messages.length === 0 ? (
          <p data-sandbox="empty">The sandbox has received no message.</p>
        ) : (
          <ol aria-label="Messages received by the sandbox">
            {listing.messages.map((m) => (
              <li key={m.id} data-message-id={m.id}>
                <div className="sandbox-subject">{m.subject}</div>
                <div>To: {m.to.join(', ')}</div>
                {m.attachments.map((a) => (
                  <div key={a.name}>
                    {a.name}, {formatSize(a.sizeBytes)}
                  </div>
                ))}
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
