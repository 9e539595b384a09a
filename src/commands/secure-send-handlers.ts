import { toLanguage } from '../contract/locale';
import type { SecureMode } from '../contract/modes';
import { showNotification } from '../services/office-item';
import { createOutgoingItem } from '../services/outgoing-message';
import { createSendsClient, SEND_REQUEST_TIMEOUT_MS } from '../services/sends-client';
import { createSignedInBridgeClient } from '../services/signed-in-bridge';
import { runSecureSend } from './secure-send';
import { commandStrings } from './strings';

async function handle(mode: SecureMode, event: Office.AddinCommands.Event): Promise<void> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  const strings = commandStrings[toLanguage(Office.context.displayLanguage)];
  try {
    const userEmail = Office.context.mailbox.userProfile.emailAddress;
    await runSecureSend(mode, {
      item: createOutgoingItem(item, userEmail),
      // A 30 MB message takes a while to upload on an ordinary line: allow two minutes, not the default 15 s.
      sends: createSendsClient(
        createSignedInBridgeClient({ userEmail: () => userEmail, timeoutMs: SEND_REQUEST_TIMEOUT_MS }),
      ),
      strings,
      canDiscard: Office.context.requirements.isSetSupported('Mailbox', '1.14'),
    });
  } catch (error) {
    // runSecureSend reports its own failures; this is the last resort, and must not hide the send's outcome.
    await showNotification(item, 'ledgermail-send', 'error', strings.notSent(String(error))).catch(() => undefined);
  } finally {
    // Outlook stops a function command that never completes only after 5 minutes, with a spinner meanwhile.
    event.completed();
  }
}

export function sendRegistered(event: Office.AddinCommands.Event): void {
  void handle('registered', event);
}

export function sendConfidential(event: Office.AddinCommands.Event): void {
  void handle('confidential', event);
}
