import { useRef, useState } from 'react';
import type { MailboxMessage } from '../../contract/sandbox.schemas';
import type { SmartAlert, SmartAlertChoice } from '../office-sim';
import { waitForAssociation } from '../function-file';
import { readOnSendLaunchEvent } from '../manifest-ribbon';
import { sendThroughMailbox } from '../sandbox-messages';
import type { ManifestState } from '../use-manifest';
import { useCompose, useSimulatedOffice } from '../workbench-context';
import { SmartAlertDialog } from './SmartAlertDialog';

/** After this long Outlook tells the person the add-in is taking longer than expected (Smart Alerts). */
const LONG_RUNNING_MS = 5_000;

type Progress =
  | { step: 'idle' }
  | { step: 'checking'; slow: boolean }
  | { step: 'alert'; alert: SmartAlert }
  | { step: 'sending' }
  | { step: 'sent'; message: MailboxMessage }
  | { step: 'held'; why: string }
  | { step: 'failed'; reason: string };

function describe(progress: Progress): string {
  switch (progress.step) {
    case 'idle':
    case 'alert':
      return '';
    case 'checking':
      return progress.slow ? 'LedgerMail is taking longer than expected to check this message…' : 'Checking…';
    case 'sending':
      return 'Sending through the mailbox…';
    case 'sent': {
      const { incamail } = progress.message;
      if (incamail.status === 'accepted') return `Sent. IncaMail accepted it for ${incamail.recipients.join(', ')}.`;
      if (incamail.status === 'refused') return `Sent, but IncaMail refused it: ${incamail.response}`;
      return 'Sent as ordinary e-mail (no IncaMail recipient).';
    }
    case 'held':
      return progress.why;
    case 'failed':
      return `Not sent: ${progress.reason}.`;
  }
}

/**
 * Outlook's Send, with the manifest's Smart Alert: the OnMessageSend handler runs in the function file (as in
 * Outlook on the web), its answer opens Outlook's dialog or lets the message go, and the message then leaves
 * through the simulated mailbox (the bridge's, which routes marked recipients to the IncaMail sandbox).
 */
export function SendBar({
  manifest,
  onSent,
  onOpenPane,
}: {
  manifest: ManifestState;
  onSent(): void;
  /** The alert's Take Action opened this task pane command of the manifest. */
  onOpenPane(commandId: string): void;
}) {
  const { host, state } = useSimulatedOffice();
  const { lifecycle } = useCompose();
  const [progress, setProgress] = useState<Progress>({ step: 'idle' });
  const button = useRef<HTMLButtonElement>(null);
  const busy = progress.step === 'checking' || progress.step === 'sending' || progress.step === 'alert';
  const closed = lifecycle === 'sent' || lifecycle === 'discarded';

  const deliver = async () => {
    setProgress({ step: 'sending' });
    try {
      const message = await sendThroughMailbox(state.get());
      host.markSent();
      setProgress({ step: 'sent', message });
      onSent();
    } catch (error) {
      setProgress({ step: 'failed', reason: error instanceof Error ? error.message : String(error) });
    }
  };

  const send = async () => {
    if (manifest.status !== 'ready') return;
    setProgress({ step: 'checking', slow: false });
    const slow = setTimeout(() => setProgress({ step: 'checking', slow: true }), LONG_RUNNING_MS);
    let alert: SmartAlert | undefined;
    try {
      const launch = readOnSendLaunchEvent(manifest.doc);
      if (launch) await waitForAssociation(host.commands.associatedNames, launch.functionName);
      alert = await host.clickSend(launch);
    } catch (error) {
      setProgress({ step: 'failed', reason: error instanceof Error ? error.message : String(error) });
      return;
    } finally {
      clearTimeout(slow);
    }
    if (alert) setProgress({ step: 'alert', alert });
    else await deliver();
  };

  const choose = (choice: SmartAlertChoice) => {
    if (choice === 'send-anyway') return void deliver();
    if (choice === 'take-action' && progress.step === 'alert' && progress.alert.takeAction) {
      onOpenPane(progress.alert.takeAction.commandId);
    }
    setProgress({ step: 'held', why: 'Not sent: the message is still open.' });
    button.current?.focus();
  };

  return (
    <div className="send-bar">
      <button
        ref={button}
        type="button"
        className="send-button"
        disabled={busy || closed || manifest.status !== 'ready'}
        onClick={() => void send()}
      >
        Send
      </button>
      <span role="status" aria-live="polite" data-send-step={progress.step}>
        {describe(progress)}
      </span>
      {progress.step === 'alert' && <SmartAlertDialog alert={progress.alert} onChoose={choose} />}
    </div>
  );
}
