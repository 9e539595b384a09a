import { useCallback, useEffect, useState } from 'react';
import { formatSize } from '../format';
import {
  fetchMailboxMessages,
  fetchSandboxMessages,
  type MailboxListing,
  type SandboxListing,
} from '../sandbox-messages';
import { useCommandRuns } from '../workbench-context';

const INCAMAIL_STATUS = {
  'not-addressed': 'ordinary e-mail, not for IncaMail',
  accepted: 'IncaMail accepted it',
  refused: 'IncaMail refused it',
} as const;

/**
 * What the IncaMail sandbox received, and what the simulated mailbox sent (Outlook's Send): refreshed after
 * every ribbon command, every Send, and on request.
 */
export function SandboxPanel({ mailboxSends }: { mailboxSends: number }) {
  const [listing, setListing] = useState<SandboxListing | null>(null);
  const [mailbox, setMailbox] = useState<MailboxListing | null>(null);
  const runs = useCommandRuns();
  const settledRuns = runs.filter((r) => r.status !== 'running').length;
  const refresh = useCallback(() => {
    void fetchSandboxMessages().then(setListing);
    void fetchMailboxMessages().then(setMailbox);
  }, []);
  useEffect(refresh, [refresh, settledRuns, mailboxSends]);

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
      <h3 id="mailbox-title">Sent from the mailbox (Outlook’s Send)</h3>
      {mailbox?.status === 'available' &&
        (mailbox.messages.length === 0 ? (
          <p data-mailbox="empty">Nothing was sent with Send yet.</p>
        ) : (
          <ol aria-labelledby="mailbox-title">
            {mailbox.messages.map((m) => (
              <li key={m.id} data-mailbox-id={m.id} data-incamail={m.incamail.status}>
                <div className="sandbox-subject">{m.subject || '(no subject)'}</div>
                <div>To: {[...m.to, ...m.cc, ...m.bcc].join(', ')}</div>
                <div>
                  {INCAMAIL_STATUS[m.incamail.status]}
                  {m.incamail.status === 'refused' ? `: ${m.incamail.response}` : ''}
                </div>
              </li>
            ))}
          </ol>
        ))}
    </section>
  );
}
